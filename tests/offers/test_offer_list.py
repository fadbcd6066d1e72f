import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from home.offers.models import HolidayPeriod
from tests.factories import district, make_offer

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def in_days(days: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=days)


def titles(client, **params) -> list[str]:
    response = client.get("/de/angebote/", params)
    assert response.status_code == 200
    return [offer.title for offer in response.context["offers"]]


@pytest.fixture
def saarn_offers(offers_page):
    saarn, styrum = district("saarn"), district("styrum")
    make_offer(
        offers_page,
        title="Ferienspiele Saarn",
        categories=["ferienbetreuung"],
        district=saarn,
        age_min_months=72,
        age_max_months=131,
        dates=[{"start_date": in_days(40), "end_date": in_days(50)}],
        latitude=Decimal("51.40660"),
        longitude=Decimal("6.87880"),
    )
    make_offer(
        offers_page,
        title="Ferienspiele Styrum",
        categories=["ferienbetreuung"],
        district=styrum,
        age_min_months=72,
        age_max_months=131,
        cost_kind="preis",
        price=Decimal("45"),
        dates=[{"start_date": in_days(40), "end_date": in_days(50)}],
        latitude=Decimal("51.45180"),
        longitude=Decimal("6.86280"),
    )
    make_offer(
        offers_page,
        title="Babytreff Saarn",
        categories=["babys-kleinkinder"],
        district=saarn,
        age_min_months=0,
        age_max_months=12,
        languages=["de", "tr"],
        barrier_free=True,
        dates=[
            {
                "start_date": in_days(-60),
                "weekday": 1,
                "start_time": datetime.time(9, 30),
                "end_time": datetime.time(11),
            }
        ],
        latitude=Decimal("51.40500"),
        longitude=Decimal("6.88000"),
    )
    make_offer(offers_page, title="Erziehungsberatung", categories=["beratung"], district=styrum)
    make_offer(
        offers_page,
        title="Vergangenes Fest",
        categories=["freizeit"],
        district=saarn,
        dates=[{"start_date": in_days(-10)}],
    )


