import pytest
from playwright.sync_api import expect

from home.kita.services import places_record
from tests.factories import district, kita_index, make_daycare

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_parent_finds_a_free_u3_place_near_home_open_until_half_past_four(live_server, page):
    from home.models import HomePage

    index = kita_index(HomePage.objects.get())
    near = make_daycare(index, title="Kita Nah", district=district("saarn"), lat="51.4300", lon="6.8850")
    make_daycare(
        index, title="Kita Kurz", district=district("saarn"), lat="51.4300", lon="6.8800", hours=("07:00", "14:00")
    )
    places_record(daycare=near, reported_by=None, free_by_group={"u3": 2})

    page.goto(f"{live_server.url}/de/kita/")
    page.locator("summary.filter-panel__toggle").click()  # the search folds on a phone
    page.get_by_label("Ihre Postleitzahl").fill("45468")
    page.get_by_label("Umkreis").select_option(label="2 km")
    page.get_by_label("Geburtsdatum des Kindes").fill("2025-06-10")
    page.get_by_label("Gewünschter Beginn").fill("2026-08-01")
    page.get_by_label("Betreuung benötigt von").fill("07:30")
    page.get_by_label("bis", exact=True).fill("16:30")
    page.get_by_label("nur mit freien Plätzen").check()
    page.get_by_role("button", name="Suchen", exact=True).click()

    expect(page.get_by_role("status").filter(has_text="gefunden")).to_have_text("1 Betreuungsangebot gefunden")
    expect(page.get_by_role("link", name="Kita Nah")).to_be_visible()
    page.get_by_role("button", name="Karte laden").click()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)
