from pathlib import Path

from django.core.cache import caches
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Stellt eine Sicherung (Ordner oder .tar.gz von „manage.py backup“) in einer leeren Installation wieder her: "
        "prüft das Manifest, spielt Datenbank und Mediendateien ein und baut die Suchindizes neu auf."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="Der Sicherungsordner oder das .tar.gz-Archiv.")
        parser.add_argument(
            "--media-only",
            action="store_true",
            help="Nur die Mediendateien schreiben (nach einer abgebrochenen Wiederherstellung); die Datenbank bleibt.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Die Zieldatenbank (Alias).")

    def handle(self, *args, **options):
        alias = options["database"]

        def rebuild(command: str) -> None:
            self.stdout.write(f"manage.py {command} …")
            call_command(command, **({"database": alias} if command == "migrate" else {}), stdout=self.stdout)

        try:
            result = backup_restore(
                path=Path(options["backup"]),
                storage=storages["default"],
                alias=alias,
                media_only=options["media_only"],
                # The rebuild commands work on the default database only.
                rebuild=rebuild if alias == DEFAULT_DB_ALIAS else None,
                log=self.stdout.write,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        # Cached ids and pages belong to the database that was there before.
        for cache in caches.all(initialized_only=True):
            cache.clear()
        if result.tables:
            self.stdout.write(f"{len(result.tables)} Tabellen mit {sum(result.tables.values())} Zeilen:")
            for table, count in result.tables.items():
                if count:
                    self.stdout.write(f"  {table}: {count}")
        if result.migrated:
            self.stdout.write(f"Nachgeholte Migrationen: {', '.join(result.migrated)}")
        if result.rebuilt:
            self.stdout.write(f"Neu aufgebaut: {', '.join(result.rebuilt)}")
        for note in result.notes:
            self.stderr.write(self.style.WARNING(note))
        self.stdout.write(self.style.SUCCESS(f"Wiederhergestellt: {result.files} Mediendateien geschrieben."))
