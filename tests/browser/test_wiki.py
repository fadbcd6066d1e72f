import re

import pytest
from playwright.sync_api import expect

from community.accounts.roles import REDAKTION
from tests.factories import PASSWORD, ParentFactory, UserFactory, browser_log_in, make_article, wiki_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_parent_edits_on_a_phone_editor_approves_in_the_admin_and_the_change_is_live(live_server, page, browser):
    from home.models import HomePage

    article = make_article(
        wiki_index(HomePage.objects.get()), title="Kinderarzt finden", body="## Suchen\nFrüh anrufen."
    )
    ParentFactory(username="sandra", display_name="Sandra aus Styrum")
    UserFactory(username="redakteurin", roles=[REDAKTION])

    # A parent on a phone: log in from the edit button, type, preview.
    page.goto(f"{live_server.url}{article.url}")
    page.get_by_role("link", name="Bearbeiten").click()
    page.get_by_label("E-Mail-Adresse oder Benutzername").fill("sandra")
    page.get_by_label("Passwort", exact=False).first.fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmeldung").click()
    page.wait_for_url(f"{live_server.url}{article.url}bearbeiten/")
    page.wait_for_load_state()  # the deferred editor script listens for typing only once it has run
    text = page.get_by_label("Text")
    text.fill("## Suchen\nFrüh anrufen.\n\n## Tipp\nDie **Terminservicestelle 116 117** hilft.")
    # The connection drops before saving: the text is still on the device after a reload.
    page.reload()
    page.get_by_role("button", name="Entwurf wiederherstellen").click()
    expect(text).to_have_value(re.compile("Terminservicestelle 116 117"))
    page.get_by_label("Was haben Sie geändert?").fill("Tipp ergänzt")
    page.get_by_role("button", name="Vorschau").click()
    expect(page.locator(".wiki-preview strong")).to_have_text("Terminservicestelle 116 117")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Ihre Änderung wartet auf die Freigabe")).to_be_visible()
    expect(page.locator(".wiki-body")).not_to_contain_text("Terminservicestelle")

    # The Redaktion, at a desk: the inbox lists the edit; its screen shows the diff; one click approves it.
    desk = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    admin = desk.new_page()
    browser_log_in(admin, live_server.url, "redakteurin", next_url="/admin/")  # the admin's login is allauth's
    admin.get_by_role("link", name="Zum Posteingang „Zu prüfen“").click()
    row = admin.locator("tbody tr", has_text="Kinderarzt finden")
    expect(row).to_contain_text("Tipp ergänzt")
    row.get_by_role("link", name="Kinderarzt finden").click()
    expect(admin.get_by_text("Terminservicestelle 116 117", exact=False).first).to_be_visible()
    with admin.expect_navigation():
        admin.get_by_role("button", name="Freigeben", exact=True).click()
    desk.close()

    page.goto(f"{live_server.url}{article.url}")
    expect(page.locator(".wiki-body strong")).to_have_text("Terminservicestelle 116 117")
    expect(page.get_by_text("Sandra aus Styrum")).to_be_visible()
