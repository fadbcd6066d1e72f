import re
from decimal import Decimal

import pytest

from home.kita.models import KitaFocus
from home.kita.services import places_record
from tests.factories import ProviderFactory, district, kita_index, make_daycare

pytestmark = pytest.mark.django_db
CENTRE = {"plz": "45468"}  # Mülheim's centre (51.4295, 6.8810)


@pytest.fixture
def kitas(home_page):
    index = kita_index(home_page)
    saarn, styrum = district("saarn"), district("styrum")
    awo = ProviderFactory(name="AWO Kitas", slug="awo")
    montessori = KitaFocus.objects.get(slug="montessori")
    near = make_daycare(
        index,
        title="Kita Nah",
        district=saarn,
        lat="51.4300",
        lon="6.8850",
        carrier=awo,
        focus=[montessori],
        hours=("07:00", "17:00"),
    )
    early_friday = make_daycare(
        index,
        title="Kita Freitags früh zu",
        district=saarn,
        lat="51.4250",
        lon="6.8800",
        hours=("07:00", "17:00"),
        friday="14:00",
    )
    far = make_daycare(index, title="Kita Weit", district=styrum, lat="51.4600", lon="6.8600", hours=("07:30", "16:30"))
    late_start = make_daycare(
        index, title="Kita Spätstart", district=saarn, lat="51.4310", lon="6.8820", hours=("08:00", "17:00")
    )
    minder = make_daycare(
        index,
        title="Tagespflege Anja",
        district=saarn,
        lat="51.43123",
        lon="6.88456",
        childminder=True,
        places={"u3": (5, 12)},
        hours=("07:00", "16:30"),
    )
    for daycare, free in (
        (near, {"u3": 2, "ue3": 0}),
        (far, {"u3": 1, "ue3": 3}),
        (minder, {"u3": 1}),
        (early_friday, {"u3": 0, "ue3": 0}),
    ):
        places_record(daycare=daycare, reported_by=None, free_by_group=free)
    return {
        "near": near,
        "early_friday": early_friday,
        "far": far,
        "late_start": late_start,
        "minder": minder,
        "index": index,
    }


def names(client, **params) -> list[str]:
    response = client.get("/de/kita/", params)
    assert response.status_code == 200
    return [daycare.title for daycare in response.context["daycares"]]


def test_the_parents_question_free_u3_within_2_km_from_august_open_until_half_past_four(client, kitas):
    assert names(
        client,
        **CENTRE,
        umkreis=2,
        geburtsdatum="2025-06-10",
        beginn="2026-08-01",
        von="07:30",
        bis="16:30",
        frei="on",
        art="kita",
    ) == ["Kita Nah"]


def test_hours_must_be_covered_on_every_working_day(client, kitas):
    assert sorted(names(client, von="07:30", bis="16:30")) == ["Kita Nah", "Kita Weit", "Tagespflege Anja"]
    assert sorted(names(client, bis="17:00")) == [
        "Kita Nah",
        "Kita Spätstart",
    ]  # not the one closing at 14:00 on Fridays


def test_distance_ordering_and_radius(client, kitas):
    assert names(client, **CENTRE, art="kita") == ["Kita Spätstart", "Kita Nah", "Kita Freitags früh zu", "Kita Weit"]
    assert "Kita Weit" not in names(client, **CENTRE, umkreis=2)
    html = client.get("/de/kita/", CENTRE).content.decode()
    assert re.search(r"0,\d km entfernt", html)


def test_the_map_fetches_the_markers_of_the_search_only_after_consent(client, kitas):
    """The page names the address of its markers instead of carrying them (its weight does not grow with the
    results); that address answers with the same filters as the page."""
    html = client.get("/de/kita/", {**CENTRE, "umkreis": 2}).content.decode()
    assert 'data-points-url="/de/kita/karte/?plz=45468&amp;umkreis=2"' in html
    assert "51.43" not in html, "no coordinates in the page"
    response = client.get("/de/kita/karte/", {**CENTRE, "umkreis": 2})
    assert response["Content-Type"] == "application/json"
    points = {point["title"]: point for point in response.json()}
    assert set(points) == set(names(client, **CENTRE, umkreis=2)) and "Kita Weit" not in points
    assert points["Kita Nah"]["url"] == kitas["near"].url and points["Kita Nah"]["lat"] == 51.43


