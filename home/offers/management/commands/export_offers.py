import json

from django.conf import settings
from django.core.management.base import BaseCommand

from home.offers.exchange import offers_to_csv
from home.offers.hsds import services_export
from home.offers.selectors import published_offers


class Command(BaseCommand):
    help = "Writes all published offers to stdout as CSV or HSDS JSON (the same as /api/v1/offers.csv and .hsds.json)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "hsds"], default="csv")

    def handle(self, *args, format: str, **options):
        base_url = settings.PORTAL_BASE_URL
        if format == "csv":
            self.stdout.write(offers_to_csv(published_offers(), base_url=base_url), ending="")
        else:
            services = services_export(published_offers(), base_url=base_url)
            self.stdout.write(json.dumps(services, ensure_ascii=False, indent=1))
