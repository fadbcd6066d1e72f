"""iCalendar (RFC 5545) for offers: one event per schedule line, weekly lines as recurring events."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import prefetch_related_objects
from icalendar import Event, vRecur

from core.ical import new_calendar, utc_until
from home.offers.models import OfferDate, OfferPage

BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _first_weekday_on_or_after(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _event(offer: OfferPage, line: OfferDate, url: str, stamp: datetime.datetime) -> Event:
    tz = ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", f"offer-{offer.pk}-date-{line.pk}@familienportal")
    event.add("dtstamp", stamp)
    event.add("summary", offer.title)
    event.add("description", f"{offer.summary}\n\n{url}")
    event.add("url", url)
    place = ", ".join(part for part in (offer.venue, offer.street, f"{offer.postcode} {offer.city}".strip()) if part)
    if place:
        event.add("location", place)
    if offer.latitude is not None and offer.longitude is not None:
        event.add("geo", (float(offer.latitude), float(offer.longitude)))
    first_day = line.start_date if line.weekday is None else _first_weekday_on_or_after(line.start_date, line.weekday)
    if line.start_time:
        event.add("dtstart", datetime.datetime.combine(first_day, line.start_time, tz))
        end_time = line.end_time or line.start_time
        event.add("dtend", datetime.datetime.combine(first_day, end_time, tz))
        if line.weekday is None and line.end_date and line.end_date > line.start_date:
            event.add("rrule", vRecur(freq="DAILY", until=utc_until(line.end_date, end_time, tz)))
    else:
        event.add("dtstart", first_day)
        last = line.end_date if line.weekday is None and line.end_date else first_day
        event.add("dtend", last + datetime.timedelta(days=1))  # DTEND of an all-day event is exclusive
    if line.weekday is not None:
        rule = {"freq": "WEEKLY", "byday": BYDAY[line.weekday]}
        if line.end_date:
            rule["until"] = (
                utc_until(line.end_date, line.end_time or line.start_time, tz) if line.start_time else line.end_date
            )
        event.add("rrule", vRecur(rule))
    return event


def offer_events(*, offers: list[OfferPage], base_url: str) -> list[Event]:
    """The events of these offers for a calendar of someone else's (the Merkliste's feed)."""
    prefetch_related_objects(offers, "dates")
    stamp = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    return [_event(offer, line, base_url + offer.url, stamp) for offer in offers for line in offer.dates.all()]


def offers_calendar(*, offers: Iterable[OfferPage], name: str, base_url: str) -> bytes:
    calendar = new_calendar(product="Angebote", name=name)
    stamp = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    for offer in offers:
        url = base_url + offer.url
        for line in offer.dates.all():
            calendar.add_component(_event(offer, line, url, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()
