"""Backups and restores: the database, the media files and a manifest, written as one consistent snapshot.

A backup is a folder (or the same folder as a .tar.gz archive) holding
- `database.pgdump` (PostgreSQL: `pg_dump --format=custom`, taken in an exported snapshot so that the row counts in
  the manifest describe exactly the dumped state) or `database.sqlite3` (SQLite: the sqlite3 backup API, a page copy
  that is consistent by itself);
- `media/…`: every file of the default storage (uploads, documents; image renditions unless left out);
- `manifest.json`: portal version and commit, engine, applied migrations, date, rows per table, and every file with
  its size and sha256.

The rows of derived tables (settings.BACKUP_DERIVED_TABLE_PREFIXES: the search indices) are left out; a restore runs
settings.BACKUP_REBUILD_COMMANDS to rebuild them. Core names no feature: both lists come from the settings.

A restore goes only into an empty installation (no accounts, pages, images or documents), checks every file against
the manifest before it touches anything, restores the database in one transaction (pg_restore --single-transaction;
SQLite's backup API replaces the file in one step), then writes the media files and rebuilds what was left out."""

from __future__ import annotations

import datetime
import errno
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import Storage
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_DIR = "media"
DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
ENGINE_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
ARCHIVE_SUFFIXES = (".tar.gz", ".tgz")
CHUNK = 1024 * 1024
SPACE_MARGIN = 20 * 1024 * 1024  # room for the manifest and the file system's own bookkeeping


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is German and says what to do."""


@dataclass
class BackupResult:
    path: Path
    manifest: dict


@dataclass
class RestoreResult:
    manifest: dict
    tables: dict[str, int]
    files: int
    migrated: list[str] = field(default_factory=list)
    rebuilt: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --- shared helpers --------------------------------------------------------------------------------------------


def _derived(table: str) -> bool:
    return any(table.startswith(prefix) for prefix in settings.BACKUP_DERIVED_TABLE_PREFIXES)


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _no_space(error: OSError) -> bool:
    return error.errno in (errno.ENOSPC, errno.EDQUOT)


def storage_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in the storage, depth first, in a stable order."""
    folders, files = storage.listdir(folder)
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from storage_files(storage, f"{folder}/{name}" if folder else name)


def storage_hashes(storage: Storage) -> dict[str, str]:
    """sha256 of every file in the storage (the test compares a restored storage with its source this way)."""
    hashes = {}
    for name in storage_files(storage):
        digest = hashlib.sha256()
        with storage.open(name, "rb") as handle:
            for chunk in iter(lambda: handle.read(CHUNK), b""):
                digest.update(chunk)
        hashes[name] = digest.hexdigest()
    return hashes


def _sqlite_tables(db: sqlite3.Connection) -> list[str]:
    """Real tables, without SQLite's own and the shadow tables behind a virtual (full-text) table."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    return sorted(
        name
        for name, _sql in rows
        if not name.startswith("sqlite_") and not any(name.startswith(f"{table}_") for table in virtual)
    )


def _count(cursor, table: str, quote: Callable[[str], str]) -> int:
    cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - table names come from the catalogue
    return cursor.fetchone()[0]


def table_counts(alias: str = "default") -> dict[str, int]:
    """Rows per table of the database behind `alias`, without the derived (search index) tables."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            tables = _sqlite_tables(connection.connection)
        else:
            tables = connection.introspection.table_names(cursor)
        quote = connection.ops.quote_name
        return {table: _count(cursor, table, quote) for table in sorted(tables) if not _derived(table)}


def _applied_migrations(cursor) -> list[list[str]]:
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [[app, name] for app, name in cursor.fetchall()]


def _portal_version() -> dict:
    version = ""
    pyproject = Path(settings.BASE_DIR) / "pyproject.toml"
    if pyproject.exists():
        match = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"), re.MULTILINE)
        version = match.group(1) if match else ""
    commit = os.environ.get("PORTAL_COMMIT", "")
    if not commit and shutil.which("git"):
        result = subprocess.run(
            ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
        )
        commit = result.stdout.strip() if result.returncode == 0 else ""
    return {"version": version, "commit": commit}


# --- PostgreSQL tools --------------------------------------------------------------------------------------------


