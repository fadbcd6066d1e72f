"""A feature app can be left out of INSTALLED_APPS: without the nursing and changing places the rest of the portal
passes its checks, migrates a fresh database, builds the demo city, serves a district page and the profile page (the
registries simply leave the app's sections out), and other apps' tests pass.

Everything runs in child processes with portal.settings.test_without (PORTAL_TEST_WITHOUT_APPS) on a temporary
SQLite file, never against services: the app registry of this test process keeps every app."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WITHOUT = "home.changing_places"
# Other apps' tests that need nothing from the changing places, and the layout test: in this configuration it also
# proves that no model of the missing app was imported into another app's registry.
OTHER_TESTS = [
    "tests/portal/test_layout.py",
    "tests/home/test_pages.py",
    "tests/offers/test_offer_list.py",
    "tests/kita/test_kita_search.py",
    "tests/kita/test_kita_reports.py",
    "tests/contact_points/test_volunteering.py",
    "tests/accounts/test_account_privacy.py",
]
# Services the parent run may be configured with; the child runs use the embedded defaults.
SERVICE_VARIABLES = (
    "PORTAL_TEST_REQUIRE_SERVICES",
    "PORTAL_TEST_SEARCH_URL",
    "PORTAL_TEST_EMAIL_DIR",
    "SEARCH_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "CACHE_URL",
    "EMAIL_URL",
    "DATABASE_URL",
    "DJANGO_SETTINGS_MODULE",
)

# Imports every module of every installed portal app (their own folders, not those of apps inside them), then names
# the modules of left-out apps that got loaded anyway: an import by name, at any depth, would show up here.
IMPORTS_SCRIPT = """
import importlib, json, sys, django
from pathlib import Path
django.setup()
from django.apps import apps
from django.conf import settings

every_app = [*settings.PORTAL_APPS, *settings.WITHOUT_APPS]
configs = {config.name: config for config in apps.get_app_configs()}

def owner(module):
    return max((app for app in every_app if module == app or module.startswith(app + ".")), key=len, default=None)

imported = 0
for app in settings.PORTAL_APPS:
    folder = Path(configs[app].path)
    base = folder.parents[len(app.split(".")) - 1]
    for path in sorted(folder.rglob("*.py")):
        parts = list(path.relative_to(base).with_suffix("").parts)
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if owner(module) == app:
            importlib.import_module(module)
            imported += 1
print(json.dumps({"imported": imported, "left_out_loaded": sorted(
    name for name in sys.modules if owner(name) in settings.WITHOUT_APPS
)}))
"""

# Run with the seeded database: a district page, and the profile page of the demo parent who, with the app, has a
# changing place waiting for the Redaktion.
PAGES_SCRIPT = """
import json, sys, django
django.setup()
from django.apps import apps
from django.test import Client
from community.accounts.models import User
from home.models import District, DistrictIndexPage

client = Client()
index = DistrictIndexPage.objects.live().get(locale__language_code="de")
district = District.objects.get(slug="styrum")
district_page = client.get(f"{index.url}{district.slug}/")
client.force_login(User.objects.get(username="olena"))
profile = client.get("/konto/profil/")
print(json.dumps({
    "installed": apps.is_installed("home.changing_places"),
    "left_out_loaded": sorted(name for name in sys.modules if name.startswith("home.changing_places")),
    "district": [district_page.status_code, district_page.content.decode()],
    "profile": [profile.status_code, profile.content.decode()],
}))
"""


def run(step: str, args: list[str], env: dict, timeout: int = 300) -> str:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{step} failed without {WITHOUT} (exit {result.returncode}):\n{output[-6000:]}"
    print(f"{step}: {time.monotonic() - started:.0f} s")
    return result.stdout


def scratch_parent() -> str | None:
    """A RAM disk when there is a roomy one (SQLite's syncs cost most of a migration on a slow disk), else the default."""
    try:
        return "/dev/shm" if shutil.disk_usage("/dev/shm").free > 512 * 1024 * 1024 else None
    except OSError:
        return None


def test_the_portal_runs_and_passes_other_apps_tests_without_changing_places():
    with tempfile.TemporaryDirectory(prefix="portal-without-", dir=scratch_parent()) as tmp:
        database = Path(tmp) / "portal.sqlite3"
        env = {
            name: value
            for name, value in os.environ.items()
            if name not in SERVICE_VARIABLES and not name.startswith("PYTEST_")
        }
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.test_without",
            PORTAL_TEST_WITHOUT_APPS=WITHOUT,
            DATABASE_URL=f"sqlite:///{database}",
            PORTAL_TEST_DATABASE_TEMPLATE=str(Path(tmp) / "migrated.sqlite3"),
            MEDIA_ROOT=str(Path(tmp) / "media"),
            MACHINA_ATTACHMENT_CACHE_DIR=str(Path(tmp) / "attachments"),
            ALLOWED_HOSTS="testserver,localhost",
            PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "site")]),
            PYTHONDONTWRITEBYTECODE="1",
        )

        run("check", ["manage.py", "check", "--fail-level", "WARNING"], env)
        # The other apps' migrations describe their models completely: nothing of theirs depends on the missing app.
        loaded = json.loads(run("imports", ["-c", IMPORTS_SCRIPT], env).splitlines()[-1])
        assert loaded["imported"] > 100 and loaded["left_out_loaded"] == [], loaded
        run("makemigrations", ["manage.py", "makemigrations", "--check", "--dry-run"], env)
        run("migrate", ["manage.py", "migrate", "--no-input", "-v", "0"], env)
        # The test run below starts from this migrated database instead of migrating once more.
        shutil.copyfile(database, env["PORTAL_TEST_DATABASE_TEMPLATE"])

        # One language's demo translations keep the translation step in the run (tests/home/test_seed_demo.py seeds
        # all of them); the other languages are switched on with their aliases all the same.
        seeded = run("seed_demo", ["manage.py", "seed_demo", "--languages", "en"], env)
        lines = seeded.splitlines()
        assert lines[0].startswith("Demo-Stadt"), seeded
        assert any(line.startswith("Familien-Wiki:") for line in lines), seeded
        assert any(line.startswith("Suche:") for line in lines), seeded
        assert any(line.startswith("en: ") for line in lines) and not any(line.startswith("tr: ") for line in lines)
        assert not [line for line in lines if "Wickel" in line], seeded

        pages = json.loads(run("pages", ["-c", PAGES_SCRIPT], env).splitlines()[-1])
        assert pages["installed"] is False and pages["left_out_loaded"] == [], pages["left_out_loaded"]
        status, html = pages["district"]
        assert status == 200, html[-3000:]
        assert 'href="#familienpunkte"' in html and 'href="#kitas"' in html and 'href="#angebote"' in html
        assert 'href="#wickeln"' not in html and 'id="wickeln"' not in html
        status, html = pages["profile"]
        assert status == 200, html[-3000:]
        assert "Meine Helfer-Schichten" in html
        assert "Vorschläge für Wickel- und Stillorte" not in html

        run(
            "pytest",
            [
                "-m",
                "pytest",
                "-p",
                "no:cacheprovider",
                "-q",
                "-x",
                "--reuse-db",
                "--ds",
                "portal.settings.test_without",
                *OTHER_TESTS,
            ],
            env,
            timeout=600,
        )
