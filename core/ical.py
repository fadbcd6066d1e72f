"""What every iCalendar feed of the portal shares: the calendar header, UNTIL in UTC and the download response."""

from __future__ import annotations

import datetime
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