def pg_tool(name: str, server_version: int) -> str:
    """The pg_dump or pg_restore to use: from BACKUP_PG_BIN_DIR, else the newest Debian cluster's, else PATH. A
    client older than the server cannot read its dumps, so that is refused with the version named."""
    candidates = []
    if settings.BACKUP_PG_BIN_DIR:
        candidates.append(Path(settings.BACKUP_PG_BIN_DIR) / name)
    else:
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True)
        candidates += [folder / name for folder in versions if folder.parent.name.isdigit()]
        if found := shutil.which(name):
            candidates.append(Path(found))
    tool = next((str(path) for path in candidates if path.is_file() and os.access(path, os.X_OK)), None)
    if tool is None:
        raise BackupError(
            _(
                "%(tool)s wurde nicht gefunden. Installieren Sie die PostgreSQL-Client-Programme (Debian: "
                "„apt install postgresql-client“) oder geben Sie ihren Ordner in BACKUP_PG_BIN_DIR an."
            )
            % {"tool": name}
        )
    output = subprocess.run([tool, "--version"], capture_output=True, text=True, check=False).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    server_major = server_version // 10000
    if match and int(match.group(1)) < server_major:
        raise BackupError(
            _(
                "%(tool)s ist Version %(client)s, der Datenbankserver aber Version %(server)s. Installieren Sie die "
                "Client-Programme derselben oder einer neueren Version oder geben Sie ihren Ordner in "
                "BACKUP_PG_BIN_DIR an."
            )
            % {"tool": tool, "client": match.group(1), "server": server_major}
        )
    return tool


def _pg_env(settings_dict: dict) -> dict[str, str]:
    """libpq's variables for the connection, so that no password appears on a command line."""
    env = dict(os.environ)
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST") or options.get("host", ""),
        "PGPORT": str(settings_dict.get("PORT") or options.get("port", "")),
        "PGUSER": settings_dict.get("USER") or options.get("user", ""),
        "PGPASSWORD": settings_dict.get("PASSWORD") or options.get("password", ""),
        "PGDATABASE": settings_dict.get("NAME") or "",
        "PGSSLMODE": options.get("sslmode", ""),
    }
    env.update({key: value for key, value in values.items() if value})
    return env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = result.stderr.strip() or result.stdout.strip()
        if "No space left on device" in detail:
            raise BackupError(
                _("Kein Speicherplatz mehr frei (%(what)s): %(detail)s") % {"what": what, "detail": detail}
            )
        raise BackupError(_("%(what)s ist fehlgeschlagen: %(detail)s") % {"what": what, "detail": detail})


# --- backup ------------------------------------------------------------------------------------------------------


def _dump_sqlite(alias: str, target: Path) -> tuple[dict[str, int], list[list[str]]]:
    connection = connections[alias]
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        # One step (pages=-1): the copy is the database at one moment, even while the portal writes.
        connection.connection.backup(copy)
        tables = _sqlite_tables(copy)
        for table in tables:
            if _derived(table):
                copy.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from sqlite_master
        copy.commit()
        copy.execute("VACUUM")
        cursor = copy.cursor()
        counts = {table: _count(cursor, table, lambda t: f'"{t}"') for table in tables if not _derived(table)}
        return counts, _applied_migrations(cursor)
    finally:
        copy.close()


def _dump_postgresql(alias: str, target: Path) -> tuple[dict[str, int], list[list[str]]]:
    # A connection of its own holds a repeatable-read snapshot open: pg_dump dumps exactly that snapshot, and the
    # counts and migrations read in the same transaction describe the same state.
    snapshot = connections.create_connection(alias)
    try:
        snapshot.ensure_connection()
        tool = pg_tool("pg_dump", snapshot.pg_version)
        snapshot.set_autocommit(False)
        with snapshot.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
            tables = snapshot.introspection.table_names(cursor)
            quote = snapshot.ops.quote_name
            counts = {table: _count(cursor, table, quote) for table in sorted(tables) if not _derived(table)}
            migrations = _applied_migrations(cursor)
        command = [tool, "--format=custom", f"--snapshot={snapshot_id}", f"--file={target}"]
        command += [f"--exclude-table-data={prefix}*" for prefix in settings.BACKUP_DERIVED_TABLE_PREFIXES]
        _run(command, _pg_env(snapshot.settings_dict), "pg_dump")
        snapshot.rollback()
        return counts, migrations
    finally:
        snapshot.close()


