"""The parser against feeds as Google, Outlook/Exchange, Apple, Thunderbird and Nextcloud write them."""

import datetime
from pathlib import Path

import pytest

from home.calendar_feeds.parser import FeedError, parse_feed

FEEDS = Path(__file__).parent / "feeds"
TODAY = datetime.date(2030, 6, 1)
D, T = datetime.date.fromisoformat, datetime.time.fromisoformat


def dates(name: str, today=TODAY) -> dict:
    return {date.title: date for date in parse_feed((FEEDS / name).read_bytes(), today=today)}


def test_google_weekly_series_with_exdate_and_moved_occurrence():
    found = dates("google.ics")
    series = found["Babytreff"]
    assert (series.start_date, series.start_time, series.end_time) == (D("2030-06-04"), T("09:30"), T("11:30"))
    assert series.weekdays == (1,) and series.interval == 1
    assert series.until == D("2030-07-23")  # UNTIL 21:59:59Z is the evening of the 23rd in Berlin
    # The EXDATE and the moved occurrence (RECURRENCE-ID) are both left out of the series …
    assert series.excluded == (D("2030-06-18"), D("2030-06-25"))
    # … and the moved occurrence is a date of its own, keyed by UID and original day.
    moved = found["Babytreff (später)"]
    assert moved.key == "3k9v1q2m7n4s8d0fbabytreff@google.com/2030-06-25"
    assert (moved.start_time, moved.end_time, moved.weekdays) == (T("10:00"), T("12:00"), ())
    assert "Heißener Str. 16, 45468 Mülheim an der Ruhr" in series.location  # folded line, escaped commas


def test_google_utc_time_is_shown_in_berlin_time_and_past_events_are_left_out():
    found = dates("google.ics")
    assert (found["Infoabend Kita-Start"].start_time, found["Infoabend Kita-Start"].end_time) == (
        T("18:00"),
        T("19:30"),
    )
    sommerfest = found["Sommerfest"]
    assert sommerfest.all_day and sommerfest.end_date is None  # DTEND is the next day: one day
    assert "Längst vorbei" not in found


def test_outlook_windows_time_zone_exdates_cancelled_and_all_day_range():
    found = dates("outlook.ics")
    turnen = found["Eltern-Kind-Turnen"]
    assert (turnen.start_time, turnen.end_time, turnen.weekdays) == (T("16:00"), T("17:00"), (1,))
    assert turnen.until == D("2030-12-17") and turnen.sequence == 2
    assert turnen.excluded == (D("2030-10-22"), D("2030-10-29"))
    assert turnen.key.startswith("040000008200E00074C5B7101A82E008") and " " not in turnen.key
    assert found["Abgesagt: Elternabend"].cancelled
    holidays = found["Herbstferien-Programm"]
    assert (holidays.start_date, holidays.end_date, holidays.all_day) == (D("2030-10-14"), D("2030-10-18"), True)


def test_apple_counted_series_and_multi_day_all_day_event():
    found = dates("apple.ics", today=datetime.date(2030, 5, 1))
    series = found["Krabbelgruppe"]
    assert series.until == D("2030-06-10")  # COUNT=6 weekly from 6 May
    assert series.location.startswith("Familienpunkt Styrum\nMoritzstraße 12, 45476")
    camp = found["Ferienfreizeit"]
    assert (camp.start_date, camp.end_date) == (D("2030-07-15"), D("2030-07-17"))
    # After the counted series' last date it is over and no longer read.
    assert "Krabbelgruppe" not in dates("apple.ics", today=datetime.date(2030, 6, 11))


def test_thunderbird_every_other_week_with_utc_exdate():
    series = dates("thunderbird.ics")["Stillcafé"]
    assert (series.weekdays, series.interval, series.until) == ((3,), 2, D("2030-12-31"))
    assert series.excluded == (D("2030-10-03"),)
    assert series.last_modified == datetime.datetime(2030, 3, 2, 11, 0, tzinfo=series.last_modified.tzinfo)


def test_nextcloud_floating_time_and_monthly_rule_kept_with_a_german_hint():
    found = dates("nextcloud.ics")
    assert (found["Vorlesestunde"].start_time, found["Vorlesestunde"].sequence) == (T("15:00"), 2)
    monthly = found["Elterncafé am ersten Montag"]
    assert not monthly.weekly
    assert "FREQ=MONTHLY" in monthly.problem and "von Hand" in monthly.problem


def test_changed_sequence_gives_new_values_under_the_same_uid():
    before, after = dates("google.ics"), dates("google_changed.ics")
    old, new = before["Infoabend Kita-Start"], after["Infoabend Kita-Start (neuer Raum)"]
    assert old.key == new.key and (old.sequence, new.sequence) == (0, 1)
    assert new.start_time == T("18:30") and old.as_json() != new.as_json()
    assert after["Sommerfest"].cancelled


@pytest.mark.parametrize(
    "body",
    [b"<html><body>Nicht gefunden</body></html>", b"", b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:kaputt\n"],
)
def test_a_broken_feed_is_a_german_error(body):
    with pytest.raises(FeedError) as error:
        parse_feed(body, today=TODAY)
    assert "Kalender" in str(error.value)
