"""The backup round trip (issue 19): a backup of the demo city, restored into an empty database, finds every row and
every media file again, and the search is rebuilt; a restore refuses what it must refuse, in German, before it
touches anything.

The source is the test database with the demo city (German only: seeding takes minutes, once per module; the module
runs in one xdist worker through the `seeded_city` grouping in tests/conftest.py). The round trip restores on the
engine the suite runs on: SQLite into a temporary file, PostgreSQL (DATABASE_URL=$PORTAL_TEST_POSTGRES_URL, as in
.ci/run) into a database created for it on the same server and dropped afterwards. During the restore the new
database stands in as `default`, so `manage.py restore` and the rebuild commands it runs work on it exactly as in an
installation, and the media go into a fresh folder."""

from __future__ import annotations

import io
import json
import shutil
import tarfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.test import override_settings

from core.backup import storage_hashes, table_counts
from tests.home.test_seed_demo import demo_city

pytestmark = pytest.mark.django_db  # pytest-django sets up the test database only for modules that ask for it
SEARCH_TABLE = "portal_search_searchentry"


@pytest.fixture(scope="module")
def seeded_city(django_db_setup, django_db_blocker):
    """The demo city in German only, no other language switched on: the other languages add rows, not kinds of
    rows (and double the seeding time)."""
    yield from demo_city(django_db_blocker, german_only=True)


def _raw_count(alias: str, table: str) -> int:
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connections[alias].ops.quote_name(table)}")  # noqa: S608
        return cursor.fetchone()[0]


@contextmanager
def empty_database(folder: Path):
    """A second, empty database on the suite's engine, registered as the alias `restored`."""
    source = connection.settings_dict
    name = str(folder / "restored.sqlite3")
    if connection.vendor == "postgresql":
        name = f"{source['NAME']}_restore_{uuid.uuid4().hex[:8]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connections.settings["restored"] = {**source, "NAME": name, "TEST": {**source.get("TEST", {}), "NAME": name}}
    try:
        yield "restored"
    finally:
        connections["restored"].close()
        del connections["restored"]
        del connections.settings["restored"]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def standing_in_as_default(alias: str):
    original = connections["default"]
    connections["default"] = connections[alias]
    try:
        yield
    finally:
        connections["default"] = original


@dataclass
class RoundTrip:
    archive: Path
    manifest: dict
    source_tables: dict[str, int]
    source_files: dict[str, str]
    source_search_entries: int
    restored_tables: dict[str, int]
    restored_files: dict[str, str]
    restored_search_entries: int
    output: str
    seconds: dict[str, float]


@pytest.fixture(scope="module")
def round_trip(seeded_city, django_db_blocker, tmp_path_factory) -> RoundTrip:
    folder = tmp_path_factory.mktemp("backup")
    archive = folder / "stadt.tar.gz"
    seconds = {}
    with django_db_blocker.unblock():
        source_tables = table_counts()
        source_files = storage_hashes(storages["default"])
        source_search_entries = _raw_count("default", SEARCH_TABLE)
        started = time.monotonic()
        call_command("backup", output=str(archive), stdout=io.StringIO())
        seconds["backup"] = time.monotonic() - started
        with tarfile.open(archive) as tar:
            manifest = json.load(tar.extractfile("manifest.json"))
        media = folder / "media"
        out = io.StringIO()
        storage = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(media)}}
        with (
            empty_database(folder) as alias,
            standing_in_as_default(alias),
            override_settings(STORAGES={**storages.backends, "default": storage}),
        ):
            started = time.monotonic()
            call_command("restore", str(archive), stdout=out)
            seconds["restore"] = time.monotonic() - started
            restored_tables = table_counts()
            restored_files = storage_hashes(storages["default"])
            restored_search_entries = _raw_count("default", SEARCH_TABLE)
    print(f"backup {seconds['backup']:.1f} s, restore with rebuild {seconds['restore']:.1f} s")
    return RoundTrip(
        archive=archive,
        manifest=manifest,
        source_tables=source_tables,
        source_files=source_files,
        source_search_entries=source_search_entries,
        restored_tables=restored_tables,
        restored_files=restored_files,
        restored_search_entries=restored_search_entries,
        output=out.getvalue(),
        seconds=seconds,
    )


# --- the round trip ------------------------------------------------------------------------------------------------


def test_every_row_comes_back(round_trip):
    assert sum(round_trip.source_tables.values()) > 1000  # the demo city, not an empty database
    differences = {
        table: (count, round_trip.restored_tables.get(table))
        for table, count in round_trip.source_tables.items()
        if round_trip.restored_tables.get(table) != count
    }
    assert not differences, f"table: (source, restored) {differences}"
    assert set(round_trip.restored_tables) == set(round_trip.source_tables)


def test_every_media_file_comes_back(round_trip):
    assert len(round_trip.source_files) >= 10  # the demo city's photos and their renditions
    assert round_trip.restored_files == round_trip.source_files


