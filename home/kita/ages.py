"""A child's age in completed months and its Kita age group on a given day."""

from __future__ import annotations

import calendar
import datetime

from home.kita.models.pages import AgeGroup

SCHOOL_AGE_MONTHS = 72  # from six, a child goes to school, not to a Kita


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; a day the target month lacks becomes its last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def completed_months(birth: datetime.date, on: datetime.date) -> int:
    """Full months lived on `on`: a child born on 15 March is one month old on 15 April."""
    if on < birth:
        return -1
    months = (on.year - birth.year) * 12 + on.month - birth.month
    if add_months(birth, months) > on:
        months -= 1
    return months


def age_group_on(birth: datetime.date, on: datetime.date) -> AgeGroup | None:
    """U3 before the third birthday, Ü3 until school age; None before birth or from school age."""
    months = completed_months(birth, on)
    if months < 0 or months >= SCHOOL_AGE_MONTHS:
        return None
    return AgeGroup.U3 if months < 36 else AgeGroup.UE3
