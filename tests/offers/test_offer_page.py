import datetime
import json
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.factories import ProviderFactory, district, make_offer

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def in_days(days: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=days)


def json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def events(response) -> list:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content).walk("VEVENT")


@pytest.fixture
def swimming(offers_page):
    return make_offer(
        offers_page,
        title="Babyschwimmen Saarn",
        categories=["sport", "babys-kleinkinder"],
        district=district("saarn"),
        provider=ProviderFactory(name="Sportverein Ruhraue", website="https://example.org/sv"),
        venue="Lehrschwimmbecken Saarn",
        street="Schulstraße 3",
        postcode="45481",
        latitude=Decimal("51.40660"),
        longitude=Decimal("6.87880"),
        age_min_months=4,
        age_max_months=18,
        cost_kind="preis",
        price=Decimal("65.00"),
        reduced_with_pass=True,
        registration_required=True,
        registration_deadline=in_days(20),
        places_left=3,
        languages=["de", "en"],
        barrier_free=True,
        changing_table=True,
        dates=[
            {
                "start_date": in_days(-7),
                "end_date": in_days(90),
                "weekday": 5,
                "start_time": datetime.time(10),
                "end_time": datetime.time(10, 45),
            }
        ],
    )


def test_detail_page_shows_all_facts_at_a_glance(client, swimming):
    html = client.get("/de/angebote/babyschwimmen-saarn/").content.decode()
    for fact in (
        'jeden Samstag, <bdi dir="ltr">10:00–10:45</bdi> Uhr',
        "Lehrschwimmbecken Saarn",
        "Schulstraße 3",
        "45481 Mülheim an der Ruhr</bdi> (<bdi>Saarn</bdi>)",
        "Alter: 4 Monate – 18 Monate",
        "65,00 €",
        "ermäßigt mit dem Sozialpass der Stadt",
        "3 Plätze frei",
        "Deutsch, Englisch",
        "✓ barrierefreier Zugang",
        "✗ keine barrierefreie Toilette",
        "✓ Wickeltisch",
        "Sportverein Ruhraue",
        "Zuletzt geprüft",
    ):
        assert fact in html, fact


def test_dated_offer_is_a_schema_org_event(client, swimming):
    data = json_ld(client.get("/de/angebote/babyschwimmen-saarn/").content.decode())
    assert data["@type"] == "Event"
    assert data["name"] == "Babyschwimmen Saarn"
    assert data["startDate"] == f"{in_days(-7).isoformat()}T10:00:00"
    assert data["endDate"] == f"{in_days(90).isoformat()}T10:45:00"
    assert data["location"]["address"]["postalCode"] == "45481"
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 51.4066, "longitude": 6.8788}
    assert data["offers"] == {
        "@type": "Offer",
        "price": "65.00",
        "priceCurrency": "EUR",
        "url": "http://testserver/de/angebote/babyschwimmen-saarn/",
    }
    assert data["organizer"]["name"] == "Sportverein Ruhraue"
    assert data["inLanguage"] == ["de", "en"]


def test_undated_offer_is_a_schema_org_service(client, offers_page):
    make_offer(
        offers_page,
        title="Erziehungsberatung",
        categories=["beratung"],
        provider=ProviderFactory(name="Beratungsstelle"),
    )
    data = json_ld(client.get("/de/angebote/erziehungsberatung/").content.decode())
    assert data["@type"] == "Service"
    assert data["provider"]["name"] == "Beratungsstelle"
    assert data["isAccessibleForFree"] is True


def test_json_ld_cannot_break_out_of_its_script(client, offers_page):
    make_offer(offers_page, title="Kurs </script><script>alert(1)</script>", slug="kurs", categories=["bildung"])
    html = client.get("/de/angebote/kurs/").content.decode()
    assert "<script>alert(1)" not in html


def test_weekly_offer_downloads_as_a_recurring_event(client, swimming):
    response = client.get("/de/angebote/babyschwimmen-saarn/kalender/")
    assert 'filename="babyschwimmen-saarn.ics"' in response["Content-Disposition"]
    (event,) = events(response)
    assert str(event["SUMMARY"]) == "Babyschwimmen Saarn"
    start = event.decoded("DTSTART")
    assert start.weekday() == 5 and start.time() == datetime.time(10)
    assert str(start.tzinfo) == "Europe/Berlin"
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["SA"]
    assert rule["UNTIL"][0].tzinfo is not None and rule["UNTIL"][0].utcoffset() == datetime.timedelta(0)
    assert "Lehrschwimmbecken Saarn" in str(event["LOCATION"])
    assert b"BEGIN:VTIMEZONE" in response.content


def test_all_day_range_has_an_exclusive_end(client, offers_page):
    make_offer(
        offers_page,
        title="Ferienlager",
        slug="ferienlager",
        categories=["ferienbetreuung"],
        dates=[{"start_date": in_days(10), "end_date": in_days(14)}],
    )
    (event,) = events(client.get("/de/angebote/ferienlager/kalender/"))
    assert event.decoded("DTSTART") == in_days(10)
    assert event.decoded("DTEND") == in_days(15)
    assert "RRULE" not in event


def test_filtered_list_is_a_calendar_feed_of_just_those_offers(client, offers_page, swimming):
    make_offer(
        offers_page,
        title="Theater Styrum",
        categories=["kultur"],
        district=district("styrum"),
        dates=[{"start_date": in_days(5), "start_time": datetime.time(15), "end_time": datetime.time(16)}],
    )
    everything = events(client.get("/de/angebote/kalender/"))
    assert sorted(str(e["SUMMARY"]) for e in everything) == ["Babyschwimmen Saarn", "Theater Styrum"]
    only_saarn = events(client.get("/de/angebote/kalender/", {"stadtteil": "saarn"}))
    assert [str(e["SUMMARY"]) for e in only_saarn] == ["Babyschwimmen Saarn"]


def test_offers_past_their_last_date_leave_the_list_but_not_the_archive_link(client, offers_page):
    make_offer(
        offers_page, title="Sommerfest", slug="sommerfest", categories=["freizeit"], dates=[{"start_date": in_days(-1)}]
    )
    assert "Sommerfest" not in client.get("/de/angebote/").content.decode()
    assert client.get("/de/angebote/sommerfest/").status_code == 200


def test_unchecked_offer_says_its_facts_may_be_outdated(client, offers_page):
    make_offer(offers_page, title="Alter Kurs", slug="alter-kurs", categories=["bildung"], last_checked=in_days(-200))
    assert "Angaben möglicherweise veraltet" in client.get("/de/angebote/alter-kurs/").content.decode()
