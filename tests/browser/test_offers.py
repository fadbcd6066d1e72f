import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from home.offers.models import HolidayPeriod
from tests.factories import district, make_offer, offer_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_parent_finds_free_autumn_holiday_care_in_saarn_on_a_phone(live_server, page):
    from home.models import HomePage

    today = timezone.localdate()
    autumn = HolidayPeriod.objects.create(
        name="Herbstferien (Probe)", start=today + datetime.timedelta(days=30), end=today + datetime.timedelta(days=43)
    )
    index = offer_index(HomePage.objects.get())
    saarn, styrum = district("saarn"), district("styrum")
    for title, where, cost in (
        ("Herbstbetreuung Saarn", saarn, "kostenlos"),
        ("Herbstcamp Saarn", saarn, "preis"),
        ("Herbstbetreuung Styrum", styrum, "kostenlos"),
    ):
        make_offer(
            index,
            title=title,
            district=where,
            categories=["ferienbetreuung"],
            age_min_months=72,
            age_max_months=131,
            cost_kind=cost,
            price=40 if cost == "preis" else None,
            latitude=where.latitude,
            longitude=where.longitude,
            dates=[{"start_date": autumn.start, "end_date": autumn.end}],
        )

    page.goto(f"{live_server.url}/de/")
    page.locator("summary.site-menu__toggle").click()  # the menu folds on a phone
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Angebote").click()
    page.locator("summary.filter-panel__toggle").click()  # and so do the filters, below the results
    page.get_by_label("Ferien", exact=True).select_option(label=str(autumn))
    page.get_by_label("Stadtteil", exact=True).select_option(label="Saarn")
    page.get_by_label("Alter des Kindes").select_option(label="7 Jahre")
    page.get_by_label("nur kostenlose").check()
    page.get_by_role("button", name="Angebote anzeigen").click()

    assert page.get_by_role("status").filter(has_text="gefunden").inner_text().strip() == "1 Angebot gefunden"
    assert "stadtteil=saarn" in page.url  # shareable
    page.get_by_role("link", name="Herbstbetreuung Saarn").click()
    calendar = page.get_by_role("link", name="In meinen Kalender (.ics)")
    assert calendar.get_attribute("href") == "/de/angebote/herbstbetreuung-saarn/kalender/"

    # Two-click map: the tile server is named, nothing is loaded until the parent agrees.
    tile_requests = []
    page.route("**/tile.openstreetmap.org/**", lambda route: (tile_requests.append(route.request.url), route.abort()))
    page.reload()
    expect(page.get_by_role("button", name="Karte laden")).to_be_visible()
    page.wait_for_timeout(300)
    assert tile_requests == []
    page.get_by_role("button", name="Karte laden").click()
    expect(page.locator(".leaflet-marker-icon")).to_be_visible()
    page.wait_for_timeout(300)
    assert tile_requests, "tiles are requested after the click"
