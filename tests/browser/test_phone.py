"""The portal on a parent's phone (390×844) and on a laptop (1366×900): a compact header whose menu opens and
closes by mouse and keyboard (and without JavaScript), results before the folded filters, active filters as chips
that each remove one filter, no sideways scrolling on any public page type, the main menu on one line on a laptop.

With PORTAL_SCREENSHOTS=1, test_screenshots_for_the_readme writes docs/screenshots/*.png."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import public_pages
from tests.factories import (
    changing_place_index,
    district,
    kita_index,
    make_changing_place,
    make_daycare,
    make_offer,
    offer_index,
)

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# The demo city's introductions: the first screen is measured with texts as long as the real ones.
INTROS = {
    "offers": "Ferienbetreuung, Babykurse, Sport, Kultur und Beratung für Familien in Mülheim – gepflegt von den "
    "Anbietern, geprüft von der Redaktion.",
    "kita": "<p>Kitas und Tagesmütter und -väter in Mülheim: wer passt zum Alter Ihres Kindes, zu Ihren "
    "Arbeitszeiten – und wo ist ein Platz frei?</p>",
    "places": "Wo finde ich unterwegs einen Wickeltisch oder einen ruhigen Platz zum Stillen? Orte in ganz Mülheim, "
    "von Eltern vorgeschlagen und von der Redaktion geprüft.",
}


def city() -> dict[str, str]:
    """Every public page type (see test_accessibility) plus a few more offers, Kitas and places to filter."""
    from wagtail.models import Page

    from home.models import HomePage

    home = HomePage.objects.get(depth=2)  # before public_pages() adds the other languages' home pages
    pages = public_pages()
    # The demo city's main menu, in every language: its six sections, then forum and search.
    Page.objects.filter(depth=3).exclude(slug="ueber-uns").update(show_in_menus=True)
    saarn, styrum = district("saarn"), district("styrum")
    offers = offer_index(home)
    offers.intro = INTROS["offers"]
    offers.save_revision().publish()
    make_offer(offers, title="Krabbelgruppe Saarn", district=saarn, categories=["bildung"], cost_kind="kostenlos")
    make_offer(offers, title="Kinderturnen Styrum", district=styrum, categories=["sport"], cost_kind="kostenlos")
    make_offer(offers, title="Elternkurs Styrum", district=styrum, categories=["bildung"], cost_kind="preis", price=30)
    kitas = kita_index(home)
    kitas.intro = INTROS["kita"]
    kitas.save_revision().publish()
    make_daycare(kitas, title="Kita Regenbogen", district=saarn, lat="51.41", lon="6.87")
    places = changing_place_index(home)
    places.intro = INTROS["places"]
    places.save_revision().publish()
    make_changing_place(places, title="Drogerie am Markt", district=styrum, nursing_room=True)
    make_changing_place(places, title="Rathaus Saarn", district=saarn)
    return pages


def new_page(browser, viewport, *, javascript=True):
    context = browser.new_context(locale="de-DE", viewport=viewport, java_script_enabled=javascript)
    context.route(re.compile(r"^https?://(?!(localhost|127\.0\.0\.1)[:/])"), lambda route: route.abort())
    return context.new_page()


def menu_toggle(page):
    return page.locator("summary.site-menu__toggle")


def main_menu(page):
    return page.locator("nav.main-nav")  # its name is translated


def filter_toggle(page):
    return page.locator("summary.filter-panel__toggle")


def bottom_of(locator) -> float:
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    return box["y"] + box["height"]


def horizontal_overflow(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_menu_button_opens_and_closes_the_main_menu_by_mouse_and_keyboard(live_server, browser):
    page = new_page(browser, PHONE)
    page.goto(f"{live_server.url}/de/")
    toggle = menu_toggle(page)
    expect(toggle).to_be_visible()
    expect(toggle).to_have_text("Menü")
    expect(main_menu(page)).to_be_hidden()
    header = page.locator("header.site-header")
    assert bottom_of(header) <= 80, "the closed header is one short bar"

    # Mouse: open, follow nothing, close again.
    toggle.click()
    expect(main_menu(page).get_by_role("link", name="Forum")).to_be_visible()
    expect(page.get_by_role("link", name="Anmelden")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    toggle.click()
    expect(main_menu(page)).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    # Keyboard: from the top of a fresh page, Tab reaches the toggle after the skip link, the brand and the
    # language switch; Enter and Space open and close it.
    page.reload()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('site-menu__toggle')")
    page.keyboard.press("Enter")
    expect(main_menu(page)).to_be_visible()
    page.keyboard.press("Space")
    expect(main_menu(page)).to_be_hidden()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # into the menu: its first link
    assert page.evaluate("document.activeElement.closest('nav')?.getAttribute('aria-label')") == "Hauptnavigation"
    page.keyboard.press("Escape")
    expect(main_menu(page)).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('site-menu__toggle')"), "focus back on the toggle"

    # The language switch: small, opens its list, Escape closes it; opening the menu closes it too.
    languages = page.locator("summary.language-menu__toggle")
    assert languages.bounding_box()["width"] <= 90
    languages.click()
    expect(page.locator("nav.language-links").get_by_role("link", name="Türkçe")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("nav.language-links")).to_be_hidden()
    languages.click()
    toggle.click()
    expect(page.locator("nav.language-links")).to_be_hidden()
    expect(main_menu(page)).to_be_visible()
    page.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_main_menu_is_on_one_line_on_a_laptop(live_server, browser, language):
    city()
    page = new_page(browser, LAPTOP)
    page.goto(f"{live_server.url}/{language}/")
    expect(menu_toggle(page)).to_be_hidden()
    links = main_menu(page).get_by_role("link")
    assert links.count() == 8
    for index in range(links.count()):
        expect(links.nth(index)).to_be_visible()
    tops = main_menu(page).locator("li").evaluate_all("items => items.map(item => item.offsetTop)")
    assert len(set(tops)) == 1, f"the main menu wraps: {tops}"
    account = page.locator("nav.account-links")
    expect(account.get_by_role("link", name=re.compile("."))).to_have_count(2)
    assert bottom_of(account) <= bottom_of(page.locator(".brand")) + 20, "account links beside the brand"
    page.context.close()


def first_result_is_on_the_first_screen(page, result):
    expect(result).to_be_visible()
    assert page.evaluate("window.scrollY") == 0
    assert bottom_of(result) <= PHONE["height"], f"first result ends at {bottom_of(result)} px"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_filtering_the_first_result_is_on_the_phones_first_screen(live_server, browser):
    city()
    page = new_page(browser, PHONE)
    base = live_server.url

    page.goto(f"{base}/de/angebote/")
    first_result_is_on_the_first_screen(page, page.locator(".cards > li").first)
    filter_toggle(page).click()
    page.get_by_label("Stadtteil", exact=True).select_option(label="Styrum")
    page.get_by_label("nur kostenlose").check()
    page.get_by_role("button", name="Angebote anzeigen").click()
    expect(page.get_by_role("status").filter(has_text="gefunden")).to_have_text("2 Angebote gefunden")
    expect(filter_toggle(page)).to_have_text(re.compile(r"^Filter \(2"))
    first_result_is_on_the_first_screen(page, page.locator(".cards > li").first)

    page.goto(f"{base}/de/kita/")
    filter_toggle(page).click()
    page.get_by_label("Stadtteil", exact=True).select_option(label="Saarn")
    page.get_by_role("button", name="Suchen", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="gefunden")).to_have_text("1 Betreuungsangebot gefunden")
    first_result_is_on_the_first_screen(page, page.locator(".cards > li").first)

    page.goto(f"{base}/de/wickeln-stillen/")
    filter_toggle(page).click()
    page.get_by_label("Stillraum").check()
    page.get_by_role("button", name="Orte anzeigen").click()
    expect(page.get_by_role("status").filter(has_text="gefunden")).to_have_text("1 Ort gefunden")
    first_result_is_on_the_first_screen(page, page.locator(".cards > li").first)

    page.goto(f"{base}/de/suche/")
    page.get_by_label("Was suchen Sie?").fill("Styrum")
    page.get_by_label("Was suchen Sie?").press("Enter")
    expect(page.locator(".search-count")).to_contain_text("für „Styrum“")
    first_result_is_on_the_first_screen(page, page.locator(".result").first)
    filter_toggle(page).click()
    page.get_by_role("complementary", name="Ergebnisse eingrenzen").get_by_role("link", name="Angebot").click()
    expect(page.get_by_role("link", name=re.compile("Filter „Art“ entfernen"))).to_be_visible()
    first_result_is_on_the_first_screen(page, page.locator(".result").first)
    page.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_filter_chip_removes_just_its_filter(live_server, browser):
    city()
    page = new_page(browser, PHONE)
    page.goto(f"{live_server.url}/de/angebote/?kategorie=sport&kategorie=bildung&stadtteil=styrum&kostenlos=on")
    expect(page.get_by_role("status").filter(has_text="gefunden")).to_have_text("2 Angebote gefunden")
    expect(filter_toggle(page)).to_have_text(re.compile(r"^Filter \(4"))
    chips = page.get_by_role("list", name="Gewählte Filter")
    expect(chips.locator(".chip")).to_have_text(
        [
            re.compile(f"^{re.escape(shown)}× – Filter „{name}“ entfernen$")
            for shown, name in (
                ("Kategorie: Sport", "Kategorie"),
                ("Kategorie: Bildung", "Kategorie"),
                ("Stadtteil: Styrum", "Stadtteil"),
                ("nur kostenlose", "nur kostenlose"),
            )
        ]
    )

    chips.get_by_role("link", name="nur kostenlose").click()
    expect(page.get_by_role("status").filter(has_text="gefunden")).to_have_text("3 Angebote gefunden")
    assert "kostenlos" not in page.url
    assert "stadtteil=styrum" in page.url and "kategorie=sport" in page.url and "kategorie=bildung" in page.url

    chips.get_by_role("link", name="Kategorie: Sport").click()
    expect(page.get_by_role("status").filter(has_text="gefunden")).to_have_text("1 Angebot gefunden")
    assert "kategorie=sport" not in page.url and "kategorie=bildung" in page.url
    expect(filter_toggle(page)).to_have_text(re.compile(r"^Filter \(2"))
    # The form agrees with the chips: the removed category is no longer ticked.
    filter_toggle(page).click()
    expect(page.get_by_label("Sport", exact=True)).not_to_be_checked()
    expect(page.get_by_label("Bildung", exact=True)).to_be_checked()

    chips.get_by_role("link", name="Alle Filter zurücksetzen").click()
    expect(page.get_by_role("status").filter(has_text="gefunden")).to_have_text("4 Angebote gefunden")
    expect(page.get_by_role("list", name="Gewählte Filter")).to_have_count(0)
    expect(filter_toggle(page)).to_have_text("Filter")
    page.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_page_type_scrolls_sideways_on_a_phone_or_a_laptop(live_server, browser):
    pages = city()
    problems = []
    for size, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
        page = new_page(browser, viewport)
        for language in ("de", "ar"):
            for name, path in pages.items():
                url = f"/{language}/{path}"
                response = page.goto(f"{live_server.url}{url}")
                assert response.status == 200, f"{url}: {response.status}"
                if size == "phone":
                    menu_toggle(page).click()  # the open menu must fit too
                overflow = horizontal_overflow(page)
                if overflow > 0:
                    problems.append(f"{size} {name} {url}: {overflow} px too wide")
        page.context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_menu_and_filters_work_without_javascript(live_server, browser):
    city()
    page = new_page(browser, PHONE, javascript=False)
    page.goto(f"{live_server.url}/de/angebote/?stadtteil=styrum")
    expect(main_menu(page)).to_be_hidden()
    menu_toggle(page).click()
    expect(main_menu(page).get_by_role("link", name="Suche")).to_be_visible()
    menu_toggle(page).press("Enter")
    expect(main_menu(page)).to_be_hidden()
    expect(page.get_by_label("nur kostenlose")).to_be_hidden()
    filter_toggle(page).click()
    page.get_by_label("nur kostenlose").check()
    page.get_by_role("button", name="Angebote anzeigen").click()
    expect(filter_toggle(page)).to_have_text(re.compile(r"^Filter \(2"))
    page.get_by_role("link", name="Stadtteil: Styrum").click()
    expect(filter_toggle(page)).to_have_text(re.compile(r"^Filter \(1"))
    assert "stadtteil" not in page.url and "kostenlos=on" in page.url
    page.context.close()


@pytest.mark.django_db
def test_menu_filter_panel_and_chips_are_in_the_html(client):
    """What works without JavaScript is in the server's HTML: <details> for the menu, the languages and the
    filters, the number of active filters on the toggle, and a removing link per chosen value."""
    from home.models import HomePage

    home = HomePage.objects.get(depth=2)
    index = offer_index(home)
    make_offer(index, title="Kinderturnen Styrum", district=district("styrum"), categories=["sport"])
    html = client.get("/de/angebote/?kategorie=sport&stadtteil=styrum&sortierung=titel&seite=1").content.decode()

    assert '<details class="site-menu" data-menu>' in html
    assert '<summary class="site-menu__toggle" aria-controls="site-menu-panel">' in html
    assert '<details class="language-menu" data-menu>' in html
    assert '<nav class="main-nav" aria-label="Hauptnavigation">' in html
    assert '<details class="filter-panel" data-filter-panel>' in html
    # Sorting orders the list and is no filter: two filters are active, not three.
    assert re.search(r'<summary class="filter-panel__toggle">.*Filter <span class="filter-panel__count">\(2<', html)
    assert 'href="?stadtteil=styrum&amp;sortierung=titel">Kategorie: <bdi>Sport</bdi>' in html
    assert 'href="?kategorie=sport&amp;sortierung=titel">Stadtteil: <bdi>Styrum</bdi>' in html
    assert "Filter „Stadtteil“ entfernen" in html
    assert "portal/js/menu.js" in html

    unfiltered = client.get("/de/angebote/").content.decode()
    assert '<ul class="chips"' not in unfiltered
    assert re.search(r'<summary class="filter-panel__toggle">.*Filter</summary>', unfiltered)


@pytest.mark.django_db
def test_chips_name_dates_the_position_and_invalid_values_readably():
    from django.http import QueryDict

    from core.templatetags.filter_tags import filter_chips_for
    from home.kita.forms import DaycareFilterForm

    form = DaycareFilterForm(QueryDict("geburtsdatum=2025-06-10&von=07:30&lat=51.43&lon=6.88&umkreis=abc&seite=3"))
    form.is_valid()
    chips = {chip.name: (chip.value, chip.remove) for chip in filter_chips_for(form)}
    assert chips["Geburtsdatum des Kindes"][0] == "10.06.2025"
    assert chips["Betreuung benötigt von"][0] == "07:30"
    # lat and lon are one chip, which removes both; the page number goes with every removal.
    assert chips["Ihr Standort"] == ("", "?geburtsdatum=2025-06-10&von=07%3A30&umkreis=abc")
    assert chips["Umkreis"] == ("abc", "?geburtsdatum=2025-06-10&von=07%3A30&lat=51.43&lon=6.88")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_screenshots_for_the_readme(live_server, browser):
    if os.environ.get("PORTAL_SCREENSHOTS") != "1":
        pytest.skip("writes docs/screenshots/ only with PORTAL_SCREENSHOTS=1")
    pages = city()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for size, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
        page = new_page(browser, viewport)
        for name, path in (("home", pages["home"]), ("offers", pages["offer list"]), ("offer", pages["offer"])):
            page.goto(f"{live_server.url}/de/{path}")
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{size}.png"))
        if size == "phone":
            page.goto(f"{live_server.url}/de/angebote/?stadtteil=styrum&kostenlos=on")
            page.screenshot(path=str(SCREENSHOTS / "offers-filtered-phone.png"))
            menu_toggle(page).click()
            page.screenshot(path=str(SCREENSHOTS / "menu-phone.png"))
        page.context.close()
    assert sorted(path.name for path in SCREENSHOTS.glob("*.png")) == [
        "home-laptop.png",
        "home-phone.png",
        "menu-phone.png",
        "offer-laptop.png",
        "offer-phone.png",
        "offers-filtered-phone.png",
        "offers-laptop.png",
        "offers-phone.png",
    ]
