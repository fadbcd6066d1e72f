from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.offers.exchange import parse_upload
from home.offers.models import OfferIndexPage
from home.offers.services import ImportRowResult, offers_import


class Command(BaseCommand):
    help = "Imports offers from CSV or HSDS JSON; checks only unless --commit, and then all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--commit", action="store_true", help="really import (default: dry run)")
        parser.add_argument("--report", type=Path, help="also write the report as CSV to this file")

    def handle(self, *args, file: Path, commit: bool, report: Path | None = None, **options):
        if not file.exists():
            raise CommandError(f"Datei nicht gefunden: {file}")
        index = OfferIndexPage.objects.first()
        if index is None:
            raise CommandError("Es gibt noch keine Angebotsliste (OfferIndexPage) im Seitenbaum.")

        def progress(done: int, total: int, row: ImportRowResult) -> None:
            # One line per row as it is done: a long import shows that it moves, and where it stands.
            self.stdout.write(f"[{done}/{total}] {row.position} – {row.status_label} – {row.title}")

        result = offers_import(
            rows=parse_upload(name=file.name, content=file.read_bytes()),
            index=index,
            dry_run=not commit,
            progress=progress if options.get("verbosity", 1) >= 1 else None,
        )
        if report is not None:
            report.write_text("\ufeff" + result.as_csv(), encoding="utf-8")
        for position, reason in result.errors:
            self.stderr.write(f"{position}: {reason}")
        self.stdout.write(result.summary())
        if result.errors:
            raise CommandError("Import abgebrochen.")
