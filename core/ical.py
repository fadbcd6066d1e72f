"""What every iCalendar feed of the portal shares: the calendar header, UNTIL in UTC and the download response."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from icalendar import Calendar


def new_calendar(*, product: str, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//Familienportal//{product}//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def utc_until(day: datetime.date, time: datetime.time, tz: ZoneInfo) -> datetime.datetime:
    # RFC 5545: with a local DTSTART, UNTIL must be given in UTC.
    return datetime.datetime.combine(day, time, tz).astimezone(datetime.UTC)


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@dataclass(frozen=True)
class FeedDate:
    """One date read from an outside calendar feed, in the portal's time zone, ready to become an offer's schedule
    line or a contact point's event. `key` is the feed's UID (with the occurrence for a changed single date of a
    series); `weekdays` (0 = Monday) and `interval` describe a weekly series, empty for a single date or a range."""

    key: str
    title: str
    start_date: datetime.date
    end_date: datetime.date | None = None  # the last day of a range; None for one day
    start_time: datetime.time | None = None  # None: all day
    end_time: datetime.time | None = None
    weekdays: tuple[int, ...] = ()
    interval: int = 1
    until: datetime.date | None = None  # last day of a series; None: open-ended
    excluded: tuple[datetime.date, ...] = ()  # EXDATEs of a series
    location: str = ""
    description: str = ""
    cancelled: bool = False
    sequence: int = 0
    last_modified: datetime.datetime | None = None
    problem: str = ""  # why the portal cannot take this date over as it is (German, for the reviewer)

    @property
    def all_day(self) -> bool:
        return self.start_time is None

    @property
    def weekly(self) -> bool:
        return bool(self.weekdays)

    def as_json(self) -> dict:
        """The proposed values as stored with a proposal (dates and times as ISO text)."""
        values = {}
        for name in ("title", "start_date", "end_date", "start_time", "end_time", "weekdays", "interval", "until"):
            value = getattr(self, name)
            values[name] = value.isoformat() if hasattr(value, "isoformat") else value
        values["weekdays"] = list(self.weekdays)
        values["excluded"] = [day.isoformat() for day in self.excluded]
        values["location"] = self.location
        values["description"] = self.description
        return values

    @classmethod
    def from_json(cls, key: str, values: dict) -> FeedDate:
        def day(name):
            return datetime.date.fromisoformat(values[name]) if values.get(name) else None

        def clock(name):
            return datetime.time.fromisoformat(values[name]) if values.get(name) else None

        return cls(
            key=key,
            title=values.get("title", ""),
            start_date=day("start_date"),
            end_date=day("end_date"),
            start_time=clock("start_time"),
            end_time=clock("end_time"),
            weekdays=tuple(values.get("weekdays") or ()),
            interval=values.get("interval") or 1,
            until=day("until"),
            excluded=tuple(datetime.date.fromisoformat(text) for text in values.get("excluded") or ()),
            location=values.get("location", ""),
            description=values.get("description", ""),
        )
