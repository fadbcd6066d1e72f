import datetime

import pytest

from home.kita.ages import add_months, age_group_on, completed_months

D = datetime.date


@pytest.mark.parametrize(
    ("birth", "on", "months"),
    [
        (D(2024, 3, 15), D(2024, 4, 14), 0),  # the day before the monthly birthday
        (D(2024, 3, 15), D(2024, 4, 15), 1),  # on it
        (D(2024, 1, 31), D(2024, 2, 28), 0),  # leap year: February has a 29th
        (D(2024, 1, 31), D(2024, 2, 29), 1),  # month end stands in for the missing 31st
        (D(2023, 1, 31), D(2023, 2, 28), 1),  # common year: the 28th is the month end
        (D(2024, 2, 29), D(2025, 2, 28), 12),  # a leap-day child is one year old on 28 February
        (D(2024, 8, 31), D(2024, 9, 30), 1),
        (D(2024, 8, 31), D(2024, 9, 29), 0),
        (D(2024, 5, 10), D(2024, 5, 10), 0),
        (D(2024, 5, 10), D(2024, 5, 9), -1),  # not born yet
    ],
)
def test_completed_months(birth, on, months):
    assert completed_months(birth, on) == months


def test_add_months_clamps_to_the_month_end():
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2025, 12, 15), 2) == D(2026, 2, 15)


@pytest.mark.parametrize(
    ("birth", "start", "group"),
    [
        (D(2023, 8, 1), D(2026, 7, 31), "u3"),  # the day before the third birthday
        (D(2023, 8, 1), D(2026, 8, 1), "ue3"),  # on it
        (D(2023, 8, 31), D(2026, 8, 30), "u3"),
        (D(2025, 6, 10), D(2026, 8, 1), "u3"),
        (D(2020, 8, 1), D(2026, 8, 1), None),  # six: school, not Kita
        (D(2020, 8, 2), D(2026, 8, 1), "ue3"),  # one day short of six
        (D(2026, 9, 1), D(2026, 8, 1), None),  # start before birth
    ],
)
def test_age_group_on_the_start_date(birth, start, group):
    assert age_group_on(birth, start) == group
