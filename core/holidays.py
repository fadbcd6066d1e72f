"""Public holidays in North Rhine-Westphalia, computed (no outside calendar service): opening hours and events use them."""

from __future__ import annotations

import datetime
from functools import lru_cache


def easter_sunday(year: int) -> datetime.date:
    """Gregorian Easter (the anonymous Gregorian algorithm, valid for every year of the calendar)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741  (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return datetime.date(year, month, day)


@lru_cache(maxsize=64)
def nrw_public_holidays(year: int) -> dict[datetime.date, str]:
    """The statutory holidays of NRW (Feiertagsgesetz NW): nationwide ones plus Fronleichnam and Allerheiligen."""
    easter = easter_sunday(year)
    offset = datetime.timedelta
    return {
        datetime.date(year, 1, 1): "Neujahr",
        easter - offset(days=2): "Karfreitag",
        easter + offset(days=1): "Ostermontag",
        datetime.date(year, 5, 1): "Tag der Arbeit",
        easter + offset(days=39): "Christi Himmelfahrt",
        easter + offset(days=50): "Pfingstmontag",
        easter + offset(days=60): "Fronleichnam",
        datetime.date(year, 10, 3): "Tag der Deutschen Einheit",
        datetime.date(year, 11, 1): "Allerheiligen",
        datetime.date(year, 12, 25): "1. Weihnachtstag",
        datetime.date(year, 12, 26): "2. Weihnachtstag",
    }


def holiday_name(day: datetime.date) -> str | None:
    return nrw_public_holidays(day.year).get(day)
