import datetime
from pathlib import Path

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Schreibt eine Sicherung des Portals: Datenbank (pg_dump bzw. SQLite-Backup), Mediendateien und ein Manifest "
        "mit Zeilenzahlen und Prüfsummen, als Ordner oder .tar.gz-Archiv. Der Suchindex wird nicht gesichert."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help="Ziel: ein neuer Ordner oder eine Datei mit der Endung .tar.gz (Standard: "
            "portal-backup-<Datum>-<Uhrzeit>.tar.gz im aktuellen Ordner).",
        )
        parser.add_argument(
            "--without-renditions",
            action="store_true",
            help="Bildvarianten (Renditions) nicht sichern; Wagtail erzeugt sie nach der Wiederherstellung neu.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Die zu sichernde Datenbank (Alias).")

    def handle(self, *args, **options):
        output = options["output"] or f"portal-backup-{datetime.datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        try:
            result = backup_create(
                output=Path(output),
                storage=storages["default"],
                alias=options["database"],
                renditions=not options["without_renditions"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        manifest = result.manifest
        media = [entry for entry in manifest["files"] if entry["name"].startswith("media/")]
        rows = sum(manifest["tables"].values())
        size = sum(entry["size"] for entry in manifest["files"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Sicherung geschrieben: {result.path} ({manifest['engine']}, {len(manifest['tables'])} Tabellen mit "
                f"{rows} Zeilen, {len(media)} Mediendateien, {size / 1024 / 1024:.1f} MB unkomprimiert)"
            )
        )
        for name in manifest["missing_files"]:
            self.stderr.write(f"Während der Sicherung gelöscht, nicht enthalten: {name}")
