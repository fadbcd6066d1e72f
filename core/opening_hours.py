"""Opening hours of places (contact points, changing places): is it open now, until when, when next?

Rules, in order, for a calendar day:
1. an exception for that day wins: either closed, or open only in its own hours;
2. on an NRW public holiday the place is closed, unless it opens on holidays;
3. otherwise the weekly hours apply. A period whose end is before its start runs past midnight
   (a period that starts on a holiday counts as that day's); start equal to end means round the clock.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from core import page_cache
from core.holidays import holiday_name

LOOKAHEAD_DAYS = 14


@dataclass(frozen=True)
class WeeklyPeriod:
    weekday: int  # 0 = Monday
    opens: datetime.time
    closes: datetime.time


@dataclass(frozen=True)
class DayException:
    date: datetime.date
    closed: bool = True
    opens: datetime.time | None = None
    closes: datetime.time | None = None
    note: str = ""


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    closes_at: datetime.datetime | None = None  # while open
    next_opening: datetime.datetime | None = None  # while closed, within the lookahead
    closed_reason: str = ""  # a holiday's name or an exception's note, when that is why it is closed today
    known: bool = True  # False when the place has no hours at all


def _span(
    day: datetime.date, opens: datetime.time, closes: datetime.time, tz
) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(day, opens, tz)
    end_day = day if closes > opens else day + datetime.timedelta(days=1)
    return start, datetime.datetime.combine(end_day, closes, tz)


def spans_on(
    day: datetime.date,
    periods: Iterable[WeeklyPeriod],
    exceptions: dict[datetime.date, DayException],
    *,
    open_on_holidays: bool,
    tz=None,
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The opening spans that start on `day`, after exceptions and holidays."""
    tz = tz or ZoneInfo(settings.TIME_ZONE)
    exception = exceptions.get(day)
    if exception is not None:
        if exception.closed or exception.opens is None or exception.closes is None:
            return []
        return [_span(day, exception.opens, exception.closes, tz)]
    if not open_on_holidays and holiday_name(day):
        return []
    return sorted(_span(day, p.opens, p.closes, tz) for p in periods if p.weekday == day.weekday())


def opening_status(
    periods: Iterable[WeeklyPeriod],
    exceptions: Iterable[DayException] = (),
    *,
    at: datetime.datetime | None = None,
    open_on_holidays: bool = False,
) -> OpeningStatus:
    periods = list(periods)
    if not periods and not exceptions:
        return OpeningStatus(is_open=False, known=False)
    tz = ZoneInfo(settings.TIME_ZONE)
    asked_now = at is None
    at = timezone.localtime(at, tz) if at is not None else timezone.localtime(timezone=tz)
    by_day = {exception.date: exception for exception in exceptions}
    today = at.date()
    spans = []
    for offset in range(-1, LOOKAHEAD_DAYS + 1):  # yesterday for periods that run past midnight
        spans += spans_on(
            today + datetime.timedelta(days=offset), periods, by_day, open_on_holidays=open_on_holidays, tz=tz
        )
    spans.sort()
    for start, end in spans:
        if start <= at < end:
            # Back-to-back spans (22–24 and 0–2) read as one.
            for next_start, next_end in spans:
                if next_start <= end < next_end:
                    end = next_end
            if asked_now:  # a stored page that says "jetzt geöffnet" is not served after closing time
                page_cache.changes_at(end)
            return OpeningStatus(is_open=True, closes_at=end)
    upcoming = [start for start, _end in spans if start > at]
    if asked_now and upcoming:
        page_cache.changes_at(upcoming[0])
    reason = ""
    if today in by_day:
        reason = by_day[today].note
    elif not open_on_holidays:
        reason = holiday_name(today) or ""
    return OpeningStatus(is_open=False, next_opening=upcoming[0] if upcoming else None, closed_reason=reason)


def week_table(periods: Iterable[WeeklyPeriod]) -> list[tuple[int, list[WeeklyPeriod]]]:
    """Monday to Sunday with each day's periods, for the hours table on a page."""
    periods = sorted(periods, key=lambda p: (p.weekday, p.opens))
    return [(day, [p for p in periods if p.weekday == day]) for day in range(7)]
