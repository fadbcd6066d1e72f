"""iCalendar feed of contact point events: one VEVENT per event, series as RRULE with EXDATE for dates that fall out."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import prefetch_related_objects
from icalendar import Event, vRecur

from core.ical import new_calendar, utc_until
from home.contact_points import recurrence
from home.contact_points.models import ContactPointPage, EventPage


def _vevent(event: EventPage, point: ContactPointPage | None, base_url: str, stamp: datetime.datetime) -> Event:
    tz = ZoneInfo(settings.TIME_ZONE)
    vevent = Event()
    url = base_url + event.url
    vevent.add("uid", f"event-{event.pk}@familienportal")
    vevent.add("dtstamp", stamp)
    vevent.add("summary", event.title)
    vevent.add("description", f"{event.summary}\n\n{url}")
    vevent.add("url", url)
    vevent.add("dtstart", datetime.datetime.combine(event.start_date, event.start_time, tz))
    vevent.add("dtend", datetime.datetime.combine(event.start_date, event.end_time, tz))
    where = [event.venue] if event.venue else []
    if point is not None:
        where += [point.title, point.street, f"{point.postcode} {point.city}"]
        if point.latitude is not None:
            vevent.add("geo", (float(point.latitude), float(point.longitude)))
    if where:
        vevent.add("location", ", ".join(part for part in where if part))
    rule = recurrence.rrule(event.start_date, event.repeat)
    if rule:
        rule["until"] = utc_until(event.repeat_until, event.start_time, tz)
        vevent.add("rrule", vRecur(rule))
        skipped = recurrence.skipped_dates(
            event.start_date,
            event.repeat,
            event.repeat_until,
            cancelled=[row.date for row in event.cancellations.all()],
            skip_holidays=event.skip_holidays,
        )
        for day in skipped:
            vevent.add("exdate", datetime.datetime.combine(day, event.start_time, tz))
    elif not event.occurrence_dates():
        vevent.add("status", "CANCELLED")
    return vevent


def event_components(*, events: list[EventPage], base_url: str) -> list[Event]:
    """These events for a calendar of someone else's (the Merkliste's feed), each with its Familienpunkt's address."""
    prefetch_related_objects(events, "cancellations")
    paths = {event.path[: -EventPage.steplen] for event in events}
    by_path = {point.path: point for point in ContactPointPage.objects.filter(path__in=paths)}
    stamp = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    return [_vevent(event, by_path.get(event.path[: -EventPage.steplen]), base_url, stamp) for event in events]


def events_calendar(
    *, events: Iterable[EventPage], points: Iterable[ContactPointPage], name: str, base_url: str
) -> bytes:
    calendar = new_calendar(product="Familienpunkte", name=name)
    stamp = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    by_path = {point.path: point for point in points}
    for event in events:
        calendar.add_component(_vevent(event, by_path.get(event.path[: -EventPage.steplen]), base_url, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()
