"""The Merkliste on a phone: a guest keeps pages on the device and sees them listed; after logging in the device's
list joins the account, and a member keeps pages with the form."""

import re

import pytest
from playwright.sync_api import expect

from community.bookmarks.models import Bookmark
from tests.factories import PASSWORD, ParentFactory, district, kita_index, make_daycare, make_offer, offer_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/konto/login/")
    page.locator("input[name=login]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_load_state()


def test_guest_keeps_pages_on_the_phone_and_takes_them_into_the_account(live_server, page):
    from home.models import HomePage

    home = HomePage.objects.get()
    swimming = make_offer(offer_index(home), title="Babyschwimmen Saarn")
    kita = make_daycare(
        kita_index(home), title="Kita Sonnenschein", district=district("saarn"), lat="51.41", lon="6.88"
    )
    parent = ParentFactory(username="mama")

    page.goto(f"{live_server.url}{swimming.url}")
    save = page.get_by_role("button", name="Merken")
    expect(save).to_be_visible()
    expect(page.get_by_text("melden Sie sich an")).to_be_hidden()  # the no-JavaScript hint gives way
    save.click()
    expect(page.get_by_role("button", name="Gemerkt – entfernen")).to_have_attribute("aria-pressed", "true")
    page.goto(f"{live_server.url}{kita.url}")
    page.get_by_role("button", name="Merken").click()

    page.get_by_role("link", name="Meine Merkliste").click()
    expect(page.get_by_role("heading", name="Angebote")).to_be_visible()
    expect(page.get_by_role("link", name="Babyschwimmen Saarn")).to_be_visible()
    expect(page.get_by_role("link", name="Kita Sonnenschein")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sticks out on the phone

    page.get_by_role("listitem").filter(has_text="Kita Sonnenschein").get_by_role("button", name="Entfernen").click()
    expect(page.get_by_role("link", name="Kita Sonnenschein")).to_have_count(0)

    log_in(page, live_server.url, "mama")
    # The profile (where the login leads) takes the device's list over and reloads with the new count.
    expect(page.get_by_text("Sie haben 1 Seite gemerkt.")).to_be_visible()
    page.goto(f"{live_server.url}/de/merkliste/")
    expect(page.get_by_role("link", name="Babyschwimmen Saarn")).to_be_visible()
    assert list(Bookmark.objects.filter(user=parent).values_list("page_id", flat=True)) == [swimming.pk]
    assert page.evaluate("window.localStorage.getItem('familienportal-merkliste')") is None


def test_member_keeps_a_page_with_the_form_and_sees_it_on_the_phone(live_server, page):
    from home.models import HomePage

    swimming = make_offer(offer_index(HomePage.objects.get()), title="Eltern-Kind-Turnen")
    ParentFactory(username="papa")
    log_in(page, live_server.url, "papa")

    page.goto(f"{live_server.url}{swimming.url}")
    page.get_by_role("button", name="Merken").click()
    expect(page.get_by_role("status").filter(has_text="steht jetzt auf Ihrer Merkliste")).to_be_visible()
    expect(page.get_by_role("button", name="Gemerkt – entfernen")).to_be_visible()

    page.get_by_role("link", name="Meine Merkliste").click()
    expect(page.get_by_role("link", name="Eltern-Kind-Turnen")).to_be_visible()
    page.get_by_role("button", name="Kalender-Adresse erstellen").click()
    expect(page.get_by_label("Ihre persönliche Kalender-Adresse")).to_have_value(
        re.compile(r"/de/merkliste/kalender/[\w-]{40,}\.ics$")
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
