"""Public holidays in North Rhine-Westphalia (no outside calendar service): opening hours and events use them."""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays
from dateutil.easter import easter

# The `holidays` package is used because it is kept up to date per state, one-off holidays included
# (Reformationstag 2017), which the portal's own Easter formula was not. It starts in 1991.
# It has every one-off NRW holiday so far; one it lacked would go in a small dated table here.

# The library's German names where the portal has always shown its own (opening hours name the holiday).
_PORTAL_NAMES = {
    "Erster Mai": "Tag der Arbeit",
    "Erster Weihnachtstag": "1. Weihnachtstag",
    "Zweiter Weihnachtstag": "2. Weihnachtstag",
}


def easter_sunday(year: int) -> datetime.date:
    """Gregorian (Western) Easter Sunday."""
    return easter(year)


@lru_cache(maxsize=64)
def nrw_public_holidays(year: int) -> dict[datetime.date, str]:
    """The statutory holidays of NRW (Feiertagsgesetz NW): nationwide ones plus Fronleichnam and Allerheiligen."""
    calendar = holidays.country_holidays("DE", subdiv="NW", language="de", years=year)
    # Two holidays on one day (Himmelfahrt on 1 May 2008) come as one name joined by "; ".
    return {
        day: "; ".join(_PORTAL_NAMES.get(name, name) for name in calendar.get_list(day)) for day in sorted(calendar)
    }


def holiday_name(day: datetime.date) -> str | None:
    return nrw_public_holidays(day.year).get(day)