def test_age_group_and_minimum_age_at_the_start_date(client, kitas):
    # 8 months old on 1 August: U3, and the childminder takes children only from 12 months.
    found = names(client, geburtsdatum="2025-12-01", beginn="2026-08-01")
    assert "Tagespflege Anja" not in found and "Kita Nah" in found
    html = client.get("/de/kita/", {"geburtsdatum": "2023-07-15", "beginn": "2026-08-01"}).content.decode()
    assert "gehört Ihr Kind zur Gruppe ab 3 Jahren (Ü3)" in html
    assert names(client, geburtsdatum="2023-07-15", beginn="2026-08-01", frei="on") == ["Kita Weit"]
    assert names(client, geburtsdatum="2019-01-01", beginn="2026-08-01") == []


def test_focus_carrier_and_kind(client, kitas):
    assert names(client, schwerpunkt="montessori") == ["Kita Nah"]
    assert names(client, traeger="awo") == ["Kita Nah"]
    assert names(client, art="tagespflege") == ["Tagespflege Anja"]


def test_free_places_show_their_report_date(client, kitas):
    html = client.get("/de/kita/kita-nah/").content.decode()
    assert re.search(r"2 frei</strong>\s*\(Stand: \d\d\.\d\d\.\d{4}\)", html)


def test_bad_input_is_explained_and_the_list_stays(client, kitas):
    html = client.get(
        "/de/kita/", {"umkreis": 2, "von": "17:00", "bis": "08:00", "geburtsdatum": "morgen"}
    ).content.decode()
    assert "Für den Umkreis geben Sie eine Postleitzahl an oder wählen Sie einen Stadtteil." in html
    assert "Das Ende der Betreuungszeit liegt vor dem Anfang." in html
    assert "5 Betreuungsangebote gefunden" in html


def test_nobody_sees_a_childminders_home_address(client, kitas):
    minder = kitas["minder"]
    assert not hasattr(minder, "street")
    assert (minder.latitude, minder.longitude) == (Decimal("51.43"), Decimal("6.88"))  # stored only rounded
    html = client.get("/de/kita/tagespflege-anja/").content.decode()
    assert "die genaue Adresse erfahren Sie bei der Kontaktaufnahme" in html
    item = client.get("/api/v1/childminders").json()["results"][0]
    assert "address" not in item and item["latitude"] == 51.43


def test_api_uses_the_same_filters(client, kitas):
    data = client.get("/api/v1/kitas", {**CENTRE, "umkreis": 2, "geburtsdatum": "2025-06-10", "frei": "on"}).json()
    assert [item["name"] for item in data["results"]] == ["Kita Nah"]
    assert data["results"][0]["free_places"][0]["group"] == "u3" and data["results"][0]["free_places"][0]["free"] == 2
    assert "reported_at" in data["results"][0]["free_places"][0]
    assert client.get("/api/v1/kitas", {"plz": "99999"}).status_code == 400


@pytest.mark.parametrize("extra", [0, 15])
def test_search_page_query_budget(client, kitas, extra, django_assert_max_num_queries):
    for number in range(extra):
        make_daycare(
            kitas["index"], title=f"Kita {number:02d}", district=district("heissen"), lat="51.436", lon="6.922"
        )
    client.get("/de/kita/")
    with django_assert_max_num_queries(24):
        response = client.get("/de/kita/", {**CENTRE, "geburtsdatum": "2025-06-10", "von": "07:30"})
    assert len(response.context["daycares"]) > 0


def test_redaktion_edits_kitas_in_the_admin_and_assigns_staff(client, kitas):
    from community.accounts.roles import REDAKTION
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=[REDAKTION]))
    html = client.get(f"/admin/pages/{kitas['near'].pk}/edit/").content.decode()
    assert "Konten, die freie Plätze melden" in html
    assert "Altersgruppen und Plätze" in html
    minder_form = client.get(f"/admin/pages/{kitas['minder'].pk}/edit/").content.decode()
    assert 'name="street"' not in minder_form  # there is no field for a childminder's address
