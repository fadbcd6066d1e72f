"""Dates of an event series: once, weekly, every two weeks, or monthly on the same weekday (2nd Tuesday, last Friday)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from core.holidays import holiday_name

NONE, WEEKLY, BIWEEKLY, MONTHLY = "", "weekly", "biweekly", "monthly"
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def week_of_month(day: datetime.date) -> int:
    """1 to 4 for the nth weekday of its month; -1 for a fifth one, which the series keeps as "the last"."""
    number = (day.day - 1) // 7 + 1
    return -1 if number == 5 else number


def _nth_weekday(year: int, month: int, weekday: int, number: int) -> datetime.date | None:
    if number == -1:
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        last = following - datetime.timedelta(days=1)
        return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)
    first = datetime.date(year, month, 1)
    day = first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (number - 1))
    return day if day.month == month else None


def series_dates(first: datetime.date, repeat: str, until: datetime.date | None) -> Iterable[datetime.date]:
    """Every date of the series, before cancellations and holidays."""
    last = first if repeat == NONE or until is None else until
    if repeat in (WEEKLY, BIWEEKLY):
        step = datetime.timedelta(weeks=1 if repeat == WEEKLY else 2)
        day = first
        while day <= last:
            yield day
            day += step
    elif repeat == MONTHLY:
        number = week_of_month(first)
        year, month = first.year, first.month
        while datetime.date(year, month, 1) <= last:
            day = _nth_weekday(year, month, first.weekday(), number)
            if day is not None and first <= day <= last:
                yield day
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        yield first


def occurrence_dates(
    first: datetime.date, repeat: str, until: datetime.date | None, *,
    cancelled: Iterable[datetime.date] = (), skip_holidays: bool = True,
    start: datetime.date | None = None, end: datetime.date | None = None,
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


def skipped_dates(first, repeat, until, *, cancelled: Iterable[datetime.date] = (), skip_holidays: bool = True) -> list[datetime.date]:
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
