"""Opening hours: weekly periods, NRW holidays, periods past midnight, round the clock, dated exceptions."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from core.holidays import easter_sunday, holiday_name, nrw_public_holidays
from core.opening_hours import DayException, WeeklyPeriod, opening_status

BERLIN = ZoneInfo("Europe/Berlin")
T = datetime.time


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


OFFICE = [WeeklyPeriod(day, T(9), T(16)) for day in range(5)]


@pytest.mark.parametrize(
    "year, expected",
    [
        (2024, datetime.date(2024, 3, 31)),
        (2026, datetime.date(2026, 4, 5)),
        (2027, datetime.date(2027, 3, 28)),
        (2038, datetime.date(2038, 4, 25)),
    ],
)
def test_easter(year, expected):
    assert easter_sunday(year) == expected


def test_nrw_holidays_2026():
    holidays = nrw_public_holidays(2026)
    assert len(holidays) == 11
    assert holidays[datetime.date(2026, 4, 3)] == "Karfreitag"
    assert holidays[datetime.date(2026, 5, 14)] == "Christi Himmelfahrt"
    assert holidays[datetime.date(2026, 6, 4)] == "Fronleichnam"  # NRW, not nationwide
    assert holidays[datetime.date(2026, 11, 1)] == "Allerheiligen"
    assert holiday_name(datetime.date(2026, 10, 31)) is None  # Reformationstag is not a holiday in NRW


def test_open_during_hours_and_closing_time():
    status = opening_status(OFFICE, at=at(2026, 11, 25, 10, 0))  # Wednesday
    assert status.is_open and status.closes_at == at(2026, 11, 25, 16, 0)


def test_closed_after_hours_knows_next_opening_over_the_weekend():
    status = opening_status(OFFICE, at=at(2026, 11, 27, 17, 0))  # Friday evening
    assert not status.is_open
    assert status.next_opening == at(2026, 11, 30, 9, 0)


def test_closing_minute_is_closed():
    assert not opening_status(OFFICE, at=at(2026, 11, 25, 16, 0)).is_open


def test_public_holiday_closes_and_names_the_reason():
    status = opening_status(OFFICE, at=at(2026, 6, 4, 10, 0))  # Fronleichnam, a Thursday
    assert not status.is_open
    assert status.closed_reason == "Fronleichnam"
    assert status.next_opening == at(2026, 6, 5, 9, 0)


def test_open_on_holidays_ignores_the_holiday():
    assert opening_status(OFFICE, at=at(2026, 6, 4, 10, 0), open_on_holidays=True).is_open


def test_period_past_midnight_counts_for_the_next_morning():
    late = [WeeklyPeriod(4, T(20), T(2))]  # Friday 20:00 to Saturday 02:00
    saturday_night = opening_status(late, at=at(2026, 11, 28, 1, 30))
    assert saturday_night.is_open and saturday_night.closes_at == at(2026, 11, 28, 2, 0)
    assert not opening_status(late, at=at(2026, 11, 28, 2, 0)).is_open
    assert not opening_status(late, at=at(2026, 11, 27, 19, 59)).is_open


def test_round_the_clock_and_back_to_back_periods_merge():
    always = [WeeklyPeriod(day, T(0), T(0)) for day in range(7)]
    status = opening_status(always, at=at(2026, 11, 25, 3, 0))
    assert status.is_open and status.closes_at > at(2026, 12, 1, 0, 0)


def test_two_periods_a_day_with_lunch_break():
    practice = [WeeklyPeriod(0, T(8), T(12)), WeeklyPeriod(0, T(14), T(18))]
    lunch = opening_status(practice, at=at(2026, 11, 30, 12, 30))
    assert not lunch.is_open and lunch.next_opening == at(2026, 11, 30, 14, 0)


def test_exception_closes_a_regular_day():
    status = opening_status(
        OFFICE, [DayException(datetime.date(2026, 11, 25), note="Betriebsausflug")], at=at(2026, 11, 25, 10)
    )
    assert not status.is_open and status.closed_reason == "Betriebsausflug"


def test_exception_with_own_hours_opens_even_on_a_holiday_or_sunday():
    special = [DayException(datetime.date(2026, 11, 29), closed=False, opens=T(11), closes=T(15), note="Adventsmarkt")]
    assert opening_status(OFFICE, special, at=at(2026, 11, 29, 12)).is_open  # a Sunday
    holiday = [DayException(datetime.date(2026, 12, 25), closed=False, opens=T(10), closes=T(12))]
    assert opening_status(OFFICE, holiday, at=at(2026, 12, 25, 11)).is_open


def test_no_hours_means_unknown_not_closed():
    assert opening_status([], at=at(2026, 11, 25, 10)).known is False


def test_daylight_saving_day_uses_wall_clock_time():
    # 29 March 2026: clocks go forward at 02:00; a place open 01:00–05:00 is open at 03:30 local time.
    night = [WeeklyPeriod(6, T(1), T(5))]
    assert opening_status(night, at=at(2026, 3, 29, 3, 30)).is_open


@pytest.mark.django_db
def test_page_status_reads_its_inline_rows(home_page):
    from home.changing_places.models import ChangingPlaceClosure
    from tests.factories import changing_place_index, district, make_changing_place

    index = changing_place_index(home_page)
    place = make_changing_place(
        index, title="Drogerie", district=district("styrum"), hours=((range(6), "09:00", "20:00"),)
    )
    assert place.opening_at(at(2026, 11, 25, 19, 0)).is_open
    assert not place.opening_at(at(2026, 12, 25, 10, 0)).is_open  # 1. Weihnachtstag
    ChangingPlaceClosure.objects.create(page=place, date=datetime.date(2026, 11, 25), closed=True, note="Inventur")
    place = type(place).objects.get(pk=place.pk)
    status = place.opening_at(at(2026, 11, 25, 19, 0))
    assert not status.is_open and status.closed_reason == "Inventur"
