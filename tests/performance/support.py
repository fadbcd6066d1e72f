"""What the performance tests share: the JSON APIs, the languages, and a warm request's queries."""

from __future__ import annotations

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

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
    """The queries of an anonymous request once the caches a running site has are warm; without `page_cache` it
    is rendered anew, as after any change of content. (Two requests warm up: the module's content is committed but
    each test's writes are rolled back, so the first request of a test creates the site settings row again.)"""
    for _ in range(2):
        first = client.get(url)
        assert first.status_code == 200, (url, first.status_code)
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=60 if page_cache else 0):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries), [query["sql"] for query in context.captured_queries]
