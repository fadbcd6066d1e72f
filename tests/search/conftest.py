import os
import uuid
from contextlib import contextmanager

import pytest
from django.test import override_settings

from tests.conftest import require_service


def search_json(client, q, **params):
    response = client.get("/api/v1/search", {"q": q, **params})
    assert response.status_code == 200, response.content
    return response.json()


def titles(client, q, **params) -> list[str]:
    return [hit["title"] for hit in search_json(client, q, **params)["results"]]


@pytest.fixture
def indexing(django_capture_on_commit_callbacks):
    """Changes inside `with indexing():` reach the index the way they do in production: after the commit,
    through the outbox, run in-process (no broker in tests)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def cluster_url() -> str:
    url = os.environ.get("PORTAL_TEST_SEARCH_URL", "")
    if not url:
        require_service("PORTAL_TEST_SEARCH_URL is not set (start one with site/bin/opensearch --daemon)")
    return url


@pytest.fixture
def cluster(settings):
    """The real search engine named by PORTAL_TEST_SEARCH_URL, with an index prefix of this test's own."""
    from search.services import cluster_engine, engine_resume

    settings.SEARCH_URL = cluster_url()
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:10]}"
    # With parallel test workers on a 2-core machine a request may take longer than production's 3 s; a slow
    # answer must not count as the engine being down (outage tests use an address where nothing listens).
    settings.SEARCH_TIMEOUT = 30
    engine_resume()
    engine = cluster_engine()
    try:
        engine.ping() or require_service(f"no search engine answers at {settings.SEARCH_URL}")
    except Exception as error:
        require_service(f"no search engine answers at {settings.SEARCH_URL}: {error}")
    yield engine
    engine_resume()
    engine.client.indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}-portal-*")


@contextmanager
def index_on_cluster(django_db_blocker, name: str, **settings):
    """The database index's entries on the real search engine, under an index prefix of their own (for a module's
    seeded city); the prefix's indices are deleted afterwards."""
    from search.models import SearchEntry
    from search.services import cluster_engine, engine_resume

    prefix = f"{name}-{uuid.uuid4().hex[:8]}"
    with override_settings(SEARCH_URL=cluster_url(), SEARCH_INDEX_PREFIX=prefix, **settings):
        engine_resume()
        engine = cluster_engine()
        with django_db_blocker.unblock():
            engine.rebuild(SearchEntry.objects.order_by("pk").iterator())
        yield engine
        engine.client.indices.delete(index=f"{prefix}-portal-*")
