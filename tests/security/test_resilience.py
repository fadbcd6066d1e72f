"""Nothing shared takes the site down: a dead cache, a dead broker or a dead search engine, one row each.

Every public page type still answers 200 (slower, without the cache; with the database search instead of the
engine), a page that sends mail through the outbox answers at once, and /health/ answers within a second: the public
sees only {"status": "ok"|"error"}, staff and a monitor with the token see which check failed. The outages are real:
the services are pointed at ports where nothing listens (the live Redis on 127.0.0.1:6379 shows the cache working).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager

import pytest
from django.conf import settings as django_settings

from core.models import OutboxMessage
from tests.conftest import require_service
from tests.factories import ParentFactory, UserFactory, establish, make_forum, make_topic, reply_url
from tests.portal.celery_support import DEAD_BROKER, broker
from tests.security.test_headers import PAGE_TYPES, pages  # noqa: F401 (the module's pages fixture)

pytestmark = pytest.mark.django_db

DEAD_CACHE = "redis://127.0.0.1:6390/0"  # nothing listens there
DEAD_SEARCH = "opensearch://127.0.0.1:9209"
TOKEN = "monitor-token-for-the-test-0123456789"
# Generous for a shared two-core test machine; without the fail-safe cache a page does not answer at all.
PAGE_SECONDS = 5.0


@contextmanager
def dead_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "core.cache.FailSafeRedisCache", "LOCATION": DEAD_CACHE},
    }
    yield


@contextmanager
def dead_broker(settings):
    settings.CELERY_BROKER_URL = DEAD_BROKER
    with broker(DEAD_BROKER):
        yield


@contextmanager
def dead_search_engine(settings):
    from search import services

    settings.SEARCH_URL = DEAD_SEARCH
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": ["http://127.0.0.1:9209"],
            "INDEX": "resilience-test",
            "TIMEOUT": 1,
            "AUTO_UPDATE": False,
        }
    }
    services.engine_resume()  # a pause left by an earlier test would hide the attempt
    try:
        yield
    finally:
        services.engine_resume()


# outage → (context, the /health/ check that fails, public HTTP status of /health/)
OUTAGES = {
    "dead cache": (dead_cache, "cache", 503),
    "dead broker": (dead_broker, "broker", 503),
    # The search engine is not required: the portal search falls back to the database, the site stays in service.
    "dead search engine": (dead_search_engine, "search", 200),
}


@pytest.fixture
def outage(request, settings):
    context, check, status = OUTAGES[request.param]
    with ExitStack() as stack:
        stack.enter_context(context(settings))
        yield request.param, check, status


@pytest.mark.parametrize("outage", list(OUTAGES), indirect=True)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_answers_while_a_service_is_down(client, pages, outage, page_type):  # noqa: F811
    name, _check, _status = outage
    url = f"/de/{pages[page_type]}"
    started = time.monotonic()
    response = client.get(url)
    took = time.monotonic() - started
    assert response.status_code == 200, f"{name}: {url}"
    assert took < PAGE_SECONDS, f"{name}: {url} took {took:.1f} s"
    if name == "dead search engine" and page_type == "search results":
        assert "Notbetrieb" in response.content.decode()  # the database engine answered, and says so


@pytest.mark.parametrize("outage", list(OUTAGES), indirect=True)
def test_health_answers_within_a_second_and_tells_the_public_only_ok_or_error(client, outage, settings):
    name, check, status = outage
    settings.PORTAL_HEALTH_TOKEN = TOKEN
    client.get("/health/")  # the first request of a test process imports the URL map and views: not timed
    started = time.monotonic()
    response = client.get("/health/")
    took = time.monotonic() - started
    assert took < 1.0, f"{name}: /health/ took {took:.2f} s"
    assert response.status_code == status, name
    assert json.loads(response.content) == {"status": "ok" if status == 200 else "error"}, name
    assert b"127.0.0.1" not in response.content and b"Error" not in response.content

    started = time.monotonic()
    detailed = client.get("/health/", headers={"Authorization": f"Bearer {TOKEN}"})
    assert time.monotonic() - started < 1.0
    assert detailed.status_code == status
    checks = json.loads(detailed.content)["checks"]
    assert checks[check]["ok"] is False, f"{name}: {checks}"
    assert checks[check]["detail"] and checks[check]["ms"] < 1000
    assert checks["database"]["ok"] is True


@pytest.mark.parametrize("outage", list(OUTAGES), indirect=True)
def test_a_load_balancer_asking_only_for_the_database_keeps_the_site_in_service(client, outage, settings):
    """Every node shares one Redis: a dead cache or broker must not make the load balancer drop all of them."""
    name, check, status = outage
    settings.PORTAL_HEALTH_TOKEN = TOKEN
    response = client.get("/health/", {"only": "database"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, name
    assert set(json.loads(response.content)["checks"]) == {"database"}
    asked = client.get("/health/", {"only": f"database,{check}"})
    assert asked.status_code == status, name


@pytest.mark.parametrize("only", ["datenbank", "", "database,nichts"])
def test_health_names_the_checks_it_knows_when_asked_for_another(client, only):
    response = client.get("/health/", {"only": only})
    assert response.status_code == 400
    body = json.loads(response.content)
    assert body["status"] == "error" and "Unbekannte Prüfung" in body["error"] and "database" in body["error"]


@pytest.mark.parametrize("outage", list(OUTAGES), indirect=True)
def test_staff_see_the_details_of_health(client, outage):
    name, check, _status = outage
    client.force_login(UserFactory(username="betrieb", is_staff=True))
    checks = json.loads(client.get("/health/").content)["checks"]
    assert checks[check]["ok"] is False, name
    assert set(checks) == {"database", "cache", "broker", "search", "outbox"}


@pytest.mark.parametrize(
    "who",
    ["anonymous", "a parent", "a wrong token", "a token while none is configured", "the token without Bearer"],
)
def test_health_details_stay_hidden_from(client, settings, who):
    settings.PORTAL_HEALTH_TOKEN = "" if who == "a token while none is configured" else TOKEN
    headers = {
        "a wrong token": {"Authorization": "Bearer nicht-das-richtige"},
        "a token while none is configured": {"Authorization": "Bearer "},
        "the token without Bearer": {"Authorization": TOKEN},
    }.get(who, {})
    if who == "a parent":
        client.force_login(ParentFactory())
    response = client.get("/health/", headers=headers)
    assert json.loads(response.content) == {"status": "ok"}, who


def test_a_check_that_hangs_counts_as_failed_and_does_not_hold_up_the_answer(client, settings, monkeypatch):
    from portal import health

    def hangs() -> str:
        time.sleep(1.5)
        return "too late"

    settings.PORTAL_HEALTH_TOKEN = TOKEN
    client.get("/health/")  # imports done before the clock runs
    monkeypatch.setattr(health, "_database", hangs)
    started = time.monotonic()
    response = client.get("/health/", headers={"Authorization": f"Bearer {TOKEN}"})
    assert time.monotonic() - started < 1.0
    assert response.status_code == 503
    database = json.loads(response.content)["checks"]["database"]
    assert database["ok"] is False and database["detail"].startswith("no answer within")
    # Asked again while the first is still hanging: not started twice, still failed at once.
    again = json.loads(client.get("/health/", headers={"Authorization": f"Bearer {TOKEN}"}).content)
    assert again["checks"]["database"]["ok"] is False
    time.sleep(1.6)  # let the hanging check end before the next test


def test_a_page_that_sends_mail_through_the_outbox_answers_at_once_without_a_broker(
    client, home_page, settings, django_capture_on_commit_callbacks
):
    asker = ParentFactory(email="fragt@example.org")
    topic = make_topic(make_forum(), asker)
    helper = ParentFactory()
    establish(helper, make_forum("Vorstellung"))  # an established member: the reply goes online at once
    client.force_login(helper)
    with dead_broker(settings), django_capture_on_commit_callbacks(execute=True):
        started = time.monotonic()
        response = client.post(reply_url(topic), {"subject": "Re: x", "content": "Antwort trotz Ausfall."})
        took = time.monotonic() - started
    assert response.status_code == 302
    assert took < 2.0, f"the reply took {took:.1f} s"
    announce = OutboxMessage.objects.filter(task_name="community.forum.tasks.announce_post").latest("pk")
    assert announce.published_at is None  # kept for the drain: the mail goes out when the broker is back


# --- the fail-safe cache itself -------------------------------------------------------------------------------


def test_without_the_fail_safe_backend_a_dead_redis_breaks_every_page(client, home_page, settings):
    """Why core/cache.py exists: Django's own RedisCache raises, and Wagtail asks the cache on every request."""
    import redis

    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": DEAD_CACHE},
    }
    with pytest.raises(redis.exceptions.ConnectionError):
        client.get("/de/")


