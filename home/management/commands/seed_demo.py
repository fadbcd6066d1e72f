from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

import community.demo
import community.wiki.demo
import home.changing_places.demo
import home.contact_points.demo
import home.demo
import home.districts.demo
import home.kita.demo
import home.offers.demo
from community.services import roles_sync
from search.services import index_rebuild
from search.signals import search_updates_muted


class Command(BaseCommand):
    help = "Fills the demo city Mülheim an der Ruhr; running it again changes nothing."

    def handle(self, *args, **options):
        try:
            with search_updates_muted(), transaction.atomic():
                lines = (
                    home.demo.seed() + community.demo.seed() + home.offers.demo.seed() + home.kita.demo.seed()
                    + home.contact_points.demo.seed() + home.districts.demo.seed() + home.changing_places.demo.seed() + community.wiki.demo.seed()
                )
                roles_sync()  # grants on section pages the demo just created
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        # One bulk pass instead of an update per seeded page; also fills a configured search cluster.
        result = index_rebuild()
        lines.append(f"Suche: {result['documents']} Dokumente im Index ({result['engine']})")
        self.stdout.write("\n".join(lines))
