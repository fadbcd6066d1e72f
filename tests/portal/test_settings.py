"""The environment chooses the stack; each case runs Django in a fresh process with exactly that environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require_service

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "db": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "search_urls": settings.WAGTAILSEARCH_BACKENDS["default"].get("URLS"),
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "broker": settings.CELERY_BROKER_URL,
    "email": settings.EMAIL_BACKEND,
    "email_host": getattr(settings, "EMAIL_HOST", None),
    "cache": settings.CACHES["default"]["BACKEND"],
    "debug": settings.DEBUG,
    "demo": settings.PORTAL_ALLOW_DEMO_ACCOUNTS,
}))
"""
PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "Zq8!v2#Lm9@xW4$pR7&tY1*uB6^nC3%eH5",
    "ALLOWED_HOSTS": "familien.example.org",
    "EMAIL_URL": "smtp+tls://mailer:pw@mail.internal:587",  # production refuses to start without one
}


def django_process(code_or_args, settings_module: str, **env_vars) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "SEARCH_URL",
            "CELERY_BROKER_URL",
            "EMAIL_URL",
            "CACHE_URL",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DEBUG",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(env_vars, DJANGO_SETTINGS_MODULE=settings_module, PYTHONPATH=f"{ROOT}:{ROOT / 'site'}")
    args = ["-c", code_or_args] if isinstance(code_or_args, str) else code_or_args
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def settings_for(settings_module: str = "portal.settings.dev", **env_vars) -> dict:
    result = django_process(PROBE, settings_module, **env_vars)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_no_variables_give_the_embedded_default():
    chosen = settings_for()
    assert chosen["db"] == "django.db.backends.sqlite3"
    assert chosen["db_name"] == str(ROOT / "db.sqlite3")
    assert chosen["search"] == "wagtail.search.backends.database"
    assert chosen["eager"] is True
    assert chosen["email"] == "django.core.mail.backends.console.EmailBackend"
    assert chosen["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert chosen["debug"] is True


def test_urls_switch_to_the_production_services():
    chosen = settings_for(
        DATABASE_URL="postgres://portal:pw@db.internal:5432/portal",
        SEARCH_URL="opensearch://search.internal:9200",
        CELERY_BROKER_URL="redis://queue.internal:6379/0",
        EMAIL_URL="smtp+tls://mailer:pw@mail.internal:587",
        CACHE_URL="redis://queue.internal:6379/1",
    )
    assert chosen["db"] == "django.db.backends.postgresql"
    assert chosen["db_name"] == "portal"
    assert chosen["search"] == "wagtail.search.backends.opensearch2"
    assert chosen["search_urls"] == ["http://search.internal:9200"]
    assert chosen["eager"] is False
    assert chosen["broker"] == "redis://queue.internal:6379/0"
    assert chosen["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert chosen["email_host"] == "mail.internal"
    assert chosen["cache"] == "core.cache.FailSafeRedisCache"  # Redis, but a dead one is skipped (issue 19)


@pytest.mark.parametrize(
    ("url", "backend", "address"),
    [
        ("elasticsearch://es:9200", "wagtail.search.backends.elasticsearch8", "http://es:9200"),
        ("elasticsearch9+https://es:9200", "wagtail.search.backends.elasticsearch9", "https://es:9200"),
        ("opensearch3+https://os:9200", "wagtail.search.backends.opensearch3", "https://os:9200"),
    ],
)
def test_search_url_names_engine_and_transport(url, backend, address):
    from portal.settings.base import search_backend_from_url

    config = search_backend_from_url(url)
    assert config["BACKEND"] == backend
    assert config["URLS"] == [address]


def test_unknown_search_engine_is_refused_with_a_clear_message():
    from portal.settings.base import search_backend_from_url

    with pytest.raises(ValueError, match="solr"):
        search_backend_from_url("solr://localhost:8983")


def test_production_refuses_to_start_without_a_secret_key():
    result = django_process(PROBE, "portal.settings.production", ALLOWED_HOSTS="familien.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_mode_passes_the_deploy_check_without_warnings():
    result = django_process(
        [str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        "portal.settings.production",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_mode_never_allows_demo_accounts():
    chosen = settings_for("portal.settings.production", **PRODUCTION_ENV)
    assert chosen["debug"] is False
    assert chosen["demo"] is False


@pytest.mark.postgres
def test_a_postgres_url_talks_to_a_real_postgresql():
    url = os.environ.get("PORTAL_TEST_POSTGRES_URL")
    if not url:
        require_service("PORTAL_TEST_POSTGRES_URL is not set")
    result = django_process(
        "import django; django.setup(); from django.db import connection;"
        "cursor = connection.cursor(); cursor.execute('select version()'); print(connection.vendor, cursor.fetchone()[0])",
        "portal.settings.dev",
        DATABASE_URL=url,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("postgresql PostgreSQL")
