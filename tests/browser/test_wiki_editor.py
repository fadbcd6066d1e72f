"""The wiki editor on a phone (390 × 844): a parent writes a new article with the toolbar only, previews it and sends
it to the Redaktion; without JavaScript the plain text area and the page-reload preview still do the job."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, ParentFactory, make_article, wiki_index

from .test_accessibility import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page, live_server, url):
    page.goto(f"{live_server.url}{url}")
    page.get_by_label("E-Mail-Adresse oder Benutzername").fill("sandra")
    page.get_by_label("Passwort", exact=False).first.fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmeldung").click()
    page.wait_for_url(f"{live_server.url}{url}")
    page.wait_for_load_state()  # the deferred editor script has built the toolbar


def test_parent_writes_an_article_with_the_toolbar_on_a_phone_and_it_waits_for_the_redaktion(live_server, page):
    from community.wiki.models import WikiEdit
    from community.wiki.selectors import pending_articles
    from home.models import HomePage

    index = wiki_index(HomePage.objects.get())
    make_article(index, title="Kinderärzte am Wochenende", body="Notdienst: 116 117.")
    make_article(index, title="Kinderarzt finden")
    parent = ParentFactory(username="sandra", display_name="Sandra aus Styrum")
    log_in(page, live_server, f"{index.url}neu/")

    toolbar = page.get_by_role("toolbar", name="Formatierung")
    for button in toolbar.get_by_role("button").all():  # touch targets of at least 44 px
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, button.get_attribute("aria-label")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sticks out sideways

    page.locator("#id_title").fill("Hebamme finden")
    text = page.locator("#id_body")
    text.click()
    toolbar.get_by_role("button", name="Überschrift").click()
    page.keyboard.type("Vor der Geburt\nRufen Sie früh an. ")
    toolbar.get_by_role("button", name="Fett").click()
    expect(text).to_have_value(re.compile(r"\*\*fetter Text\*\*$"))  # a placeholder, selected: typing replaces it
    page.keyboard.type("Die Liste hilft")
    page.keyboard.press("End")
    page.keyboard.type("\n")
    toolbar.get_by_role("button", name="Aufzählung").click()
    page.keyboard.type("Hebammenliste der Stadt\n\nMehr dazu: ")
    toolbar.get_by_role("button", name="Wiki-Link").click()
    search = page.get_by_role("combobox", name="Titel des Artikels")
    expect(search).to_be_focused()
    search.press_sequentially("kinderärzte")
    options = page.get_by_role("listbox").get_by_role("option")
    expect(options).to_have_text(["Kinderärzte am Wochenende"])
    expect(page.get_by_role("status").filter(has_text="Passende Artikel: 1")).to_be_visible()
    options.first.click()
    expect(text).to_be_focused()
    expect(text).to_have_value(
        "## Vor der Geburt\nRufen Sie früh an. **Die Liste hilft**\n\n- Hebammenliste der Stadt\n\n"
        "Mehr dazu: [[Kinderärzte am Wochenende]]"
    )

    # The preview takes the text area's place on a phone, rendered by the server.
    preview_button = toolbar.get_by_role("button", name="Vorschau")
    preview_button.click()
    expect(preview_button).to_have_attribute("aria-pressed", "true")
    preview = page.locator(".wiki-preview")
    expect(preview.locator("h2#vor-der-geburt")).to_have_text("Vor der Geburt")
    expect(preview.locator("strong")).to_have_text("Die Liste hilft")
    expect(preview.locator("li")).to_have_text("Hebammenliste der Stadt")
    expect(preview.locator("a.wiki-link")).to_have_text("Kinderärzte am Wochenende")
    expect(text).to_be_hidden()
    preview_button.click()
    expect(text).to_be_visible()

    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Die Redaktion prüft Ihren Artikel")).to_be_visible()
    edit = WikiEdit.objects.get(author=parent)
    assert (edit.state, edit.new_article, edit.summary) == (WikiEdit.State.PENDING, True, "Neuer Artikel")
    assert "[[Kinderärzte am Wochenende]]" in edit.revision.as_object().body
    assert [article.title for article in pending_articles()] == ["Hebamme finden"]  # the Redaktion's queue


def test_link_dialog_and_keyboard_shortcuts_on_the_edit_page_pass_axe(live_server, page):
    from home.models import HomePage

    article = make_article(wiki_index(HomePage.objects.get()), body="Frühe Anmeldung hilft.")
    ParentFactory(username="sandra")
    log_in(page, live_server, f"{article.url}bearbeiten/")
    # Checked with the login's flash message still on the page: the message list is part of every page after a form.
    assert not serious_violations(page), serious_violations(page)
    page.get_by_role("button", name="Vorschau").click()
    expect(page.locator(".wiki-preview .wiki-body p")).to_have_text("Frühe Anmeldung hilft.")
    assert not serious_violations(page), serious_violations(page)
    page.get_by_role("button", name="Vorschau").click()

    text = page.locator("#id_body")
    text.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Shift+Home")  # "Frühe Anmeldung hilft." selected
    page.keyboard.press("Control+b")
    expect(text).to_have_value("**Frühe Anmeldung hilft.**")
    page.keyboard.press("End")
    page.keyboard.type(" Siehe ")
    page.keyboard.press("Control+k")
    address = page.get_by_label(re.compile("^Adresse"))
    expect(address).to_be_focused()
    assert not serious_violations(page), serious_violations(page)
    address.fill("Stadtverwaltung")
    address.press("Enter")  # stays in the dialog instead of sending the form
    expect(page.get_by_role("alert").filter(has_text="Diese Adresse ist ungültig")).to_be_visible()
    address.fill("www.muelheim-ruhr.de")
    page.get_by_label(re.compile("^Linktext")).fill("die Stadt")
    page.get_by_role("button", name="Einfügen").click()
    expect(text).to_have_value("**Frühe Anmeldung hilft.** Siehe [die Stadt](https://www.muelheim-ruhr.de)")
    expect(page.get_by_label(re.compile("^Adresse"))).to_have_count(0)


def test_without_javascript_the_text_area_and_the_reload_preview_work(live_server, browser):
    from home.models import HomePage

    article = make_article(wiki_index(HomePage.objects.get()))
    ParentFactory(username="sandra")
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server, f"{article.url}bearbeiten/")
    expect(page.get_by_role("toolbar")).to_have_count(0)
    page.locator("#id_body").fill("## Neu\nDie **Terminservicestelle** hilft.")
    page.get_by_role("button", name="Vorschau").click()
    expect(page.locator(".wiki-preview strong")).to_have_text("Terminservicestelle")
    expect(page.locator("#id_body")).to_have_value("## Neu\nDie **Terminservicestelle** hilft.")
    context.close()
