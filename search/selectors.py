from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10


def page_search(*, query: str, page_number: int | str | None = 1) -> PaginatorPage | None:
    """Published pages of the reader's language matching `query`, best first; None for an empty query."""
    query = query.strip()
    if not query:
        return None
    pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
    results = pages.search(query, operator="and")
    return Paginator(results, RESULTS_PER_PAGE).get_page(page_number)