class FilterTests:
    def test_without_filters_every_current_offer_is_listed_and_counted(self, client, saarn_offers):
        response = client.get("/de/angebote/")
        assert response.context["result_count"] == 4
        assert "4 Angebote gefunden" in response.content.decode()
        assert "Vergangenes Fest" not in titles(client)

    def test_category(self, client, saarn_offers):
        assert sorted(titles(client, kategorie="ferienbetreuung")) == ["Ferienspiele Saarn", "Ferienspiele Styrum"]
        assert sorted(titles(client, kategorie=["beratung", "babys-kleinkinder"])) == [
            "Babytreff Saarn",
            "Erziehungsberatung",
        ]

    def test_age_of_my_child(self, client, saarn_offers):
        assert sorted(titles(client, alter=7)) == ["Erziehungsberatung", "Ferienspiele Saarn", "Ferienspiele Styrum"]
        assert sorted(titles(client, alter=0)) == ["Babytreff Saarn", "Erziehungsberatung"]

    def test_district(self, client, saarn_offers):
        assert sorted(titles(client, stadtteil="saarn")) == ["Babytreff Saarn", "Ferienspiele Saarn"]

    def test_date_range_matches_ranges_and_weekly_series(self, client, saarn_offers):
        assert titles(
            client, von=in_days(45).isoformat(), bis=in_days(45).isoformat(), kategorie="ferienbetreuung"
        ) == ["Ferienspiele Saarn", "Ferienspiele Styrum"]
        next_tuesday = TODAY + datetime.timedelta(days=(1 - TODAY.weekday()) % 7 or 7)
        assert titles(client, von=next_tuesday.isoformat(), bis=next_tuesday.isoformat()) == ["Babytreff Saarn"]
        assert (
            titles(
                client,
                von=(next_tuesday + datetime.timedelta(days=1)).isoformat(),
                bis=(next_tuesday + datetime.timedelta(days=1)).isoformat(),
            )
            == []
        )

    def test_holiday_period(self, client, saarn_offers):
        autumn = HolidayPeriod.objects.create(name="Herbstferien (Test)", start=in_days(38), end=in_days(52))
        assert sorted(titles(client, ferien=autumn.pk, kategorie="ferienbetreuung")) == [
            "Ferienspiele Saarn",
            "Ferienspiele Styrum",
        ]
        early = HolidayPeriod.objects.create(name="Kurze Ferien (Test)", start=in_days(20), end=in_days(22))
        assert titles(client, ferien=early.pk, kategorie="ferienbetreuung") == []

    def test_past_holidays_are_not_offered(self, client, saarn_offers):
        HolidayPeriod.objects.create(name="Längst vorbei", start=in_days(-400), end=in_days(-390))
        html = client.get("/de/angebote/").content.decode()
        assert "Längst vorbei" not in html

    def test_free_of_charge(self, client, saarn_offers):
        assert "Ferienspiele Styrum" not in titles(client, kostenlos="on")
        assert "Ferienspiele Saarn" in titles(client, kostenlos="on")

    def test_language_and_barrier_free(self, client, saarn_offers):
        assert titles(client, sprache="tr") == ["Babytreff Saarn"]
        assert titles(client, barrierefrei="on") == ["Babytreff Saarn"]

    def test_words(self, client, saarn_offers):
        assert titles(client, q="beratung") == ["Erziehungsberatung"]

    def test_the_parents_question_free_holiday_care_in_saarn_for_a_seven_year_old(self, client, saarn_offers):
        autumn = HolidayPeriod.objects.create(name="Herbstferien (Test)", start=in_days(38), end=in_days(52))
        assert titles(
            client, ferien=autumn.pk, stadtteil="saarn", alter=7, kostenlos="on", kategorie="ferienbetreuung"
        ) == ["Ferienspiele Saarn"]


class SortTests:
    def test_by_next_date_with_undated_last(self, client, saarn_offers):
        assert titles(client) == ["Babytreff Saarn", "Ferienspiele Saarn", "Ferienspiele Styrum", "Erziehungsberatung"]

    def test_by_title(self, client, saarn_offers):
        assert titles(client, sortierung="titel") == sorted(titles(client))

    def test_by_distance_from_a_postcode_or_a_district(self, client, saarn_offers):
        by_postcode = titles(client, sortierung="entfernung", plz="45476", kategorie="ferienbetreuung")
        assert by_postcode == ["Ferienspiele Styrum", "Ferienspiele Saarn"]
        by_district = titles(client, sortierung="entfernung", stadtteil="saarn")
        assert by_district[0] == "Ferienspiele Saarn"
        html = client.get("/de/angebote/", {"sortierung": "entfernung", "plz": "45476"}).content.decode()
        assert re.search(r"\d+,\d km entfernt", html)

    def test_by_distance_from_the_browser_location(self, client, saarn_offers):
        assert (
            titles(client, sortierung="entfernung", lat="51.452", lon="6.863", kategorie="ferienbetreuung")[0]
            == "Ferienspiele Styrum"
        )


class BadInputTests:
    def test_unknown_postcode_is_explained_in_german_and_the_list_still_shows(self, client, saarn_offers):
        response = client.get("/de/angebote/", {"plz": "10115", "sortierung": "entfernung"})
        html = response.content.decode()
        assert "Diese Postleitzahl gehört nicht zu Mülheim an der Ruhr." in html
        assert response.context["result_count"] == 4

    def test_reversed_dates_are_explained(self, client, saarn_offers):
        html = client.get(
            "/de/angebote/", {"von": in_days(5).isoformat(), "bis": in_days(1).isoformat()}
        ).content.decode()
        assert "Das Ende des Zeitraums liegt vor dem Anfang." in html

    def test_distance_without_a_starting_point_is_explained(self, client, saarn_offers):
        html = client.get("/de/angebote/", {"sortierung": "entfernung"}).content.decode()
        assert "Für die Entfernung wählen Sie einen Stadtteil oder geben Sie eine Postleitzahl an." in html

    @pytest.mark.parametrize(
        "params",
        [{"alter": "zwölf"}, {"von": "gestern"}, {"kategorie": "gibt-es-nicht"}, {"seite": "x"}, {"lat": "abc"}],
    )
    def test_garbage_never_breaks_the_page(self, client, saarn_offers, params):
        assert client.get("/de/angebote/", params).status_code == 200