def test_the_manifest_describes_the_snapshot(round_trip):
    manifest = round_trip.manifest
    assert manifest["engine"] == connection.vendor
    assert manifest["tables"] == round_trip.source_tables
    assert manifest["portal"]["version"]
    assert ["wagtailcore", "0001_initial"] in manifest["migrations"]
    media = {entry["name"].removeprefix("media/"): entry["sha256"] for entry in manifest["files"][1:]}
    assert media == round_trip.source_files
    assert manifest["files"][0]["name"] in ("database.sqlite3", "database.pgdump")
    assert manifest["missing_files"] == []
    # The search-free state: the indices are no part of the backup, their tables are not counted either.
    assert not any(table.startswith(("portal_search_", "wagtailsearch_")) for table in manifest["tables"])


def test_the_search_is_rebuilt_after_the_restore(round_trip):
    assert round_trip.source_search_entries > 100
    assert round_trip.restored_search_entries == round_trip.source_search_entries
    assert "manage.py search_reindex" in round_trip.output
    assert "manage.py update_index" in round_trip.output


# --- what a restore refuses, before it changes anything ----------------------------------------------------------


def _unpacked(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into


def _rewrite_manifest(folder: Path, change) -> None:
    manifest = json.loads((folder / "manifest.json").read_text())
    change(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))


def _intact(archive, tmp):
    return archive


def _truncated(archive, tmp):
    damaged = tmp / "abgebrochen.tar.gz"
    damaged.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return damaged


def _not_an_archive(archive, tmp):
    text = tmp / "notizen.tar.gz"
    text.write_text("Das ist keine Sicherung.")
    return text


def _without_manifest(archive, tmp):
    folder = _unpacked(archive, tmp / "ohne")
    (folder / "manifest.json").unlink()
    return folder


def _altered_media_file(archive, tmp):
    folder = _unpacked(archive, tmp / "veraendert")
    photo = next(path for path in sorted((folder / "media").rglob("*")) if path.is_file())
    photo.write_bytes(photo.read_bytes()[:-1] + b"\0")
    return folder


def _other_engine(archive, tmp):
    folder = _unpacked(archive, tmp / "andere")
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    _rewrite_manifest(folder, lambda manifest: manifest.update(engine=other))
    return folder


def _newer_portal(archive, tmp):
    folder = _unpacked(archive, tmp / "neuer")
    _rewrite_manifest(folder, lambda manifest: manifest["migrations"].append(["core", "9999_from_the_future"]))
    return folder


REFUSED_RESTORES = [
    (_intact, "Die Datenbank enthält bereits Inhalte"),
    (_truncated, "kein lesbares Sicherungsarchiv"),
    (_not_an_archive, "kein lesbares Sicherungsarchiv"),
    (_without_manifest, "keine Sicherung des Portals: manifest.json fehlt"),
    (_altered_media_file, "Die Sicherung ist beschädigt"),
    (_other_engine, "Die Sicherung stammt aus einer"),
    (_newer_portal, "Die Sicherung stammt von einer neueren Version des Portals"),
]


@pytest.mark.parametrize(
    ("case", "message"), REFUSED_RESTORES, ids=[case.__name__.strip("_") for case, _message in REFUSED_RESTORES]
)
def test_restore_refuses_in_german_and_changes_nothing(round_trip, django_db_blocker, tmp_path, case, message):
    backup = case(round_trip.archive, tmp_path)
    with django_db_blocker.unblock():
        before = table_counts()
        with pytest.raises(CommandError, match=message) as refused:
            call_command("restore", str(backup), stdout=io.StringIO())
        assert table_counts() == before
    if case is _intact:
        assert "createdb" in str(refused.value) or "DATABASE_URL" in str(refused.value)  # says how to get an empty one


# --- what a backup refuses ------------------------------------------------------------------------------------------


def _existing_output(tmp, monkeypatch, settings):
    target = tmp / "schon-da.tar.gz"
    target.write_bytes(b"alt")
    return target, "gibt es schon"


def _disk_full(tmp, monkeypatch, settings):
    monkeypatch.setattr("core.backup.shutil.disk_usage", lambda path: shutil._ntuple_diskusage(10**9, 10**9, 1024))
    return tmp / "voll.tar.gz", "Nicht genug Speicherplatz"


def _no_pg_dump(tmp, monkeypatch, settings):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump is used on PostgreSQL only")
    (tmp / "leer").mkdir()
    settings.BACKUP_PG_BIN_DIR = str(tmp / "leer")
    return tmp / "ohne-pg-dump.tar.gz", "pg_dump wurde nicht gefunden"


@pytest.mark.parametrize("case", [_existing_output, _disk_full, _no_pg_dump], ids=lambda case: case.__name__.strip("_"))
def test_backup_refuses_in_german_and_leaves_no_partial_file(
    round_trip, django_db_blocker, tmp_path, monkeypatch, settings, case
):
    output, message = case(tmp_path, monkeypatch, settings)
    before = sorted(path.name for path in tmp_path.iterdir())
    with django_db_blocker.unblock(), pytest.raises(CommandError, match=message):
        call_command("backup", output=str(output), stdout=io.StringIO())
    assert sorted(path.name for path in tmp_path.iterdir()) == before
