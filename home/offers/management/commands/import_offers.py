from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.offers.admin_views import parse_upload
from home.offers.models import OfferIndexPage
from home.offers.services import offers_import


class Command(BaseCommand):
    help = "Imports offers from CSV or HSDS JSON; checks only unless --commit, and then all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--commit", action="store_true", help="really import (default: dry run)")

    def handle(self, *args, file: Path, commit: bool, **options):
        if not file.exists():
            raise CommandError(f"Datei nicht gefunden: {file}")
        index = OfferIndexPage.objects.first()
        if index is None:
            raise CommandError("Es gibt noch keine Angebotsliste (OfferIndexPage) im Seitenbaum.")
        report = offers_import(
            rows=parse_upload(name=file.name, content=file.read_bytes()), index=index, dry_run=not commit
        )
        for position, reason in report.errors:
            self.stderr.write(f"{position}: {reason}")
        self.stdout.write(report.summary())
        if report.errors:
            raise CommandError("Import abgebrochen.")
