"""Event series (weekly, every two weeks, monthly by weekday), cancellations, holidays, .ics feeds and the month view."""

import datetime

import pytest
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from icalendar import Calendar

from home.contact_points import recurrence
from home.contact_points.models import EventCancellation, EventPage
from tests.factories import contact_point_index, district, make_contact_point, make_event

D = datetime.date


def test_weekly_series_skips_holidays_and_cancellations():
    # Thursdays in May/June 2026: 14 May is Christi Himmelfahrt, 4 June Fronleichnam.
    dates = recurrence.occurrence_dates(D(2026, 5, 7), recurrence.WEEKLY, D(2026, 6, 11), cancelled=[D(2026, 5, 28)])
    assert dates == [D(2026, 5, 7), D(2026, 5, 21), D(2026, 6, 11)]


def test_holidays_kept_when_the_event_takes_place_anyway():
    dates = recurrence.occurrence_dates(D(2026, 5, 7), recurrence.WEEKLY, D(2026, 5, 21), skip_holidays=False)
    assert dates == [D(2026, 5, 7), D(2026, 5, 14), D(2026, 5, 21)]


def test_every_two_weeks():
    assert recurrence.occurrence_dates(D(2026, 11, 4), recurrence.BIWEEKLY, D(2026, 12, 16)) == [
        D(2026, 11, 4),
        D(2026, 11, 18),
        D(2026, 12, 2),
        D(2026, 12, 16),
    ]


def test_monthly_on_the_same_weekday_of_the_month():
    # 2nd Tuesday
    assert recurrence.occurrence_dates(D(2026, 11, 10), recurrence.MONTHLY, D(2027, 2, 28)) == [
        D(2026, 11, 10),
        D(2026, 12, 8),
        D(2027, 1, 12),
        D(2027, 2, 9),
    ]
    assert recurrence.rrule(D(2026, 11, 10), recurrence.MONTHLY) == {"freq": "MONTHLY", "byday": "2TU"}


def test_monthly_from_a_fifth_weekday_means_the_last_one():
    # 30 Nov 2026 is the fifth Monday: then the last Monday of each month.
    dates = recurrence.occurrence_dates(D(2026, 11, 30), recurrence.MONTHLY, D(2027, 3, 31))
    assert dates == [D(2026, 11, 30), D(2026, 12, 28), D(2027, 1, 25), D(2027, 2, 22)]  # 29 March 2027 is Ostermontag
    assert recurrence.rrule(D(2026, 11, 30), recurrence.MONTHLY)["byday"] == "-1MO"


def test_monthly_from_a_fourth_weekday_stays_the_fourth_not_the_last():
    # 23 Nov 2026 is the fourth Monday; March 2027 has five Mondays, so the 22nd, not the 29th.
    dates = recurrence.occurrence_dates(D(2026, 11, 23), recurrence.MONTHLY, D(2027, 3, 31))
    assert dates == [D(2026, 11, 23), D(2026, 12, 28), D(2027, 1, 25), D(2027, 2, 22), D(2027, 3, 22)]
    assert recurrence.rrule(D(2026, 11, 23), recurrence.MONTHLY)["byday"] == "4MO"


def test_series_edges_without_end_or_ending_before_it_starts():
    assert recurrence.occurrence_dates(D(2026, 12, 3), recurrence.WEEKLY, None) == [D(2026, 12, 3)]
    assert recurrence.occurrence_dates(D(2026, 12, 3), recurrence.WEEKLY, D(2026, 12, 1)) == []
    assert recurrence.occurrence_dates(D(2026, 12, 3), recurrence.BIWEEKLY, D(2026, 12, 3)) == [D(2026, 12, 3)]


def test_skipped_dates_are_holidays_and_cancellations_across_the_year_end():
    # Fridays: 25 Dec and 1 Jan are holidays, 8 Jan is cancelled.
    assert recurrence.skipped_dates(D(2026, 12, 18), recurrence.WEEKLY, D(2027, 1, 15), cancelled=[D(2027, 1, 8)]) == [
        D(2026, 12, 25),
        D(2027, 1, 1),
        D(2027, 1, 8),
    ]


def test_window_limits_the_dates():
    dates = recurrence.occurrence_dates(
        D(2026, 11, 2), recurrence.WEEKLY, D(2027, 6, 1), start=D(2026, 11, 20), end=D(2026, 12, 1)
    )
    assert dates == [D(2026, 11, 23), D(2026, 11, 30)]


def test_single_event():
    assert recurrence.occurrence_dates(D(2026, 12, 3), "", None) == [D(2026, 12, 3)]


@pytest.fixture
def point(home_page):
    return make_contact_point(contact_point_index(home_page), district=district("styrum"))


