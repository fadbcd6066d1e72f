"""The new page types in the admin: editors can edit them; a contact point's team drafts events for approval."""

import datetime

import pytest
from django.urls import reverse

from community.accounts.roles import FAMILIENPUNKT_TEAM, REDAKTION
from home.contact_points.models import EventPage
from tests.factories import (
    PASSWORD,
    UserFactory,
    changing_place_index,
    contact_point_index,
    district,
    district_index,
    make_changing_place,
    make_contact_point,
    make_event,
)

pytestmark = pytest.mark.django_db


def test_editor_opens_every_new_page_type(client, home_page):
    point = make_contact_point(contact_point_index(home_page), district=district("styrum"))
    pages = [
        point.get_parent(),
        point,
        make_event(point, start_date=datetime.date(2026, 12, 3)),
        district_index(home_page),
        make_changing_place(changing_place_index(home_page), title="Drogerie", district=district("styrum")),
    ]
    editor = UserFactory(roles=[REDAKTION])
    client.login(username=editor.username, password=PASSWORD)
    for page in pages:
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200, page
    assert client.get(reverse("wagtailsnippets_home_localinstitution:list")).status_code == 200


def test_team_drafts_an_event_that_waits_for_the_redaktion(client, home_page):
    team = UserFactory(roles=[FAMILIENPUNKT_TEAM])
    point = make_contact_point(contact_point_index(home_page), district=district("styrum"), staff=[team])
    client.login(username=team.username, password=PASSWORD)
    url = reverse("wagtailadmin_pages:add", args=["contact_points", "eventpage", point.pk])
    form = {
        "title": "Babytreff",
        "slug": "babytreff",
        "summary": "Krabbeln und singen",
        "start_date": "2026-12-03",
        "start_time": "10:00",
        "end_time": "11:30",
        "repeat": "weekly",
        "repeat_until": "2027-02-25",
        "skip_holidays": "on",
        "registration": "",
        "cost": "kostenlos",
        "cancellations-TOTAL_FORMS": "0",
        "cancellations-INITIAL_FORMS": "0",
        "cancellations-MIN_NUM_FORMS": "0",
        "cancellations-MAX_NUM_FORMS": "1000",
        "action-submit": "1",
    }
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(slug="babytreff")
    assert not event.live and event.last_date == datetime.date(2027, 2, 25)
    assert event.current_workflow_state is not None


def test_team_cannot_touch_another_contact_point(client, home_page):
    from home.contact_points.models import ContactPointStaff

    index = contact_point_index(home_page)
    styrum = make_contact_point(index, district=district("styrum"))
    saarn = make_contact_point(index, title="Familienpunkt Saarn", district=district("saarn"))
    saarn_event = make_event(saarn, title="Babytreff Saarn", start_date=datetime.date(2026, 12, 3))
    team = UserFactory(roles=[FAMILIENPUNKT_TEAM])
    ContactPointStaff.objects.create(page=styrum, user=team)
    assert styrum.permissions_for_user(team).can_add_subpage()
    assert not saarn.permissions_for_user(team).can_add_subpage()
    assert not saarn_event.permissions_for_user(team).can_edit()
    assert not styrum.permissions_for_user(team).can_publish()
    client.login(username=team.username, password=PASSWORD)
    assert client.get(
        reverse("wagtailadmin_pages:add", args=["contact_points", "eventpage", saarn.pk])
    ).status_code in (302, 403)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[saarn_event.pk])).status_code in (302, 403)