class _Folder:
    """Writes the backup's files into a folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def add(self, name: str, source, size: int) -> str:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with path.open("wb") as out:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                digest.update(chunk)
                out.write(chunk)
        return digest.hexdigest()

    def close(self) -> None:
        pass


class _Archive:
    """Writes the backup's files into a .tar.gz, streamed: nothing is staged twice."""

    def __init__(self, path: Path) -> None:
        self.tar = tarfile.open(path, "w:gz")  # noqa: SIM115 - closed by close()

    def add(self, name: str, source, size: int) -> str:
        digest = hashlib.sha256()

        class Hashing:
            def read(self, amount=-1):
                data = source.read(amount)
                digest.update(data)
                return data

        info = tarfile.TarInfo(name)
        info.size = size
        info.mtime = int(datetime.datetime.now().timestamp())
        self.tar.addfile(info, Hashing())
        return digest.hexdigest()

    def close(self) -> None:
        self.tar.close()


def _rendition_files() -> set[str]:
    from wagtail.images import get_image_model

    return set(get_image_model().get_rendition_model().objects.values_list("file", flat=True))


def backup_create(
    *, output: Path, storage: Storage, alias: str = "default", renditions: bool = True, now=None
) -> BackupResult:
    """Write a backup to `output` (a folder that must not exist or be empty, or a file ending .tar.gz/.tgz). The
    result appears under its name only when complete: it is written beside it under a temporary name first."""
    connection = connections[alias]
    vendor = connection.vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(
            _("Sicherungen gibt es nur für PostgreSQL und SQLite, nicht für %(engine)s.") % {"engine": vendor}
        )
    output = Path(output).absolute()
    archive = output.name.endswith(ARCHIVE_SUFFIXES)
    if output.exists() and (archive or not output.is_dir() or any(output.iterdir())):
        raise BackupError(_("%(path)s gibt es schon. Wählen Sie einen neuen Namen.") % {"path": output})
    output.parent.mkdir(parents=True, exist_ok=True)
    skipped = _rendition_files() if not renditions else set()
    media = [name for name in storage_files(storage) if name not in skipped]
    media_size = sum(storage.size(name) for name in media)

    partial = output.with_name(f".{output.name}.partial")
    with tempfile.TemporaryDirectory(prefix=".portal-backup-", dir=output.parent) as staging:
        dump = Path(staging) / DUMP_NAMES[vendor]
        try:
            counts, migrations = (_dump_sqlite if vendor == "sqlite" else _dump_postgresql)(alias, dump)
        except OSError as error:
            if _no_space(error):
                raise BackupError(
                    _("Kein Speicherplatz mehr frei in %(folder)s. Es wurde keine Sicherung geschrieben.")
                    % {"folder": output.parent}
                ) from error
            raise
        needed = dump.stat().st_size + media_size + SPACE_MARGIN
        free = shutil.disk_usage(output.parent).free
        if free < needed:
            raise BackupError(
                _(
                    "Nicht genug Speicherplatz in %(folder)s: Die Sicherung braucht etwa %(needed)s, frei sind "
                    "%(free)s. Es wurde keine Sicherung geschrieben."
                )
                % {"folder": output.parent, "needed": _megabytes(needed), "free": _megabytes(free)}
            )
        _discard(partial)  # left over from a backup that was killed
        writer = _Archive(partial) if archive else _Folder(partial)
        files = []
        try:
            with dump.open("rb") as source:
                size = dump.stat().st_size
                files.append({"name": dump.name, "size": size, "sha256": writer.add(dump.name, source, size)})
            dump.unlink()  # its room is needed for the media
            missing = []
            for name in media:
                try:
                    size = storage.size(name)
                    with storage.open(name, "rb") as source:
                        digest = writer.add(f"{MEDIA_DIR}/{name}", source, size)
                except FileNotFoundError:
                    missing.append(name)  # deleted since the listing: the snapshot's rows may still name it
                    continue
                files.append({"name": f"{MEDIA_DIR}/{name}", "size": size, "sha256": digest})
            manifest = {
                "format": FORMAT,
                "portal": _portal_version(),
                "created_at": (now or datetime.datetime.now(datetime.UTC)).isoformat(timespec="seconds"),
                "engine": vendor,
                "database": dump.name,
                "migrations": migrations,
                "tables": counts,
                "derived_table_prefixes": list(settings.BACKUP_DERIVED_TABLE_PREFIXES),
                "renditions": renditions,
                "files": files,
                "missing_files": missing,
            }
            data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            writer.add(MANIFEST, _Bytes(data), len(data))
            writer.close()
        except OSError as error:
            _discard(partial)
            if _no_space(error):
                raise BackupError(
                    _("Kein Speicherplatz mehr frei in %(folder)s. Die unvollständige Sicherung wurde gelöscht.")
                    % {"folder": output.parent}
                ) from error
            raise
        except BaseException:
            _discard(partial)
            raise
    if archive:
        partial.replace(output)
    else:
        if output.exists():
            output.rmdir()
        partial.rename(output)
    return BackupResult(path=output, manifest=manifest)


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data, self.offset = data, 0

    def read(self, amount: int = -1) -> bytes:
        end = len(self.data) if amount < 0 else self.offset + amount
        chunk, self.offset = self.data[self.offset : end], min(end, len(self.data))
        return chunk


