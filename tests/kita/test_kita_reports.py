import datetime

import pytest
from django.utils import timezone

from community.accounts.roles import ELTERN, KITA_LEITUNG
from home.kita.models import FreePlaces, PlaceReport
from tests.factories import UserFactory, district, kita_index, make_daycare

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_kitas(home_page):
    index = kita_index(home_page)
    leitung_a = UserFactory(username="leitung_a", display_name="Frau A", roles=[KITA_LEITUNG])
    leitung_b = UserFactory(username="leitung_b", roles=[KITA_LEITUNG])
    kita_a = make_daycare(index, title="Kita A", district=district("saarn"), lat="51.43", lon="6.88", staff=[leitung_a])
    kita_b = make_daycare(index, title="Kita B", district=district("saarn"), lat="51.43", lon="6.88", staff=[leitung_b])
    return {"a": kita_a, "b": kita_b, "leitung_a": leitung_a, "leitung_b": leitung_b}


def test_staff_see_only_their_own_kita(client, two_kitas):
    client.force_login(two_kitas["leitung_a"])
    html = client.get("/de/kita/meldung/").content.decode()
    assert "Kita A" in html and "Kita B" not in html


def test_report_is_kept_with_who_and_when_and_shown_as_stand(client, two_kitas):
    client.force_login(two_kitas["leitung_a"])
    response = client.post(
        "/de/kita/meldung/", {"einrichtung": two_kitas["a"].pk, "frei_u3": "2", "frei_ue3": "0"}, follow=True
    )
    assert "Danke! Die freien Plätze für Kita A sind gemeldet." in response.content.decode()
    client.post("/de/kita/meldung/", {"einrichtung": two_kitas["a"].pk, "frei_u3": "1", "frei_ue3": "4"})
    history = list(
        PlaceReport.objects.filter(daycare=two_kitas["a"], group="u3").values_list(
            "free_places", "reported_by__username"
        )
    )
    assert history == [(1, "leitung_a"), (2, "leitung_a")]
    assert FreePlaces.objects.get(daycare=two_kitas["a"], group="u3").free_places == 1
    form = client.get("/de/kita/meldung/").content.decode()
    assert "<td><bdi>Frau A</bdi></td>" in form
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert f"(Stand: {today})" in client.get("/de/kita/kita-a/").content.decode()


def test_staff_of_one_kita_cannot_report_for_another(client, two_kitas):
    client.force_login(two_kitas["leitung_a"])
    response = client.post("/de/kita/meldung/", {"einrichtung": two_kitas["b"].pk, "frei_u3": "5", "frei_ue3": "5"})
    assert response.status_code == 403
    assert not PlaceReport.objects.filter(daycare=two_kitas["b"]).exists()


@pytest.mark.parametrize("role", [ELTERN, KITA_LEITUNG])
def test_accounts_without_a_kita_are_refused(client, two_kitas, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get("/de/kita/meldung/").status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, two_kitas):
    response = client.get("/de/kita/meldung/")
    assert response.status_code == 302 and response.url.startswith("/konto/login/")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("11", "Bitte eine Zahl von 0 bis 10 angeben."),
        ("-1", "Bitte eine Zahl von 0 bis 10 angeben."),
        ("zwei", "Bitte eine ganze Zahl angeben."),
    ],
)
def test_impossible_numbers_are_refused_and_nothing_is_saved(client, two_kitas, value, message):
    client.force_login(two_kitas["leitung_a"])
    response = client.post("/de/kita/meldung/", {"einrichtung": two_kitas["a"].pk, "frei_u3": value, "frei_ue3": "0"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PlaceReport.objects.exists()


def test_old_reports_are_marked_as_possibly_outdated(client, two_kitas, settings):
    settings.KITA_REPORT_STALE_WEEKS = 2
    client.force_login(two_kitas["leitung_a"])
    client.post("/de/kita/meldung/", {"einrichtung": two_kitas["a"].pk, "frei_u3": "2", "frei_ue3": "0"})
    assert "möglicherweise veraltet" not in client.get("/de/kita/kita-a/").content.decode()
    FreePlaces.objects.update(reported_at=timezone.now() - datetime.timedelta(weeks=3))
    assert "möglicherweise veraltet" in client.get("/de/kita/kita-a/").content.decode()
