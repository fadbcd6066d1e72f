"""Feeds read by the beat task from a real local HTTP server; proposals decided in the admin and never published
before the Redaktion's approval."""

import datetime

import pytest
from wagtail.models import WorkflowState

from community.accounts.roles import ANBIETER, FAMILIENPUNKT_TEAM, REDAKTION
from home.calendar_feeds.models import CalendarFeed, FeedProposal
from home.calendar_feeds.services import feed_refresh
from home.calendar_feeds.tasks import refresh_calendar_feeds
from home.contact_points.models import EventPage
from home.offers.models import OfferPage
from tests.factories import (
    ProviderFactory,
    UserFactory,
    contact_point_index,
    district,
    make_contact_point,
    make_offer,
)

pytestmark = pytest.mark.django_db
D, T = datetime.date.fromisoformat, datetime.time.fromisoformat


@pytest.fixture
def world(home_page, offers_page):
    alice = UserFactory(username="alice", roles=[ANBIETER])
    mallory = UserFactory(username="mallory", roles=[ANBIETER])
    team = UserFactory(username="team", roles=[FAMILIENPUNKT_TEAM])
    editor = UserFactory(username="redakteurin", roles=[REDAKTION])
    verein = ProviderFactory(name="Verein A", maintainers=[alice])
    ProviderFactory(name="Verein M", maintainers=[mallory])
    offer = make_offer(
        offers_page, title="Eltern-Kind-Turnen", provider=verein, dates=[{"start_date": D("2030-01-08"), "weekday": 1}]
    )
    point = make_contact_point(contact_point_index(home_page), district=district("styrum"), staff=[team])
    return {
        "alice": alice,
        "mallory": mallory,
        "team": team,
        "editor": editor,
        "verein": verein,
        "offer": offer,
        "point": point,
    }


def point_feed(world, url):
    return CalendarFeed.objects.create(url=url, contact_point=world["point"], name="Familienpunkt")


def offer_feed(world, url):
    return CalendarFeed.objects.create(url=url, provider=world["verein"], offer=world["offer"], name="Turnverein")


def open_titles(feed):
    return sorted(p.values["title"] for p in feed.proposals.filter(status=FeedProposal.Status.OPEN))


def test_beat_task_proposes_dates_and_publishes_nothing(world, feed_server):
    feed = point_feed(world, feed_server.serve("/google.ics", "google.ics"))
    events_before = EventPage.objects.count()
    assert refresh_calendar_feeds.delay().get() == 4
    feed.refresh_from_db()
    assert feed.last_error == "" and feed.etag and feed.last_success_at
    assert open_titles(feed) == ["Babytreff", "Babytreff (später)", "Infoabend Kita-Start", "Sommerfest"]
    assert EventPage.objects.count() == events_before  # proposals only


def test_conditional_get_answers_304_and_changes_nothing(world, feed_server):
    feed = point_feed(world, feed_server.serve("/google.ics", "google.ics"))
    feed_refresh(feed=feed)
    etag = feed.etag
    assert feed_refresh(feed=feed) == 0
    assert feed_server.requests[-1] == ("/google.ics", etag)
    assert feed.proposals.count() == 4 and feed.last_error == ""


def test_broken_and_unreachable_feeds_get_a_german_error_and_the_run_goes_on(world, feed_server):
    good = point_feed(world, feed_server.serve("/ok.ics", "thunderbird.ics"))
    broken = point_feed(world, feed_server.serve("/kaputt.ics", "google.ics", status=500))
    feed_server.routes["/html.ics"] = (200, b"<html>Wartungsarbeiten</html>")
    html = point_feed(world, feed_server.url("/html.ics"))
    unreachable = point_feed(world, "http://127.0.0.1:9/nirgends.ics")
    refresh_calendar_feeds.delay().get()
    for feed in (good, broken, html, unreachable):
        feed.refresh_from_db()
    assert good.last_error == "" and open_titles(good) == ["Stillcafé"]
    assert broken.last_error == "Der Server antwortet mit Fehler 500."
    assert "keinen lesbaren iCalendar-Kalender" in html.last_error or "VCALENDAR" in html.last_error
    assert unreachable.last_error.startswith("Der Kalender ist nicht erreichbar")
    # Read again only when due: the failed ones are not retried in the same quarter hour.
    assert refresh_calendar_feeds.delay().get() == 0


def test_private_addresses_are_refused_unless_allowed(world, feed_server, settings):
    feed = point_feed(world, feed_server.serve("/google.ics", "google.ics"))
    settings.CALENDAR_FEED_ALLOW_PRIVATE_ADDRESSES = False
    feed_refresh(feed=feed)
    assert feed.last_error == "Kalender aus internen Netzen (127.0.0.1) werden nicht gelesen."
    assert feed_server.requests == [] and feed.proposals.count() == 0
    feed.url = "file:///etc/passwd"
    feed_refresh(feed=feed)
    assert "http://" in feed.last_error


