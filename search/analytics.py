"""What people search for, counted per week without anything that points to a person (issue 21).

Each search adds one to its query's row of the week (`SearchQueryWeek`): no account, address, session or time of day
is kept, and a query that looks like personal data (an e-mail address, a phone number, a web address) is counted only
under the empty query, never with its text. The Redaktion reads the rows in the admin report "Suchanfragen"."""

from __future__ import annotations

import datetime
import logging
import re

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from search.models import SearchQueryWeek

logger = logging.getLogger(__name__)

QUERY_LENGTH = SearchQueryWeek._meta.get_field("query").max_length
LANGUAGE_LENGTH = SearchQueryWeek._meta.get_field("language").max_length
KEEP_WEEKS = 52
PERSONAL = ""  # the row that counts the searches whose text was not kept

EMAIL = re.compile(r"\S@\S")
WEB_ADDRESS = re.compile(r"(?:https?:|www\.)|\b[\w-]+\.(?:de|com|org|net|info|eu|io)\b", re.IGNORECASE)
# Digits with the separators people write phone numbers with: "0208 455-0", "+49 (208) 4550".
NUMBER = re.compile(r"\+?\d[\d\s/().-]*\d")
MAX_DIGITS = 4  # a year or a house number; five or more may be a phone, postcode-and-street or account number


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of `day`'s week: rows are kept per week, never per day."""
    return day - datetime.timedelta(days=day.weekday())


def normalize(query_text: str) -> str:
    """The query as it is counted: lowercase, spaces collapsed, at most the column's length."""
    return " ".join(query_text.lower().split())[:QUERY_LENGTH].strip()


def looks_personal(query_text: str) -> bool:
    """Whether a query may name or reach a person (e-mail, phone or long number, web address): its text is not kept."""
    if EMAIL.search(query_text) or WEB_ADDRESS.search(query_text):
        return True
    return any(sum(c.isdigit() for c in match.group(0)) > MAX_DIGITS for match in NUMBER.finditer(query_text))


def _upsert(*, week: datetime.date, language: str, query: str, without_results: int) -> None:
    # One statement that adds to the row or creates it: race-free between web processes on SQLite and PostgreSQL alike
    # (Django's update_or_create and bulk_create(update_conflicts=True) cannot add to a counter).
    table = connection.ops.quote_name(SearchQueryWeek._meta.db_table)
    sql = (
        f"INSERT INTO {table} (week, language, query, searches, without_results) VALUES (%s, %s, %s, 1, %s) "
        f"ON CONFLICT (week, language, query) DO UPDATE SET searches = {table}.searches + 1, "
        f"without_results = {table}.without_results + excluded.without_results"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [week, language, query, without_results])


def record(query_text: str, language: str, total: int) -> None:
    """Count one search of `query_text` in `language` that found `total` results. Never fails a search: a database
    error is logged and the search is simply not counted."""
    query = normalize(query_text)
    if not query:
        return
    if looks_personal(query_text):
        query = PERSONAL
    values = {
        "week": week_of(timezone.localdate()),
        "language": language[:LANGUAGE_LENGTH],
        "query": query,
        "without_results": 0 if total else 1,
    }
    try:
        if connection.in_atomic_block:
            with transaction.atomic():  # a savepoint, so a failure here leaves the request's transaction usable
                _upsert(**values)
        else:
            _upsert(**values)
    except DatabaseError:
        logger.exception("Search not counted")


def weeks_expire(*, today: datetime.date | None = None) -> int:
    """Delete the weeks older than KEEP_WEEKS; returns how many rows went."""
    today = today or timezone.localdate()
    oldest = week_of(today) - datetime.timedelta(weeks=KEEP_WEEKS)
    deleted, _by_model = SearchQueryWeek.objects.filter(week__lt=oldest).delete()
    return deleted
