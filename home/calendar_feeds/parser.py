"""Reads an iCalendar feed (Google, Outlook/Exchange, Apple, Thunderbird, Nextcloud, …) into core.ical.FeedDates.

Only what the portal can show is kept: single dates, ranges of whole days and weekly series (RRULE FREQ=WEEKLY,
every week or every other week), with EXDATEs and changed or cancelled single dates of a series (RECURRENCE-ID).
Other rules are kept as a date with a `problem` so that the reviewer learns why it cannot be taken over."""

from __future__ import annotations

import datetime
import hashlib
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar

from core.ical import FeedDate

# More future dates than this in one feed is not a group's programme but an export of a whole organisation.
MAX_DATES = 500
WEEKDAY_CODES = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


class FeedError(Exception):
    """A feed the portal cannot read; the message is German and shown to the feed's owner."""


def parse_feed(data: bytes, *, today: datetime.date, tz: ZoneInfo | None = None) -> list[FeedDate]:
    """The feed's dates that are not over yet, one per UID (and per changed occurrence), in the portal's zone."""
    tz = tz or ZoneInfo(settings.TIME_ZONE)
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, TypeError) as error:
        raise FeedError(
            _("Die Adresse liefert keinen lesbaren iCalendar-Kalender (%(error)s).") % {"error": error}
        ) from None
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise FeedError(_("Die Adresse liefert keinen iCalendar-Kalender (VCALENDAR fehlt)."))
    masters, overrides = {}, []
    for event in calendar.walk("VEVENT"):
        if "DTSTART" not in event:
            continue  # RFC 5545 allows it only with METHOD; nothing to show without a start
        try:
            if "RECURRENCE-ID" in event:
                overrides.append(event)
            else:
                masters[_uid(event)] = event
        except (ValueError, TypeError):
            continue
    excluded: dict[str, list[datetime.date]] = {}
    dates = []
    for event in overrides:
        uid = _uid(event)
        original = _local_day(event.decoded("RECURRENCE-ID"), tz)
        excluded.setdefault(uid, []).append(original)
        if _status(event) == "CANCELLED":
            continue  # the occurrence is gone: the exclusion says it all
        date = _read(event, key=f"{uid}/{original.isoformat()}", tz=tz, single=True)
        if date and _not_over(date, today):
            dates.append(date)
    for uid, event in masters.items():
        date = _read(event, key=uid, tz=tz, extra_excluded=excluded.get(uid, ()))
        if date and _not_over(date, today):
            dates.append(date)
    if len(dates) > MAX_DATES:
        raise FeedError(
            _("Der Kalender enthält %(count)d künftige Termine, höchstens %(max)d werden gelesen.")
            % {"count": len(dates), "max": MAX_DATES}
        )
    return sorted(dates, key=lambda date: (date.start_date, date.start_time or datetime.time.min, date.key))


def _uid(event) -> str:
    uid = str(event.get("UID", "")).strip()
    if uid:
        return uid
    # Without a UID a date can only be recognised by what it says; a changed one then shows as removed and new.
    seed = f"{event.get('DTSTART').to_ical().decode()}|{event.get('SUMMARY', '')}"
    return "ohne-uid-" + hashlib.sha256(seed.encode()).hexdigest()[:16]


def _status(event) -> str:
    return str(event.get("STATUS", "")).strip().upper()


def _local(value, tz: ZoneInfo):
    """A datetime in the portal's zone (floating times are taken as local); a date stays a date."""
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=tz) if value.tzinfo is None else value.astimezone(tz)
    return value


def _local_day(value, tz: ZoneInfo) -> datetime.date:
    value = _local(value, tz)
    return value.date() if isinstance(value, datetime.datetime) else value


