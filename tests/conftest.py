import os

import pytest

# .ci/run sets this: there a missing service is a failure, on a fresh laptop a skip.
REQUIRE_SERVICES = os.environ.get("PORTAL_TEST_REQUIRE_SERVICES") == "1"


def require_service(reason: str) -> None:
    if REQUIRE_SERVICES:
        pytest.fail(f"required service unavailable: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _media_and_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get(depth=2)


@pytest.fixture
def offers_page(home_page):
    from tests.factories import offer_index

    return offer_index(home_page)
