import os
import re
import shutil

import pytest
from django.conf import settings as django_settings
from django.utils import translation

# .ci/run sets this: there a missing service is a failure, on a fresh laptop a skip.
REQUIRE_SERVICES = os.environ.get("PORTAL_TEST_REQUIRE_SERVICES") == "1"


def require_service(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"required service unavailable: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _media_and_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _default_language():
    # Django's LocaleMiddleware leaves a request's language active in the thread: a test that visited /tr/ would
    # otherwise hand Turkish to the next test's reverse() and gettext.
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Each test's database is rolled back, so ids cached by an earlier test (locales, pending translations) may
    # name other rows now; the cache starts empty like after a deployment.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def admin_user(admin_user):
    # Staff must have a second factor (community/accounts/mfa.py); pytest-django's administrator gets the
    # factories' authenticator app like every staff account the factories make.
    from tests.factories import enrol_second_factor

    enrol_second_factor(admin_user)
    return admin_user


@pytest.fixture
def home_page(db):
    from wagtail.models import Locale

    from home.models import HomePage

    # The German root: a module-scoped fixture (tests/security/test_headers.py `pages`) may have committed the
    # language trees of other locales for the whole module.
    return HomePage.objects.get(depth=2, locale=Locale.get_default())


@pytest.fixture
def offers_page(home_page):
    from tests.factories import offer_index

    return offer_index(home_page)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own hook turns xdist_group marks into worker groups
def pytest_collection_modifyitems(config, items):
    # The Redis tests share one Redis database (each test flushes it) and one Celery queue: under
    # `pytest -n … --dist loadgroup` they run in one worker, one after the other (`dev.py test` runs them after
    # the parallel part anyway). Without xdist the marker does not exist.
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if item.get_closest_marker("redis"):
            item.add_marker(pytest.mark.xdist_group("redis"))
        elif "seeded_city" in getattr(item, "fixturenames", ()):
            # A module-scoped demo city is seeded once per worker that runs the module's tests: all in one worker.
            item.add_marker(pytest.mark.xdist_group("demo_city"))


@pytest.fixture(autouse=True)
def _translated_names_forgotten():
    # Each test's database changes are rolled back; the cached names of translatable snippets must go with them.
    yield
    from core.translatable import forget_translated_values

    forget_translated_values()


# --- Browser journeys (Debian's chromium through Playwright): here, not in tests/browser/conftest.py, so that the
# browser tests of other folders (tests/security) share the one session-wide browser; a second sync_playwright()
# inside the first one's event loop is refused.
CHROMIUM = "/usr/bin/chromium"
# Keep Chromium from reaching for Google's hosts on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not shutil.which(CHROMIUM):
        require_service("Debian's chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable in the test.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from django.db import connections
    from playwright.sync_api import sync_playwright

    snapshots = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    try:
        with sync_playwright() as playwright:
            # Playwright's sync API runs on an event loop, so Django hands out new connection objects here;
            # give them the test database's snapshot so that serialized_rollback can restore it.
            for alias, snapshot in snapshots.items():
                if snapshot is not None:
                    connections[alias]._test_serialized_contents = snapshot
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})  # a phone
    # Only the portal on this machine is ever contacted; anything else (map tiles) is cut off here.
    context.route(re.compile(r"^https?://(?!(localhost|127\.0\.0\.1)[:/])"), lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()
