import os

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