class ListPageTests:
    def test_filter_state_lives_in_the_url_of_every_link(self, client, offers_page):
        for number in range(25):
            make_offer(offers_page, title=f"Kurs {number:02d}", categories=["bildung"], district=district("saarn"))
        html = client.get("/de/angebote/", {"kategorie": "bildung", "stadtteil": "saarn"}).content.decode()
        assert 'href="?kategorie=bildung&amp;stadtteil=saarn&amp;seite=2"' in html
        assert 'href="/de/angebote/kalender/?kategorie=bildung&amp;stadtteil=saarn"' in html
        page_two = client.get("/de/angebote/", {"kategorie": "bildung", "stadtteil": "saarn", "seite": 2})
        assert len(page_two.context["offers"]) == 5
        assert re.search(r'name="kategorie" value="bildung"[^>]*checked', page_two.content.decode())

    def test_works_without_javascript_and_loads_no_map_tiles_before_consent(self, client, saarn_offers):
        html = client.get("/de/angebote/").content.decode()
        assert '<form class="filters" method="get"' in html
        assets = re.findall(r'<(?:script|link|img)\b[^>]*?(?:src|href)="([^"]+)"', html)
        assert assets and all(url.startswith("/") for url in assets)
        assert "Die Karte lädt Kartenbilder von tile.openstreetmap.org." in html  # named before consent
        assert "data-map-load hidden" in html  # the button appears only with JavaScript
        assert 'data-points-url="/de/angebote/karte/"' in html

    def test_the_map_fetches_the_markers_of_the_filtered_list_only_after_consent(self, client, saarn_offers):
        """The page names the address of its markers instead of carrying them (its weight does not grow with the
        results); that address answers with the same filters as the page, located offers only."""
        html = client.get("/de/angebote/", {"stadtteil": "saarn"}).content.decode()
        assert 'data-points-url="/de/angebote/karte/?stadtteil=saarn"' in html
        assert "51.4066" not in html and "6.8788" not in html, "no coordinates in the page"
        points = client.get("/de/angebote/karte/", {"stadtteil": "saarn"}).json()
        assert sorted(point["title"] for point in points) == ["Babytreff Saarn", "Ferienspiele Saarn"]
        saarn = next(point for point in points if point["title"] == "Ferienspiele Saarn")
        assert (saarn["lat"], saarn["lon"]) == (51.4066, 6.8788) and saarn["url"].startswith("/de/angebote/")
        assert client.get("/de/angebote/karte/", {"kategorie": "beratung"}).json() == [], "not located: no marker"

    @pytest.mark.parametrize("count", [3, 20])
    def test_query_budget_does_not_grow_with_the_offers_shown(
        self, client, offers_page, count, django_assert_max_num_queries
    ):
        for number in range(count):
            make_offer(
                offers_page,
                title=f"Kurs {number:02d}",
                categories=["bildung", "kultur"],
                languages=["de", "en"],
                district=district("saarn" if number % 2 else "styrum"),
                dates=[{"start_date": in_days(number + 1)}, {"start_date": in_days(number + 30)}],
            )
        client.get("/de/angebote/")
        with django_assert_max_num_queries(25):
            response = client.get("/de/angebote/", {"kategorie": "bildung"})
        assert len(response.context["offers"]) == count
