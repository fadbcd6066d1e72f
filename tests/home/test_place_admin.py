"""The new page types in the admin: editors can edit them; a contact point's team drafts events for approval."""

import datetime

import pytest
from django.urls import reverse

from community.roles import FAMILIENPUNKT_TEAM, REDAKTION
from home.contact_points.models import EventPage
from tests.factories import (
    PASSWORD, UserFactory, changing_place_index, contact_point_index, district, district_index, make_changing_place,
    make_contact_point, make_event,
)

pytestmark = pytest.mark.django_db


def test_editor_opens_every_new_page_type(client, home_page):
    point = make_contact_point(contact_point_index(home_page), district=district("styrum"))
    pages = [
        point.get_parent(), point, make_event(point, start_date=datetime.date(2026, 12, 3)), district_index(home_page),
        make_changing_place(changing_place_index(home_page), title="Drogerie", district=district("styrum")),
    ]
    editor = UserFactory(roles=[REDAKTION])
    client.login(username=editor.username, password=PASSWORD)
    for page in pages:
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200, page
    assert client.get(reverse("wagtailsnippets_home_localinstitution:list")).status_code == 200


def test_team_drafts_an_event_that_waits_for_the_redaktion(client, home_page):
    point = make_contact_point(contact_point_index(home_page), district=district("styrum"))
    team = UserFactory(roles=[FAMILIENPUNKT_TEAM])
    client.login(username=team.username, password=PASSWORD)
    url = reverse("wagtailadmin_pages:add", args=["home", "eventpage", point.pk])
    form = {
        "title": "Babytreff", "slug": "babytreff", "summary": "Krabbeln und singen", "start_date": "2026-12-03",
        "start_time": "10:00", "end_time": "11:30", "repeat": "weekly", "repeat_until": "2027-02-25", "skip_holidays": "on",
        "registration": "", "cost": "kostenlos",
        "cancellations-TOTAL_FORMS": "0", "cancellations-INITIAL_FORMS": "0", "cancellations-MIN_NUM_FORMS": "0",
        "cancellations-MAX_NUM_FORMS": "1000", "action-submit": "1",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(slug="babytreff")
    assert not event.live and event.last_date == datetime.date(2027, 2, 25)
    assert event.current_workflow_state is not None
