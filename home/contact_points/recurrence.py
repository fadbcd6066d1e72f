"""Dates of an event series: once, weekly, every two weeks, or monthly on the same weekday (2nd Tuesday, last Friday)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from dateutil import rrule as dateutil_rrule

from core.holidays import holiday_name

NONE, WEEKLY, BIWEEKLY, MONTHLY = "", "weekly", "biweekly", "monthly"
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def week_of_month(day: datetime.date) -> int:
    """1 to 4 for the nth weekday of its month; -1 for a fifth one, which the series keeps as "the last"."""
    number = (day.day - 1) // 7 + 1
    return -1 if number == 5 else number


def series_dates(first: datetime.date, repeat: str, until: datetime.date | None) -> Iterable[datetime.date]:
    """Every date of the series, before cancellations and holidays."""
    # dateutil's rrule expands the series: it is the RFC 5545 reference the calendar feed is read with, so
    # the portal's dates and a calendar app's dates come from the same rules.
    if repeat not in (WEEKLY, BIWEEKLY, MONTHLY) or until is None:
        yield first
        return
    start, end = (datetime.datetime.combine(day, datetime.time()) for day in (first, until))
    if repeat == MONTHLY:
        nth_weekday = dateutil_rrule.weekdays[first.weekday()](week_of_month(first))
        rule = dateutil_rrule.rrule(dateutil_rrule.MONTHLY, dtstart=start, until=end, byweekday=nth_weekday)
    else:
        rule = dateutil_rrule.rrule(
            dateutil_rrule.WEEKLY, dtstart=start, until=end, interval=1 if repeat == WEEKLY else 2
        )
    for moment in rule:
        yield moment.date()


def occurrence_dates(
    first: datetime.date,
    repeat: str,
    until: datetime.date | None,
    *,
    cancelled: Iterable[datetime.date] = (),
    skip_holidays: bool = True,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> list[datetime.date]:
    """The dates the event really takes place, optionally within [start, end]."""
    cancelled = set(cancelled)
    dates = []
    for day in series_dates(first, repeat, until):
        if end is not None and day > end:
            break
        if (start is None or day >= start) and not _falls_out(day, cancelled, skip_holidays):
            dates.append(day)
    return dates


def skipped_dates(
    first, repeat, until, *, cancelled: Iterable[datetime.date] = (), skip_holidays: bool = True
) -> list[datetime.date]:
    """Series dates that do not take place (for EXDATE in a calendar feed)."""
    cancelled = set(cancelled)
    return [day for day in series_dates(first, repeat, until) if _falls_out(day, cancelled, skip_holidays)]


def _falls_out(day: datetime.date, cancelled: set[datetime.date], skip_holidays: bool) -> bool:
    return day in cancelled or bool(skip_holidays and holiday_name(day))


def rrule(first: datetime.date, repeat: str) -> dict | None:
    """The RFC 5545 recurrence rule for a series (without UNTIL, which the caller adds in UTC)."""
    if repeat == WEEKLY:
        return {"freq": "WEEKLY"}
    if repeat == BIWEEKLY:
        return {"freq": "WEEKLY", "interval": 2}
    if repeat == MONTHLY:
        return {"freq": "MONTHLY", "byday": f"{week_of_month(first)}{BYDAY[first.weekday()]}"}
    return None
