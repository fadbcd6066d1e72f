from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from community.accounts.roles_sync import roles_sync
from core.registry import demo_steps
from home.selectors import city_name
from search.services import index_rebuild
from search.signals import search_updates_muted


class Command(BaseCommand):
    help = "Fills the demo city with every installed app's demo content; running it again changes nothing."

    def handle(self, *args, **options):
        try:
            with search_updates_muted(), transaction.atomic():
                lines = [line for step in demo_steps for line in step.seed()]
                roles_sync()  # grants on section pages the demo just created
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        # One bulk pass instead of an update per seeded page; also fills a configured search cluster.
        result = index_rebuild()
        lines.append(f"Suche: {result['documents']} Dokumente im Index ({result['engine']})")
        self.stdout.write(f"Demo-Stadt {city_name()}:\n" + "\n".join(lines))
