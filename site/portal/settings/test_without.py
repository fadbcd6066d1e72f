"""Test settings with portal apps left out: PORTAL_TEST_WITHOUT_APPS=home.changing_places[,…].

Only for tests/portal/test_app_removal.py, which proves that a feature app can be removed from INSTALLED_APPS and the
rest of the portal still starts, migrates, seeds its demo city and passes its tests."""

import os

from django.core.exceptions import ImproperlyConfigured

from .test import *  # noqa: F403
from .test import CELERY_BEAT_SCHEDULE, DATABASES, INSTALLED_APPS, PORTAL_APPS

WITHOUT_APPS = [app.strip() for app in os.environ.get("PORTAL_TEST_WITHOUT_APPS", "").split(",") if app.strip()]
if unknown := sorted(set(WITHOUT_APPS) - set(PORTAL_APPS)):
    raise ImproperlyConfigured(f"PORTAL_TEST_WITHOUT_APPS names apps that are not in PORTAL_APPS: {unknown}")

PORTAL_APPS = [app for app in PORTAL_APPS if app not in WITHOUT_APPS]
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in WITHOUT_APPS]
# As in base.py: a left-out app takes its periodic tasks with it.
CELERY_BEAT_SCHEDULE = {
    name: entry for name, entry in CELERY_BEAT_SCHEDULE.items() if entry["task"].rsplit(".tasks.", 1)[0] in PORTAL_APPS
}

# A database file migrated beforehand, for `pytest --reuse-db`: the test run then need not migrate once more.
if os.environ.get("PORTAL_TEST_DATABASE_TEMPLATE"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["PORTAL_TEST_DATABASE_TEMPLATE"]}