def _discard(partial: Path) -> None:
    if partial.is_dir():
        shutil.rmtree(partial, ignore_errors=True)
    else:
        partial.unlink(missing_ok=True)


# --- restore -----------------------------------------------------------------------------------------------------


def _unpack(path: Path, into: Path) -> Path:
    """The backup's folder: `path` itself, or the archive unpacked into `into` (with tarfile's safe filter)."""
    if path.is_dir():
        return path
    if not path.is_file():
        raise BackupError(_("%(path)s gibt es nicht.") % {"path": path})
    try:
        with tarfile.open(path, "r:*") as tar:
            size = sum(member.size for member in tar.getmembers())
            free = shutil.disk_usage(into).free
            if free < size + SPACE_MARGIN:
                raise BackupError(
                    _(
                        "Nicht genug Speicherplatz zum Entpacken in %(folder)s: nötig sind etwa %(needed)s, frei %(free)s."
                    )
                    % {"folder": into, "needed": _megabytes(size), "free": _megabytes(free)}
                )
            tar.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        if isinstance(error, OSError) and _no_space(error):
            raise BackupError(
                _("Kein Speicherplatz mehr frei zum Entpacken in %(folder)s.") % {"folder": into}
            ) from error
        raise BackupError(
            _("%(path)s ist kein lesbares Sicherungsarchiv (beschädigt, unvollständig oder kein .tar.gz): %(error)s")
            % {"path": path, "error": error}
        ) from error
    return into


def backup_read(folder: Path) -> dict:
    """The manifest, after every file it lists was checked against its size and sha256."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BackupError(
            _("%(path)s ist keine Sicherung des Portals: manifest.json fehlt.") % {"path": folder}
        ) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(_("Die manifest.json der Sicherung ist beschädigt: %(error)s") % {"error": error}) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or "files" not in manifest:
        raise BackupError(
            _("Die Sicherung hat ein unbekanntes Format (%(format)s); erwartet wird Format %(expected)s.")
            % {"format": manifest.get("format") if isinstance(manifest, dict) else "?", "expected": FORMAT}
        )
    damaged = []
    for entry in manifest["files"]:
        if not isinstance(entry, dict) or not {"name", "size", "sha256"} <= set(entry):
            raise BackupError(_("Die manifest.json der Sicherung ist beschädigt: ein Dateieintrag ist unvollständig."))
        name = Path(entry["name"])
        if name.is_absolute() or ".." in name.parts:
            raise BackupError(
                _("Die manifest.json der Sicherung nennt einen Pfad außerhalb der Sicherung: %(name)s")
                % {"name": entry["name"]}
            )
        path = folder / entry["name"]
        if not path.is_file() or path.stat().st_size != entry["size"] or _sha256_file(path) != entry["sha256"]:
            damaged.append(entry["name"])
    if damaged:
        raise BackupError(
            _(
                "Die Sicherung ist beschädigt: %(count)s Datei(en) fehlen oder stimmen nicht mit der Prüfsumme überein, z. B. %(names)s. Es wurde nichts verändert."
            )
            % {"count": len(damaged), "names": ", ".join(damaged[:5])}
        )
    return manifest


def content_found(alias: str = "default") -> list[str]:
    """What makes the database not empty: accounts, pages below the home page a fresh `migrate` creates, images,
    documents. A database without tables, or only migrated, is empty."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
    found = []
    checks = [
        (get_user_model(), None, _("%(count)s Benutzerkonten")),
        (Page, {"depth__gt": 2}, _("%(count)s Seiten")),
        (get_image_model(), None, _("%(count)s Bilder")),
        (get_document_model(), None, _("%(count)s Dokumente")),
    ]
    for model, filters, text in checks:
        if model._meta.db_table not in tables:
            continue
        count = model._default_manager.using(alias).filter(**(filters or {})).count()
        if count:
            found.append(text % {"count": count})
    return found


