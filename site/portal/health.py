"""`/health/`: is every service the portal needs reachable? JSON for load balancers and monitoring.

It answers within a second whatever is down: the checks run at the same time, each with its own short timeout, under
one overall deadline, and a check that has not answered by then counts as failed. The public learns only "ok" or
"error" (HTTP 200/503); which check failed, how long each took and why is for staff and for a monitor that sends the
configured token (PORTAL_HEALTH_TOKEN), because error texts name hosts and ports.
"""

from __future__ import annotations

import hmac
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

# Each check's own limit for talking to its service, and the limit for the whole answer (below one second, with
# room for the request itself).
CHECK_TIMEOUT = 0.5
DEADLINE = 0.8


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def _cache() -> str:
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    if hasattr(cache, "ping"):  # the fail-safe Redis cache hides outages from callers; ask Redis itself
        cache.ping()
        return backend
    key, value = f"health:{uuid.uuid4().hex}", "ok"
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise RuntimeError("value written was not read back")
    cache.delete(key)
    return backend


def _broker() -> str:
    from portal.celery_app import app

    timeouts = {"socket_connect_timeout": CHECK_TIMEOUT, "socket_timeout": CHECK_TIMEOUT}
    with app.connection_for_write(connect_timeout=CHECK_TIMEOUT, transport_options=timeouts) as conn:
        # One attempt, no pause: the deadline below is shorter than kombu's default retry interval.
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=CHECK_TIMEOUT)
        return conn.transport_cls if isinstance(conn.transport_cls, str) else "broker"


def _search() -> str:
    from wagtail.search.backends import get_search_backend

    from search.models import SearchEntry, SearchTombstone

    backend = get_search_backend()
    client = getattr(backend, "es", None) or getattr(backend, "client", None)
    if client is None:
        return type(backend).__name__  # the database backend: the database check covers it
    # opensearch-py and elasticsearch 7 take a per-request timeout; elasticsearch 8 has options().
    pinger = client.options(request_timeout=CHECK_TIMEOUT) if hasattr(client, "options") else client
    answered = pinger.ping() if hasattr(client, "options") else pinger.ping(request_timeout=CHECK_TIMEOUT)
    if not answered:
        raise RuntimeError("the search engine does not answer")
    waiting = SearchEntry.objects.filter(engine_pending=True).count() + SearchTombstone.objects.count()
    return f"{type(backend).__name__}; {waiting} portal search updates waiting"


def _outbox() -> str:
    from core.background import outbox_waiting

    return f"{outbox_waiting()} waiting"


@dataclass(frozen=True)
class Check:
    name: str
    required: bool
    run: Callable[[], str]


def _checks() -> list[Check]:
    # The broker is required only when one is configured (else tasks run in-process).
    broker = _broker if settings.CELERY_BROKER_URL else (lambda: "in-process (no broker configured)")
    return [
        Check("database", True, _database),
        # Required: the pages still render without it (core/cache.py), but slower, and an operator must hear of it.
        Check("cache", True, _cache),
        Check("broker", bool(settings.CELERY_BROKER_URL), broker),
        # Not required: the portal search falls back to the database; a load balancer must not drop the site.
        Check("search", False, _search),
        Check("outbox", False, _outbox),
    ]


# One thread per check at most: a check still hanging from an earlier request (a host that swallows packets) is not
# started again but reported as failed, so /health/ polled every few seconds cannot pile up threads.
_executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="health")
_running: set[str] = set()
_running_lock = threading.Lock()


def _run_in_thread(check: Check) -> tuple[bool, str, float]:
    started = time.monotonic()
    try:
        ok, detail = True, check.run()
    except Exception as error:  # any failure is a finding, never a 500
        ok, detail = False, f"{type(error).__name__}: {error}"[:300]
    finally:
        connections.close_all()  # this thread's own database connections
        with _running_lock:
            _running.discard(check.name)
    return ok, detail, round((time.monotonic() - started) * 1000, 1)


def _results(only: set[str] | None = None) -> tuple[bool, dict]:
    started = time.monotonic()
    checks = [check for check in _checks() if only is None or check.name in only]
    futures, results = {}, {}
    for check in checks:
        with _running_lock:
            busy = check.name in _running
            _running.add(check.name)
        if busy:
            results[check.name] = (False, "the check from an earlier request has not answered yet", 0.0)
        else:
            futures[check.name] = _executor.submit(_run_in_thread, check)
    wait(futures.values(), timeout=max(0.0, DEADLINE - (time.monotonic() - started)))
    for name, future in futures.items():
        if future.done():
            results[name] = future.result()
        else:
            results[name] = (False, f"no answer within {int(DEADLINE * 1000)} ms", round(DEADLINE * 1000, 1))
    healthy, details = True, {}
    for check in checks:
        ok, detail, ms = results[check.name]
        details[check.name] = {"ok": ok, "required": check.required, "detail": detail, "ms": ms}
        healthy = healthy and (ok or not check.required)
    return healthy, details


def _may_see_details(request) -> bool:
    token = settings.PORTAL_HEALTH_TOKEN
    scheme, _space, given = request.headers.get("Authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
        return True
    try:
        user = request.user  # a logged-in visitor's session is read from the database, which may be the one down
        return user.is_authenticated and user.is_active and (user.is_staff or user.is_superuser)
    except Exception:
        return False


def _only(request) -> set[str] | None:
    """`?only=database` (names separated by commas): the checks a load balancer asks for. Every node shares one
    Redis, so a check on the cache or broker would take all nodes out of service at once although the pages still
    answer; the load balancer asks for the database, the monitor for everything."""
    given = request.GET.get("only")
    if given is None:
        return None
    return {name.strip() for name in given.split(",") if name.strip()}


@never_cache
def health(request):
    only = _only(request)
    known = {check.name for check in _checks()}
    if only is not None and (not only or not only <= known):
        return JsonResponse(
            {"status": "error", "error": f"Unbekannte Prüfung. Möglich sind: {', '.join(sorted(known))}."},
            status=400,
        )
    healthy, details = _results(only)
    body = {"status": "ok" if healthy else "error"}
    if _may_see_details(request):
        body["checks"] = details
    return JsonResponse(body, status=200 if healthy else 503)
