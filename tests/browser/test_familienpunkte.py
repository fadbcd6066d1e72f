import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import (
    PASSWORD,
    ParentFactory,
    changing_place_index,
    contact_point_index,
    district,
    district_index,
    make_changing_place,
    make_contact_point,
    make_event,
    make_shift,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ALWAYS = ((range(7), "00:00", "00:00"),)


def test_parent_in_styrum_finds_the_district_a_changing_table_open_now_and_a_cafe_shift(live_server, page):
    from home.models import HomePage

    home = HomePage.objects.get()
    styrum = district("styrum")
    district_index(home)
    point = make_contact_point(contact_point_index(home), district=styrum, services=["Familienhebammen"])
    make_event(point, title="Mütter-Café", start_date=timezone.localdate() + datetime.timedelta(days=1))
    make_shift(point, date=timezone.localdate() + datetime.timedelta(days=3))
    places = changing_place_index(home)
    make_changing_place(
        places,
        title="Drogerie gleich um die Ecke",
        district=styrum,
        lat="51.4510",
        lon="6.8600",
        hours=ALWAYS,
        open_on_holidays=True,
    )
    make_changing_place(
        places, title="Rathaus weiter weg", district=district("saarn"), hours=ALWAYS, open_on_holidays=True
    )
    make_changing_place(places, title="Heute geschlossen", district=styrum, lat="51.4518", lon="6.8628", hours=())
    ParentFactory(username="sandra", display_name="Sandra aus Styrum")

    page.goto(f"{live_server.url}/de/stadtteile/styrum/")
    expect(page.get_by_role("heading", name="Für Familien in Styrum")).to_be_visible()
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name="Familienpunkt Styrum")).to_be_visible()
    expect(main.get_by_role("link", name="Mütter-Café")).to_be_visible()
    expect(main.get_by_role("link", name="Drogerie gleich um die Ecke")).to_be_visible()

    page.goto(f"{live_server.url}/de/wickeln-stillen/")
    page.locator("summary.filter-panel__toggle").click()  # the filters fold on a phone
    page.get_by_label("Wickeltisch").check()
    page.get_by_label("jetzt geöffnet").check()
    page.get_by_label("Nächste zuerst ab PLZ").fill("45476")
    page.get_by_role("button", name="Orte anzeigen").click()
    expect(page.get_by_role("status").filter(has_text="gefunden")).to_have_text("2 Orte gefunden")
    expect(page.locator(".card__title").first).to_have_text("Drogerie gleich um die Ecke")

    page.goto(f"{live_server.url}{point.url}")
    page.locator("#helfen").get_by_role("link", name="Anmelden").click()
    page.get_by_label("E-Mail-Adresse oder Benutzername").fill("sandra")
    page.get_by_label("Passwort", exact=False).first.fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmeldung").click()
    page.get_by_role("button", name="Eintragen").first.click()
    expect(page.get_by_text("Danke! Sie sind angemeldet.")).to_be_visible()
    expect(page.get_by_text("Sie sind eingetragen")).to_be_visible()
