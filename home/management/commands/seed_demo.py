from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

import community.demo
import home.demo


class Command(BaseCommand):
    help = "Fills the demo city Mülheim an der Ruhr; running it again changes nothing."

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                lines = home.demo.seed() + community.demo.seed()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        self.stdout.write("\n".join(lines))
