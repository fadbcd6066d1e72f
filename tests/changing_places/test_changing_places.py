"""Nursing and changing places: directory with "open now" and nearest first; suggestions and reports wait for the Redaktion."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from community.accounts.roles import REDAKTION
from home.changing_places.models import ChangingPlacePage, ChangingPlaceReport
from tests.factories import PASSWORD, ParentFactory, UserFactory, changing_place_index, district, make_changing_place

pytestmark = pytest.mark.django_db

SUGGESTION = {
    "title": "Spielwarenladen Heißen",
    "kind": "geschaeft",
    "street": "Heißener Straße 44",
    "postcode": "45472",
    "changing_table": "on",
    "weekdays_opens": "09:00",
    "weekdays_closes": "18:00",
    "saturday_opens": "10:00",
    "saturday_closes": "14:00",
    "note": "Freundlich, auch ohne Einkauf.",
}


@pytest.fixture
def index(home_page):
    return changing_place_index(home_page)


def _suggest(client, index, **changes):
    data = {**SUGGESTION, "district": district("heissen").pk, **changes}
    return client.post(index.url + "vorschlagen/", data)


def test_suggestion_waits_for_the_redaktion_and_is_never_public_before(client, index):
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    response = _suggest(client, index)
    assert response.status_code == 302
    place = ChangingPlacePage.objects.get(title="Spielwarenladen Heißen")
    assert not place.live and place.suggested_by == parent
    assert [(h.weekday, h.opens.hour, h.closes.hour) for h in place.hours.all()][-1] == (5, 10, 14)
    state = WorkflowState.objects.get(object_id=str(place.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == parent
    assert (
        "<bdi>Spielwarenladen Heißen</bdi> – wird von der Redaktion geprüft"
        in client.get(reverse("profile")).content.decode()
    )
    client.logout()
    assert "Spielwarenladen" not in client.get(index.url).content.decode()
    assert client.get(index.url + place.slug + "/").status_code == 404

    # The Redaktion approves in the admin: the place appears.
    editor = UserFactory(roles=[REDAKTION])
    client.login(username=editor.username, password=PASSWORD)
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[place.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    place.refresh_from_db()
    assert place.live
    client.logout()
    assert "Spielwarenladen Heißen" in client.get(index.url).content.decode()


def test_suggestion_form_checks_input_and_keeps_it(client, index):
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    response = _suggest(client, index, changing_table="", postcode="10115", saturday_closes="")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Wickeltisch oder einen Stillraum" in html
    assert "gehört nicht zu Mülheim" in html
    assert "„von“ und „bis“" in html
    assert 'value="Spielwarenladen Heißen"' in html  # nothing typed is lost
    assert not ChangingPlacePage.objects.exists()


def test_honeypot_and_daily_limit(client, index):
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    assert _suggest(client, index, homepage="http://spam.example").status_code == 200
    assert not ChangingPlacePage.objects.exists()
    for number in range(5):
        assert _suggest(client, index, title=f"Ort {number}").status_code == 302
    response = _suggest(client, index, title="Ort 6")
    assert "schon 5 Orte vorgeschlagen" in response.content.decode()
    assert ChangingPlacePage.objects.count() == 5


def test_anonymous_and_unconfirmed_cannot_suggest(client, index):
    # A guest is told why an account is needed and gets the login and sign-up with the way back here.
    response = client.get(index.url + "vorschlagen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vorschläge nehmen wir nur von angemeldeten Eltern an" in html
    assert f'href="{reverse("account_login")}?next=/de/wickeln-stillen/vorschlagen/"' in html
    assert f'href="{reverse("account_signup")}?next=/de/wickeln-stillen/vorschlagen/"' in html
    assert 'name="title"' not in html
    assert _suggest(client, index).status_code == 200
    assert not ChangingPlacePage.objects.exists()
    unconfirmed = UserFactory(verified=False)
    client.login(username=unconfirmed.username, password=PASSWORD)
    assert _suggest(client, index).status_code == 302
    assert not ChangingPlacePage.objects.exists()


def test_report_of_an_outdated_place_reaches_the_admin_queue_once(client, index):
    place = make_changing_place(index, title="Café Ruhrblick", district=district("saarn"))
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    url = place.url + "melden/"
    assert client.post(url, {"reason": "gibt-es-nicht-mehr", "comment": "Geschlossen seit Oktober."}).status_code == 302
    again = client.post(url, {"reason": "oeffnungszeiten"})
    assert "schon einen Hinweis" in again.content.decode()
    report = ChangingPlaceReport.objects.get()
    assert report.reported_by == parent and report.resolved_at is None
    assert client.get(place.url).status_code == 200  # still public until the Redaktion acts

    editor = UserFactory(roles=[REDAKTION])
    client.login(username=editor.username, password=PASSWORD)
    # The dashboard counts it, the review inbox lists it with its kind and the parent's words.
    assert "1 Eintrag wartet auf Ihre Entscheidung" in client.get(reverse("wagtailadmin_home")).content.decode()
    inbox = client.get(reverse("review_inbox") + "?art=wickelort-hinweise").content.decode()
    assert "Hinweis zu einem Wickelort" in inbox and "Geschlossen seit Oktober." in inbox
    assert "Café Ruhrblick" in client.get(reverse("changingplacereport:index")).content.decode()
    client.post(
        reverse("changingplacereport:edit", args=[report.pk]), {"resolution": "Ort zurückgezogen", "resolved": "on"}
    )
    report.refresh_from_db()
    assert report.resolved_by == editor and report.resolution == "Ort zurückgezogen"


def test_parents_cannot_open_the_report_queue(client, index):
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    assert client.get(reverse("changingplacereport:index")).status_code in (302, 403)


def test_nearest_changing_table_open_now(client, index):
    styrum = district("styrum")
    # Near Styrum's centre but closed right now (no hours today) …
    make_changing_place(index, title="Nah aber zu", district=styrum, lat="51.45180", lon="6.86280", hours=())
    # … a bit further and always open …
    make_changing_place(
        index,
        title="Bahnhof rund um die Uhr",
        district=styrum,
        lat="51.45600",
        lon="6.86500",
        hours=((range(7), "00:00", "00:00"),),
        open_on_holidays=True,
    )
    # … far away, always open, but only a nursing room.
    make_changing_place(
        index,
        title="Stillraum Saarn",
        district=district("saarn"),
        changing_table=False,
        nursing_room=True,
        hours=((range(7), "00:00", "00:00"),),
        open_on_holidays=True,
    )
    make_changing_place(
        index,
        title="Weit weg offen",
        district=district("saarn"),
        hours=((range(7), "00:00", "00:00"),),
        open_on_holidays=True,
    )
    html = client.get(index.url, {"offen": "on", "ausstattung": "wickeltisch", "plz": "45476"}).content.decode()
    assert "Nah aber zu" not in html and "Stillraum Saarn" not in html
    assert html.index("Bahnhof rund um die Uhr") < html.index("Weit weg offen")
    assert "2 Orte gefunden" in html and "jetzt geöffnet" in html
    bad = client.get(index.url, {"plz": "99999"}).content.decode()
    assert "gehört nicht zu" in bad and "4 Orte gefunden" in bad


def test_directory_query_count_does_not_grow_with_places(client, index, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # counts what rendering costs; the page cache has its own tests
    make_changing_place(index, title="Ort 0", district=district("saarn"))
    client.get(index.url)  # first request creates the site settings row
    with CaptureQueriesContext(connection) as one:
        client.get(index.url)
    for number in range(1, 15):
        make_changing_place(index, title=f"Ort {number}", district=district("saarn"))
    client.get(index.url)  # warm again: the writes made the shared parts (navigation, settings) stale
    with CaptureQueriesContext(connection) as many:
        assert "15 Orte gefunden" in client.get(index.url).content.decode()
    assert len(many) == len(one) <= 20
