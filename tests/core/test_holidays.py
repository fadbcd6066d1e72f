"""NRW public holidays: known dates and names, and agreement with the portal's former own computation."""

import datetime

import pytest

from core.holidays import easter_sunday, holiday_name, nrw_public_holidays

D = datetime.date


def _nrw(year, karfreitag, ostermontag, himmelfahrt, pfingstmontag, fronleichnam):
    """One year's eleven NRW holidays, the Easter-dependent ones given by hand (from published calendars)."""
    return {
        D(year, 1, 1): "Neujahr",
        karfreitag: "Karfreitag",
        ostermontag: "Ostermontag",
        D(year, 5, 1): "Tag der Arbeit",
        himmelfahrt: "Christi Himmelfahrt",
        pfingstmontag: "Pfingstmontag",
        fronleichnam: "Fronleichnam",
        D(year, 10, 3): "Tag der Deutschen Einheit",
        D(year, 11, 1): "Allerheiligen",
        D(year, 12, 25): "1. Weihnachtstag",
        D(year, 12, 26): "2. Weihnachtstag",
    }


KNOWN = {
    2025: _nrw(2025, D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 29), D(2025, 6, 9), D(2025, 6, 19)),
    2026: _nrw(2026, D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 14), D(2026, 5, 25), D(2026, 6, 4)),
    2027: _nrw(2027, D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 6), D(2027, 5, 17), D(2027, 5, 27)),
}


@pytest.mark.parametrize("year", sorted(KNOWN))
def test_known_nrw_holidays_with_their_german_names(year):
    assert nrw_public_holidays(year) == KNOWN[year]


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 10, 31),  # Reformationstag: a holiday in other states, not in NRW
        D(2026, 11, 18),  # Buß- und Bettag: only in Saxony since 1995
        D(2026, 1, 6),  # Heilige Drei Könige: Bavaria, Baden-Württemberg, Saxony-Anhalt
        D(2026, 8, 15),  # Mariä Himmelfahrt: Saarland, parts of Bavaria
        D(2026, 12, 24),
        D(2026, 12, 31),  # Heiligabend and Silvester are no statutory holidays
        D(2026, 4, 5),
        D(2026, 5, 24),  # Easter and Whit Sunday are Sundays anyway, not listed
    ],
)
def test_days_that_are_no_nrw_holiday(day):
    assert holiday_name(day) is None


def test_reformationstag_2017_was_a_one_off_holiday_in_nrw_too():
    # 500 years of the Reformation: a nationwide holiday in 2017 only.
    assert holiday_name(D(2017, 10, 31)) == "Reformationstag"
    assert holiday_name(D(2018, 10, 31)) is None


def test_holiday_name_agrees_with_the_year_table():
    for day, name in KNOWN[2026].items():
        assert holiday_name(day) == name
    assert holiday_name(D(2026, 6, 5)) is None


def _former_nrw_holidays(year):
    """The portal's own computation before it used the `holidays` package, kept as an oracle."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    easter = D(year, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1)
    offset = datetime.timedelta
    return easter, {
        D(year, 1, 1): "Neujahr",
        easter - offset(days=2): "Karfreitag",
        easter + offset(days=1): "Ostermontag",
        D(year, 5, 1): "Tag der Arbeit",
        easter + offset(days=39): "Christi Himmelfahrt",
        easter + offset(days=50): "Pfingstmontag",
        easter + offset(days=60): "Fronleichnam",
        D(year, 10, 3): "Tag der Deutschen Einheit",
        D(year, 11, 1): "Allerheiligen",
        D(year, 12, 25): "1. Weihnachtstag",
        D(year, 12, 26): "2. Weihnachtstag",
    }


@pytest.mark.parametrize("year", range(2018, 2041))
def test_same_holidays_and_easter_as_the_former_computation(year):
    # 2008 (Himmelfahrt on 1 May) and 2017 (Reformationstag) are where the two differ, both in the past.
    easter, former = _former_nrw_holidays(year)
    assert easter_sunday(year) == easter
    assert nrw_public_holidays(year) == former