def test_a_dead_cache_is_a_miss_and_a_no_op_with_one_warning(settings, caplog, monkeypatch):
    from django.core.cache import cache

    from core import cache as failsafe

    monkeypatch.setattr(failsafe, "_outages", {})  # forget the warning an earlier test caused
    with dead_cache(settings):
        with caplog.at_level(logging.WARNING, logger="core.cache"):
            cache.set("a", 1)
            assert cache.get("a") is None and cache.get("a", "fallback") == "fallback"
            assert cache.add("a", 1) is True and cache.get_many(["a", "b"]) == {}  # "first one wins" stays possible
            assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"] and cache.get_or_set("c", 3) == 3
            assert cache.delete("a") is False and cache.has_key("a") is False
            with pytest.raises(ValueError):
                cache.incr("a")
            for _ in range(50):
                cache.get("a")
    warnings = [r for r in caplog.records if r.name == "core.cache" and r.levelno == logging.WARNING]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    assert "unreachable" in warnings[0].getMessage()


def test_after_a_failure_the_cache_skips_redis_for_a_while(settings, monkeypatch):
    from django.core.cache import cache
    from django.core.cache.backends.redis import RedisCacheClient

    from core import cache as failsafe

    asked = []
    real_get = RedisCacheClient.get
    monkeypatch.setattr(RedisCacheClient, "get", lambda self, *a: asked.append(a) or real_get(self, *a))
    monkeypatch.setattr(failsafe, "_outages", {})
    with dead_cache(settings):
        for _ in range(20):
            assert cache.get("seite") is None
    assert len(asked) == 1  # one attempt, then misses without a connection attempt (a dropped host costs once)