def test_team_takes_over_a_series_as_a_draft_event_in_review(client, world, feed_server):
    feed = point_feed(world, feed_server.serve("/google.ics", "google.ics"))
    feed_refresh(feed=feed)
    proposal = feed.proposals.get(values__title="Babytreff")
    client.force_login(world["team"])
    assert "Babytreff" in client.get("/admin/kalender-vorschlaege/").content.decode()
    response = client.post(f"/admin/kalender-vorschlaege/{proposal.pk}/uebernehmen/", follow=True)
    assert "wartet auf die Freigabe" in response.content.decode()
    proposal.refresh_from_db()
    event = EventPage.objects.get(pk=proposal.page_id)
    assert proposal.status == "uebernommen" and proposal.decided_by == world["team"]
    assert not event.live and event.get_parent().pk == world["point"].pk
    assert (event.start_date, event.start_time, event.repeat, event.repeat_until) == (
        D("2030-06-04"),
        T("09:30"),
        "weekly",
        D("2030-07-23"),
    )
    assert sorted(c.date for c in event.cancellations.all()) == [D("2030-06-18"), D("2030-06-25")]
    assert event.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_provider_takes_over_a_date_into_the_offer_draft_live_page_unchanged(client, world, feed_server):
    feed = offer_feed(world, feed_server.serve("/outlook.ics", "outlook.ics"))
    feed_refresh(feed=feed)
    proposal = feed.proposals.get(values__title="Eltern-Kind-Turnen")
    client.force_login(world["alice"])
    client.post(f"/admin/kalender-vorschlaege/{proposal.pk}/uebernehmen/")
    offer = OfferPage.objects.get(pk=world["offer"].pk)
    assert [(d.start_date, d.weekday) for d in offer.dates.all()] == [(D("2030-01-08"), 1)]  # live: as before
    draft = offer.get_latest_revision_as_object()
    assert sorted((d.start_date, d.end_date, d.weekday, d.start_time) for d in draft.dates.all()) == [
        (D("2030-01-08"), None, 1, None),
        (D("2030-09-03"), D("2030-12-17"), 1, T("16:00")),
    ]
    assert offer.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert offer.has_unpublished_changes


def test_declined_dates_are_not_proposed_again_and_others_cannot_decide(client, world, feed_server):
    feed = offer_feed(world, feed_server.serve("/outlook.ics", "outlook.ics"))
    feed_refresh(feed=feed)
    proposal = feed.proposals.get(values__title="Herbstferien-Programm")
    client.force_login(world["mallory"])
    assert "Herbstferien" not in client.get("/admin/kalender-vorschlaege/").content.decode()
    assert client.post(f"/admin/kalender-vorschlaege/{proposal.pk}/ablehnen/").status_code in (302, 403)
    proposal.refresh_from_db()
    assert proposal.status == "offen"  # the admin turns the refusal into a redirect; the proposal stays open
    client.force_login(world["editor"])
    client.post(f"/admin/kalender-vorschlaege/{proposal.pk}/ablehnen/")
    proposal.refresh_from_db()
    assert proposal.status == "abgelehnt" and proposal.decided_by == world["editor"] and proposal.decided_at
    feed_server.routes["/outlook.ics"] = (200, feed_server.routes["/outlook.ics"][1] + b"\r\n")  # new ETag
    feed_refresh(feed=feed)
    assert not feed.proposals.filter(values__title="Herbstferien-Programm", status="offen").exists()


def test_changed_and_removed_dates_after_taking_over(world, feed_server):
    from home.calendar_feeds.services import proposal_apply

    feed = point_feed(world, feed_server.serve("/feed.ics", "google.ics"))
    feed_refresh(feed=feed)
    infoabend = feed.proposals.get(values__title="Infoabend Kita-Start")
    event = proposal_apply(proposal=infoabend, user=world["team"])
    babytreff = feed.proposals.get(values__title="Babytreff")
    proposal_apply(proposal=babytreff, user=world["team"])
    feed_server.serve("/feed.ics", "google_changed.ics")
    feed_refresh(feed=feed)
    changed = feed.proposals.get(status="offen", uid=infoabend.uid)
    assert changed.kind == "geaendert" and changed.sequence == 1
    assert changed.previous["start_time"] == "18:00:00" and changed.values["start_time"] == "18:30:00"
    removed = feed.proposals.get(status="offen", uid=babytreff.uid)
    assert removed.kind == "entfallen"
    # Never taken over and now gone or cancelled: nothing left to decide.
    assert not feed.proposals.filter(status="offen", values__title__startswith="Sommerfest").exists()
    assert not feed.proposals.filter(status="offen", values__title="Babytreff (später)").exists()
    page = proposal_apply(proposal=changed, user=world["team"])
    assert page.pk == event.pk  # the same event, a new draft revision
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert (draft.title, draft.start_time) == ("Infoabend Kita-Start (neuer Raum)", T("18:30"))
    assert not EventPage.objects.get(pk=event.pk).live


def test_provider_adds_a_feed_for_its_own_offer_only(client, world):
    client.force_login(world["alice"])
    assert client.get("/admin/kalender_abos/").status_code == 200
    form = {"name": "Turnen", "url": "https://kalender.example.org/turnen.ics", "active": "on"}
    response = client.post(
        "/admin/kalender_abos/new/", {**form, "provider": world["verein"].pk, "offer": world["point"].pk}
    )
    assert response.status_code == 200 and not CalendarFeed.objects.exists()  # a Familienpunkt is no offer of hers
    client.post("/admin/kalender_abos/new/", {**form, "provider": world["verein"].pk, "offer": world["offer"].pk})
    feed = CalendarFeed.objects.get()
    assert (feed.provider, feed.offer_id, feed.contact_point) == (world["verein"], world["offer"].pk, None)
    client.force_login(world["mallory"])
    assert "kalender.example.org" not in client.get("/admin/kalender_abos/").content.decode()
