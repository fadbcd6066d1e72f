"""Reads of the search app that are not searches: the weekly query report and the categories offered when a search
finds nothing."""

from __future__ import annotations

import datetime
from collections import Counter

from django.core.cache import cache
from django.db.models import QuerySet, Sum

from core.page_cache import cached_fragment
from search.analytics import PERSONAL
from search.models import SearchEntry, SearchQueryWeek


def _week_rows(week: datetime.date, language: str | None) -> QuerySet[SearchQueryWeek]:
    rows = SearchQueryWeek.objects.filter(week=week).exclude(query=PERSONAL)
    return rows.filter(language=language) if language else rows


def weekly_top(week: datetime.date, language: str | None = None, limit: int = 50) -> list[dict]:
    """The most searched queries of the week (all languages together unless one is given), with how often each found
    nothing."""
    rows = (
        _week_rows(week, language)
        .values("query")
        .annotate(total=Sum("searches"), empty=Sum("without_results"))
        .order_by("-total", "query")
    )
    return [{"query": r["query"], "searches": r["total"], "without_results": r["empty"]} for r in rows[:limit]]


def weekly_without_results(week: datetime.date, language: str | None = None, limit: int = 50) -> list[dict]:
    """The week's queries that found nothing, most frequent first: where a synonym or new content is missing."""
    rows = (
        _week_rows(week, language)
        .filter(without_results__gt=0)
        .values("query")
        .annotate(empty=Sum("without_results"))
        .order_by("-empty", "query")
    )
    return [{"query": r["query"], "without_results": r["empty"]} for r in rows[:limit]]


def weekly_totals(week: datetime.date, language: str | None = None) -> dict:
    """How many searches the week had, how many found nothing, and how many were counted without their text."""
    rows = SearchQueryWeek.objects.filter(week=week)
    if language:
        rows = rows.filter(language=language)
    totals = rows.aggregate(searches=Sum("searches"), without_results=Sum("without_results"))
    personal = rows.filter(query=PERSONAL).aggregate(searches=Sum("searches"))["searches"]
    return {
        "searches": totals["searches"] or 0,
        "without_results": totals["without_results"] or 0,
        "not_kept": personal or 0,
    }


def frequent_categories(*, language: str, audience: str = "public", limit: int = 8) -> list[str]:
    """The categories most documents in the reader's language carry: ways on when a search found nothing. Kept until
    the index changes (a count over every entry is too much for each empty search)."""
    from search.services import INDEX_VERSION_KEY

    def count() -> list[str]:
        visibilities = ["public", "members"] if audience == "members" else ["public"]
        counts: Counter[str] = Counter()
        entries = SearchEntry.objects.filter(language=language, visibility__in=visibilities)
        for categories in entries.values_list("categories", flat=True).iterator(chunk_size=2000):
            counts.update(category for category in categories or () if category)
        return [category for category, _n in counts.most_common(limit)]

    return cached_fragment(
        "search-frequent-categories", count, parts=(cache.get(INDEX_VERSION_KEY), language, audience, limit)
    )
