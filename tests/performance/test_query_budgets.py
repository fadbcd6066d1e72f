"""Query budgets (issue 20): every anonymous page type and JSON API, rendered warm but not from the guests' page
cache, makes at most 12 SQL queries, however long its list and however much content the city has; from the page
cache it makes none. Query counts are deterministic, so they are held here; speed is measured in bench/."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.security.test_headers import PAGE_TYPES, pages  # noqa: F401 (the module's pages fixture)

pytestmark = pytest.mark.django_db
BUDGET = 12
LANGUAGES = ["de", "ar"]
APIS = [
    "/api/v1/offers",
    "/api/v1/offers.csv",
    "/api/v1/offers.hsds.json",
    "/api/v1/kitas",
    "/api/v1/childminders",
    "/api/v1/search?q=Schwimmen",
    "/api/v1/search/suggest?q=Schw",
]


def warm_queries(client, url: str, *, page_cache: bool = False) -> tuple[int, list[str]]:
    """The queries of the second anonymous request (the first fills the caches a running site has warm); without
    `page_cache` the second is rendered anew, as after any change of content."""
    first = client.get(url)
    assert first.status_code == 200, (url, first.status_code)
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=60 if page_cache else 0):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries), [query["sql"] for query in context.captured_queries]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_stays_within_the_budget(client, pages, page_type, language):  # noqa: F811
    count, queries = warm_queries(client, f"/{language}/{pages[page_type]}")
    assert count <= BUDGET, f"{page_type} ({language}): {count} queries\n" + "\n".join(queries)


@pytest.mark.parametrize("url", APIS)
def test_every_api_stays_within_the_budget(client, pages, url):  # noqa: F811
    count, queries = warm_queries(client, url)
    assert count <= BUDGET, f"{url}: {count} queries\n" + "\n".join(queries)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_comes_from_the_cache_without_a_query(client, pages, page_type, language):  # noqa: F811
    count, queries = warm_queries(client, f"/{language}/{pages[page_type]}", page_cache=True)
    assert count == 0, f"{page_type} ({language}): {count} queries\n" + "\n".join(queries)


@pytest.mark.parametrize("url", APIS)
def test_every_api_comes_from_the_cache_without_a_query(client, pages, url):  # noqa: F811
    count, queries = warm_queries(client, url, page_cache=True)
    assert count == 0, f"{url}: {count} queries\n" + "\n".join(queries)
