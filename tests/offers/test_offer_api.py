import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import district, make_offer

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def offers(offers_page):
    make_offer(
        offers_page,
        title="Babytreff Saarn",
        categories=["babys-kleinkinder"],
        district=district("saarn"),
        age_min_months=0,
        age_max_months=12,
        latitude=Decimal("51.4066"),
        longitude=Decimal("6.8788"),
        dates=[{"start_date": TODAY + datetime.timedelta(days=3)}],
    )
    make_offer(
        offers_page,
        title="Ferienspiele Styrum",
        categories=["ferienbetreuung"],
        district=district("styrum"),
        cost_kind="preis",
        price=Decimal("45.00"),
    )


def test_api_lists_offers_with_their_facts(client, offers):
    data = client.get("/api/v1/offers").json()
    assert data["count"] == 2
    first = data["results"][0]
    assert first["title"] == "Babytreff Saarn"
    assert first["url"] == "http://testserver/de/angebote/babytreff-saarn/"
    assert first["district"] == {"slug": "saarn", "name": "Saarn"}
    assert first["dates"] == [(TODAY + datetime.timedelta(days=3)).isoformat()]
    assert first["cost"]["kind"] == "kostenlos"


def test_api_takes_the_list_pages_filters(client, offers):
    assert [o["title"] for o in client.get("/api/v1/offers", {"stadtteil": "styrum"}).json()["results"]] == [
        "Ferienspiele Styrum"
    ]
    assert [o["title"] for o in client.get("/api/v1/offers", {"kostenlos": "on"}).json()["results"]] == [
        "Babytreff Saarn"
    ]
    assert [
        o["title"]
        for o in client.get("/api/v1/offers", {"alter": 0, "kategorie": "babys-kleinkinder"}).json()["results"]
    ] == ["Babytreff Saarn"]


def test_api_explains_bad_filters_with_400(client, offers):
    response = client.get("/api/v1/offers", {"plz": "10115", "alter": "x"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["plz"] == [
        "Diese Postleitzahl gehört nicht zu Mülheim an der Ruhr. Bitte wählen Sie einen Stadtteil."
    ]
    assert "alter" in errors


def test_api_pages_through_results(client, offers_page):
    for number in range(55):
        make_offer(offers_page, title=f"Kurs {number:02d}", categories=["bildung"])
    first = client.get("/api/v1/offers", {"sortierung": "titel"}).json()
    assert (first["count"], first["pages"], len(first["results"])) == (55, 2, 50)
    second = client.get(first["next"].replace("http://testserver", "")).json()
    assert [o["title"] for o in second["results"]] == [f"Kurs {n}" for n in range(50, 55)]
    assert second["next"] is None


def test_api_is_read_only(client, offers):
    assert client.post("/api/v1/offers", {}).status_code == 405