@pytest.mark.django_db
def test_series_needs_an_end_and_a_sensible_time(point):
    event = EventPage(
        title="Babytreff",
        summary="x",
        start_date=D(2026, 12, 1),
        start_time=datetime.time(10),
        end_time=datetime.time(9),
        repeat="weekly",
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert set(error.value.message_dict) == {"end_time", "repeat_until"}
    event.end_time, event.repeat_until = datetime.time(11), D(2029, 1, 1)
    with pytest.raises(ValidationError, match="höchstens zwei Jahre"):
        event.clean()


def _expand(vevent) -> list[datetime.date]:
    """What a calendar app shows: RRULE from DTSTART minus EXDATE."""
    start = vevent.decoded("dtstart")
    rule = vevent.get("rrule")
    if rule is None:
        return [start.date()]
    dates = {d.date() for d in rrulestr(rule.to_ical().decode(), dtstart=start)}
    exdates = vevent.get("exdate") or []
    for group in exdates if isinstance(exdates, list) else [exdates]:
        dates -= {d.dt.date() for d in group.dts}
    return sorted(dates)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "first, repeat, until",
    [
        (D(2027, 4, 29), "weekly", D(2027, 6, 24)),  # Himmelfahrt 6 May, Fronleichnam 27 May 2027
        (D(2026, 11, 4), "biweekly", D(2027, 3, 31)),
        (D(2026, 11, 30), "monthly", D(2027, 6, 30)),
        (D(2026, 12, 24), "", None),
    ],
)
def test_ics_feed_matches_the_portal_dates(client, point, first, repeat, until):
    event = make_event(point, start_date=first, repeat=repeat, until=until)
    if repeat:
        EventCancellation.objects.create(
            event=event, date=recurrence.occurrence_dates(first, repeat, until)[1], note="Fortbildung"
        )
    event = EventPage.objects.get(pk=event.pk)
    response = client.get(point.url + "kalender/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    [vevent] = [c for c in calendar.walk("VEVENT")]
    assert vevent.decoded("dtstart").tzinfo is not None
    assert "Moritzstraße 12" in str(vevent["location"])
    assert _expand(vevent) == event.occurrence_dates()


@pytest.mark.django_db
def test_feed_for_all_and_per_contact_point(client, home_page, point):
    other = make_contact_point(contact_point_index(home_page), title="Familienpunkt Saarn", district=district("saarn"))
    make_event(point, title="Babytreff Styrum", start_date=D(2026, 12, 3))
    make_event(other, title="Babytreff Saarn", start_date=D(2026, 12, 3))
    make_event(other, title="Entwurf", start_date=D(2026, 12, 3), publish=False)
    everything = client.get("/de/familienpunkte/kalender/").content.decode()
    assert "Babytreff Styrum" in everything and "Babytreff Saarn" in everything and "Entwurf" not in everything
    styrum = client.get(point.url + "kalender/").content.decode()
    assert "Babytreff Styrum" in styrum and "Saarn" not in styrum


@pytest.mark.django_db
def test_month_view_lists_each_date_and_handles_bad_input(client, point):
    make_event(point, title="Mütter-Café", start_date=D(2026, 12, 1), repeat="weekly", until=D(2027, 1, 31))
    page = client.get("/de/familienpunkte/termine/?monat=2026-12").content.decode()
    assert "Termine im Dezember 2026" in page
    # 1, 8, 15, 22 December; the 29th too (no holiday) = 5 links to the event
    assert page.count('><bdi dir="ltr">09:30</bdi> <bdi>Mütter-Café</bdi></a>') == 5
    bad = client.get("/de/familienpunkte/termine/?monat=2026-13", follow=True)
    assert bad.status_code == 200
    assert "Diesen Monat kennen wir nicht" in bad.content.decode()


@pytest.mark.django_db
def test_contact_point_page_shows_everything_a_family_needs(client, point):
    make_event(
        point,
        title="Infoabend Kita-Anmeldung",
        start_date=datetime.date.today() + datetime.timedelta(days=3),
        registration="erforderlich",
        registration_info="Telefon 0208 455-4710",
    )
    html = client.get(point.url).content.decode()
    for text in ("Öffnungszeiten", "Infoabend Kita-Anmeldung", "Mithelfen", "jetzt"):
        assert text in html
    event_html = client.get(EventPage.objects.get().url).content.decode()
    assert "Anmeldung erforderlich" in event_html and "Telefon 0208 455-4710" in event_html


@pytest.mark.django_db
def test_event_page_carries_schema_org_event_with_schedule(client, point):
    import json
    import re

    start = datetime.date.today() + datetime.timedelta(days=1)
    event = make_event(
        point, title="Babytreff", start_date=start, repeat="biweekly", until=start + datetime.timedelta(weeks=10)
    )
    EventCancellation.objects.create(event=event, date=start + datetime.timedelta(weeks=2))
    html = client.get(event.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event" and data["location"]["address"]["streetAddress"] == "Moritzstraße 12"
    assert data["eventSchedule"]["repeatFrequency"] == "P2W"
    assert data["eventSchedule"]["exceptDate"] == [(start + datetime.timedelta(weeks=2)).isoformat()]
    assert data["organizer"]["url"].endswith(point.url)
