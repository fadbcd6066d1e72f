import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, ParentFactory

# serialized_rollback restores the migrated home page and roles for the tests that run after this one.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_parent_opens_the_home_page_and_logs_in(live_server, page):
    from home.models import HomePage

    assert HomePage.objects.exists()
    ParentFactory(username="sandra", display_name="Sandra aus Styrum")

    page.goto(f"{live_server.url}/de/")
    assert page.locator("html").get_attribute("lang") == "de"

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Zum Inhalt springen")).to_be_visible()  # skip link appears on focus

    page.locator("summary.site-menu__toggle").click()  # menu and account links fold on a phone
    expect(page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Forum")).to_be_visible()

    page.get_by_role("link", name="Anmelden").click()
    page.get_by_label("E-Mail-Adresse oder Benutzername").fill("sandra")
    page.get_by_label("Passwort", exact=False).first.fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmeldung").click()

    page.wait_for_url(f"{live_server.url}/konto/profil/")
    expect(page.get_by_role("heading", name="Mein Konto")).to_be_visible()
    expect(page.get_by_text("Eltern", exact=True)).to_be_visible()