def _check_compatible(manifest: dict, alias: str) -> list[tuple[str, str]]:
    """Refuse a backup from another engine or from a newer portal; return the migrations it still lacks."""
    vendor = connections[alias].vendor
    if manifest.get("engine") != vendor:
        raise BackupError(
            _(
                "Die Sicherung stammt aus einer %(source)s-Datenbank, diese Installation verwendet %(target)s. Stellen "
                "Sie sie in einer Installation mit %(source)s wieder her."
            )
            % {
                "source": ENGINE_NAMES.get(manifest.get("engine"), manifest.get("engine")),
                "target": ENGINE_NAMES.get(vendor, vendor),
            }
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    installed = {config.label for config in apps.get_app_configs()}
    # Rows of an app this installation leaves out come back unused; every other applied migration must exist here.
    applied = {tuple(item) for item in manifest.get("migrations", []) if item[0] in installed}
    unknown = sorted(applied - known)
    if unknown:
        raise BackupError(
            _(
                "Die Sicherung stammt von einer neueren Version des Portals (%(version)s): Diese Installation kennt "
                "%(count)s ihrer Migrationen nicht, z. B. %(names)s. Installieren Sie zuerst dieselbe oder eine neuere "
                "Version des Portals."
            )
            % {
                "version": manifest.get("portal", {}).get("commit", "")[:12] or "?",
                "count": len(unknown),
                "names": ", ".join(f"{app}.{name}" for app, name in unknown[:3]),
            }
        )
    return sorted(known - applied)


def _how_to_empty(vendor: str) -> str:
    if vendor == "postgresql":
        return _(
            "Legen Sie eine neue, leere Datenbank an (z. B. „createdb -O portal portal_neu“), setzen Sie DATABASE_URL "
            "auf sie und rufen Sie restore erneut auf; „manage.py migrate“ vorher ist möglich, aber nicht nötig."
        )
    return _(
        "Setzen Sie DATABASE_URL auf eine neue SQLite-Datei (z. B. sqlite:////srv/portal/neu.sqlite3) oder verschieben "
        "Sie die bisherige Datei zur Seite, und rufen Sie restore erneut auf."
    )


def _restore_sqlite(folder: Path, manifest: dict, alias: str) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError(_("Eine Wiederherstellung kann nicht innerhalb einer Transaktion laufen."))
    source = sqlite3.connect(f"file:{folder / manifest['database']}?mode=ro", uri=True)
    try:
        # The backup API replaces the target's pages in one step: afterwards it is the backup, or (on an error)
        # unchanged.
        source.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(
            _("Die SQLite-Datenbank konnte nicht wiederhergestellt werden; sie ist unverändert: %(error)s")
            % {"error": error}
        ) from error
    finally:
        source.close()
    connection.close()  # the next query opens the restored file afresh


def _restore_postgresql(folder: Path, manifest: dict, alias: str) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    tool = pg_tool("pg_restore", connection.pg_version)
    with connection.cursor() as cursor:
        migrated = bool(connection.introspection.table_names(cursor))
    command = [tool, "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges"]
    if migrated:
        # A migrated-but-empty database: the dump's objects replace those `migrate` created, in the same transaction.
        command += ["--clean", "--if-exists"]
    command += [f"--dbname={connection.settings_dict['NAME']}", str(folder / manifest["database"])]
    connection.close()
    try:
        _run(command, _pg_env(connection.settings_dict), "pg_restore")
    except BackupError as error:
        raise BackupError(
            _("%(error)s Die Datenbank ist unverändert (pg_restore lief in einer einzigen Transaktion).")
            % {"error": error}
        ) from error


def _media_restore(folder: Path, manifest: dict, storage: Storage) -> int:
    written = 0
    for entry in manifest["files"]:
        if not entry["name"].startswith(f"{MEDIA_DIR}/"):
            continue
        name = entry["name"][len(MEDIA_DIR) + 1 :]
        if storage.exists(name):
            with storage.open(name, "rb") as current:
                if hashlib.sha256(current.read()).hexdigest() == entry["sha256"]:
                    continue
            storage.delete(name)
        with (folder / entry["name"]).open("rb") as source:
            saved = storage.save(name, File(source, name=name))
        if saved != name:
            raise BackupError(_("Die Datei %(name)s wurde als %(saved)s gespeichert.") % {"name": name, "saved": saved})
        written += 1
    return written


def backup_restore(
    *,
    path: Path,
    storage: Storage,
    alias: str = "default",
    media_only: bool = False,
    rebuild: Callable[[str], None] | None = None,
    log: Callable[[str], None] = lambda line: None,
) -> RestoreResult:
    """Restore the backup at `path` (folder or archive) into the empty database `alias` and `storage`.

    `rebuild(command)` runs a management command (the commands of BACKUP_REBUILD_COMMANDS, `migrate` for a backup
    from an older portal, `rebuild_references_index` when the reference index is empty); None skips them."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix=".portal-restore-") as scratch:
        folder = _unpack(path, Path(scratch))
        manifest = backup_read(folder)
        log(
            _("Sicherung geprüft: %(files)s Dateien, erstellt am %(date)s.")
            % {
                "files": len(manifest["files"]),
                "date": manifest.get("created_at", "?"),
            }
        )
        pending = _check_compatible(manifest, alias)
        vendor = connections[alias].vendor
        result = RestoreResult(manifest=manifest, tables={}, files=0)
        if not media_only:
            if found := content_found(alias):
                raise BackupError(
                    _(
                        "Die Datenbank enthält bereits Inhalte (%(found)s). Eine Wiederherstellung ist nur in eine "
                        "leere Installation möglich, damit nichts Bestehendes überschrieben wird. %(how)s"
                    )
                    % {"found": ", ".join(found), "how": _how_to_empty(vendor)}
                )
            (_restore_sqlite if vendor == "sqlite" else _restore_postgresql)(folder, manifest, alias)
            log(_("Datenbank wiederhergestellt (%(engine)s).") % {"engine": ENGINE_NAMES[vendor]})
            result.tables = table_counts(alias)
            expected = manifest.get("tables", {})
            wrong = [
                f"{table} ({result.tables.get(table)}/{count})"
                for table, count in expected.items()
                if result.tables.get(table) != count
            ]
            if wrong:
                raise BackupError(
                    _(
                        "Die Datenbank ist wiederhergestellt, aber ihre Zeilenzahlen stimmen nicht mit der Sicherung "
                        "überein (Tabelle (vorhanden/erwartet)): %(tables)s. Prüfen Sie die Sicherung, bevor Sie das "
                        "Portal starten."
                    )
                    % {"tables": "; ".join(wrong[:10])}
                )
            if not manifest.get("renditions", True):
                from wagtail.images import get_image_model

                # Their files were left out: without the rows Wagtail creates each rendition anew on first use.
                get_image_model().get_rendition_model().objects.using(alias).all().delete()
        try:
            result.files = _media_restore(folder, manifest, storage)
        except (OSError, BackupError) as error:
            reason = _("kein Speicherplatz mehr frei") if isinstance(error, OSError) and _no_space(error) else error
            if media_only:
                text = _(
                    "Die Mediendateien wurden nur zum Teil geschrieben (%(reason)s). Beheben Sie die Ursache und "
                    "rufen Sie „manage.py restore --media-only %(path)s“ erneut auf."
                )
            else:
                text = _(
                    "Die Datenbank ist wiederhergestellt, die Mediendateien aber nur zum Teil (%(reason)s). Beheben "
                    "Sie die Ursache und rufen Sie „manage.py restore --media-only %(path)s“ auf."
                )
            raise BackupError(text % {"reason": reason, "path": path}) from error
        log(_("%(count)s Mediendateien geschrieben.") % {"count": result.files})
    if media_only:
        return result
    if rebuild is not None:
        from wagtail.models import Page, ReferenceIndex

        commands = ["migrate"] if pending else []
        if not ReferenceIndex.objects.using(alias).exists() and Page.objects.using(alias).filter(depth__gt=2).exists():
            commands.append("rebuild_references_index")
        for command in [*commands, *settings.BACKUP_REBUILD_COMMANDS]:
            try:
                rebuild(command)
            except (Exception, SystemExit) as error:  # search_reindex exits 1 when the search engine is away
                result.notes.append(
                    _(
                        "„manage.py %(command)s“ ist fehlgeschlagen (%(error)s). Datenbank und Mediendateien sind "
                        "wiederhergestellt; führen Sie den Befehl erneut aus, sobald die Ursache behoben ist."
                    )
                    % {"command": command, "error": error}
                )
                continue
            result.rebuilt.append(command)
        if pending and "migrate" in result.rebuilt:
            result.migrated = [f"{app}.{name}" for app, name in pending]
    elif pending or settings.BACKUP_REBUILD_COMMANDS:
        result.notes.append(
            _("Führen Sie noch aus: %(commands)s.")
            % {
                "commands": ", ".join(
                    f"manage.py {c}" for c in (["migrate"] if pending else []) + settings.BACKUP_REBUILD_COMMANDS
                )
            }
        )
    return result