@pytest.fixture
def live_redis_cache(settings):
    url = os.environ.get("PORTAL_TEST_REDIS_URL")
    if not url:
        require_service("PORTAL_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379/15)")
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "core.cache.FailSafeRedisCache", "LOCATION": url}}
    from django.core.cache import cache

    try:
        cache.ping()
    except Exception as error:
        require_service(f"Redis at {url} does not answer: {error}")
    cache.clear()
    yield cache
    cache.clear()


@pytest.mark.redis
def test_with_the_live_redis_the_cache_works_and_wagtail_uses_it(client, home_page, live_redis_cache):
    import redis

    live_redis_cache.set("wert", {"zahl": 1}, 60)
    assert live_redis_cache.get("wert") == {"zahl": 1}
    assert live_redis_cache.add("zaehler", 1) is True and live_redis_cache.incr("zaehler") == 2
    assert client.get("/de/").status_code == 200
    stored = redis.Redis.from_url(os.environ["PORTAL_TEST_REDIS_URL"]).keys("*wagtail_site_root_paths*")
    assert stored, "Wagtail's site map was not cached in Redis"


def test_a_redis_cache_url_gets_the_fail_safe_backend_and_sessions_stay_in_the_database():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.CACHES['default']['BACKEND'], s.SESSION_ENGINE]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={
            **os.environ,
            "CACHE_URL": "redis://127.0.0.1:6379/1",
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "PYTHONPATH": "site:.",
        },
        capture_output=True,
        text=True,
        check=True,
        cwd=django_settings.BASE_DIR,
    )
    assert json.loads(out.stdout) == ["core.cache.FailSafeRedisCache", "core.sessions"]
    from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

    from core.sessions import SessionStore

    assert issubclass(SessionStore, DatabaseSessionStore), "sessions are Django's database sessions"
