import os
import re
import shutil

import pytest

from tests.conftest import require_service

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
