"""`/health/`: is every service the portal needs reachable? JSON for load balancers and monitoring."""

from __future__ import annotations

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def _cache() -> str:
    key, value = f"health:{uuid.uuid4().hex}", "ok"
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("value written was not read back")
    cache.delete(key)
    return settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]


def _broker() -> str:
    from portal.celery_app import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return conn.transport_cls if isinstance(conn.transport_cls, str) else "broker"


def _search() -> str:
    from wagtail.search.backends import get_search_backend

    from search.models import SearchEntry, SearchTombstone

    backend = get_search_backend()
    client = getattr(backend, "es", None) or getattr(backend, "client", None)
    if client is None:
        return type(backend).__name__  # the database backend: the database check covers it
    if not client.ping():
        raise RuntimeError("the search engine does not answer")
    waiting = SearchEntry.objects.filter(engine_pending=True).count() + SearchTombstone.objects.count()
    return f"{type(backend).__name__}; {waiting} portal search updates waiting"


def _outbox() -> str:
    from core.background import outbox_waiting

    return f"{outbox_waiting()} waiting"


def _checks() -> list[tuple[str, bool, callable]]:
    # (name, required, check): the broker is required only when one is configured (else tasks run in-process).
    return [
        ("database", True, _database),
        ("cache", True, _cache),
        (
            "broker",
            bool(settings.CELERY_BROKER_URL),
            _broker if settings.CELERY_BROKER_URL else lambda: "in-process (no broker configured)",
        ),
        # Not required: the portal search falls back to the database; a load balancer must not drop the site.
        ("search", False, _search),
        ("outbox", False, _outbox),
    ]


@never_cache
def health(request):
    results, healthy = {}, True
    for name, required, check in _checks():
        started = time.monotonic()
        try:
            detail, ok = check(), True
        except Exception as error:  # any failure is a finding, never a 500
            detail, ok = f"{type(error).__name__}: {error}"[:300], False
        results[name] = {
            "ok": ok,
            "required": required,
            "detail": detail,
            "ms": round((time.monotonic() - started) * 1000, 1),
        }
        healthy = healthy and (ok or not required)
    return JsonResponse({"status": "ok" if healthy else "error", "checks": results}, status=200 if healthy else 503)