def _read(event, *, key: str, tz: ZoneInfo, single: bool = False, extra_excluded=()) -> FeedDate | None:
    start = _local(event.decoded("DTSTART"), tz)
    if "DTEND" in event:
        end = _local(event.decoded("DTEND"), tz)
    elif "DURATION" in event:
        end = start + event.decoded("DURATION")
    else:
        end = None
    all_day = not isinstance(start, datetime.datetime)
    if all_day:
        start_date, start_time, end_time = start, None, None
        # DTEND of an all-day event is the day after the last one (RFC 5545 3.6.1).
        last = (end if isinstance(end, datetime.date) else start) - datetime.timedelta(days=1)
        end_date = last if last > start_date else None
    else:
        start_date, start_time = start.date(), start.time().replace(tzinfo=None)
        end = end if isinstance(end, datetime.datetime) else start
        end_time = end.time().replace(tzinfo=None) if end > start else None
        end_date = end.date() if end.date() > start_date else None
        if end_date and end_time == datetime.time(0, 0):
            # Until midnight is the end of the day before, not a second day.
            end_date = end_date - datetime.timedelta(days=1) if end_date - start_date > datetime.timedelta(1) else None
            end_time = datetime.time(23, 59)
    values = {
        "key": key,
        "title": str(event.get("SUMMARY", "")).strip() or _("(ohne Titel)"),
        "start_date": start_date,
        "end_date": end_date,
        "start_time": start_time,
        "end_time": end_time,
        "location": str(event.get("LOCATION", "")).strip()[:200],
        "description": str(event.get("DESCRIPTION", "")).strip()[:2000],
        "cancelled": _status(event) == "CANCELLED",
        "sequence": _sequence(event),
        "last_modified": _local(event.decoded("LAST-MODIFIED"), tz) if "LAST-MODIFIED" in event else None,
    }
    rule = event.get("RRULE")
    if rule and not single:
        values.update(_series(event, rule, start, tz))
        values["excluded"] = tuple(sorted({*_exdates(event, tz), *extra_excluded}))
    return FeedDate(**values)


def _sequence(event) -> int:
    try:
        return int(event.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        return 0


def _series(event, rule, start, tz: ZoneInfo) -> dict:
    rule = rule[0] if isinstance(rule, list) else rule
    freq = (rule.get("FREQ") or [""])[0]
    interval = int((rule.get("INTERVAL") or [1])[0])
    text = rule.to_ical().decode()
    start_day = start.date() if isinstance(start, datetime.datetime) else start
    if freq != "WEEKLY" or interval > 2 or any(name in rule for name in ("BYMONTH", "BYSETPOS", "BYMONTHDAY")):
        return {
            "problem": _(
                "Die Wiederholung „%(rule)s“ kann das Portal nicht abbilden (nur wöchentlich oder alle zwei Wochen). "
                "Bitte tragen Sie diese Termine von Hand ein."
            )
            % {"rule": text},
        }
    days = [str(code)[-2:].upper() for code in rule.get("BYDAY") or ()]
    weekdays = tuple(sorted({WEEKDAY_CODES[code] for code in days if code in WEEKDAY_CODES})) or (start_day.weekday(),)
    until = None
    if rule.get("UNTIL"):
        until = _local_day(rule["UNTIL"][0], tz)
    elif rule.get("COUNT"):
        # The last occurrence of a counted series; dateutil needs a start of the same kind (naive) as the rule.
        naive = start.replace(tzinfo=None) if isinstance(start, datetime.datetime) else start
        if not isinstance(naive, datetime.datetime):
            naive = datetime.datetime.combine(naive, datetime.time())
        last = list(rrulestr(text, dtstart=naive))[-1]
        until = last.date()
    return {"weekdays": weekdays, "interval": interval, "until": until}


def _exdates(event, tz: ZoneInfo) -> list[datetime.date]:
    found = event.get("EXDATE")
    if found is None:
        return []
    lists = found if isinstance(found, list) else [found]
    return [_local_day(item.dt, tz) for exdate in lists for item in exdate.dts]


def _not_over(date: FeedDate, today: datetime.date) -> bool:
    if date.weekly:
        return date.until is None or date.until >= today
    return (date.end_date or date.start_date) >= today
