"""The Redaktion declines a parent's wiki edit from the review inbox: without a reason it is stopped, with one the
parent reads the reason among their notices."""

import pytest
from playwright.sync_api import expect

from community.accounts.roles import REDAKTION
from community.wiki.services import article_edit
from tests.factories import PASSWORD, ParentFactory, UserFactory, browser_log_in, make_article, wiki_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_editor_declines_a_wiki_edit_only_with_a_reason_and_the_parent_reads_it(live_server, page, browser):
    from home.models import HomePage

    article = make_article(
        wiki_index(HomePage.objects.get()), title="Kinderarzt finden", body="## Suchen\nFrüh anrufen."
    )
    parent = ParentFactory(username="sandra", display_name="Sandra aus Styrum")
    UserFactory(username="redakteurin", roles=[REDAKTION])
    article_edit(
        user=parent,
        article=article,
        body="## Suchen\nFrüh anrufen.\n\n## Tipp\nDer Kinderarzt am Markt ist der beste.",
        summary="Tipp ergänzt",
        base_revision_id=article.latest_revision_id,
    )

    # The Redaktion at a desk: the dashboard counts what waits and leads to the inbox.
    desk = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    admin = desk.new_page()
    browser_log_in(admin, live_server.url, "redakteurin", next_url="/admin/")  # the admin's login is allauth's
    expect(admin.get_by_role("heading", name="1 Eintrag wartet auf Ihre Entscheidung")).to_be_visible()
    admin.get_by_role("link", name="Zum Posteingang „Zu prüfen“").click()
    row = admin.locator("tbody tr", has_text="Kinderarzt finden")
    expect(row).to_contain_text("Wiki-Änderung")
    expect(row).to_contain_text("Sandra aus Styrum")
    expect(row).to_contain_text("Tipp ergänzt")
    row.get_by_role("link", name="Kinderarzt finden").click()

    # Diff and decision on one screen; declining without a reason is stopped.
    expect(admin.get_by_text("Der Kinderarzt am Markt ist der beste.", exact=False).first).to_be_visible()
    admin.get_by_role("button", name="Ablehnen").click()
    expect(admin.get_by_role("alert").filter(has_text="Bitte geben Sie eine Begründung an.")).to_be_visible()
    admin.get_by_label("Begründung").fill("Bitte keine Empfehlungen einzelner Praxen.")
    admin.get_by_role("button", name="Ablehnen").click()
    expect(admin.get_by_text("ist abgelehnt")).to_be_visible()
    expect(admin.get_by_text("Hier wartet nichts auf eine Entscheidung.")).to_be_visible()
    desk.close()

    # The parent, on a phone, reads why among the notices.
    page.goto(f"{live_server.url}/konto/login/")
    page.locator("input[name=login]").fill("sandra")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/konto/benachrichtigungen/")
    expect(page.get_by_text("Bitte keine Empfehlungen einzelner Praxen.", exact=False)).to_be_visible()
    expect(page.get_by_text("keine Begründung")).to_have_count(0)
