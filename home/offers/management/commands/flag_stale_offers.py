from django.core.management.base import BaseCommand

from home.offers.services import offers_flag_stale


class Command(BaseCommand):
    help = "Mails providers and the Redaktion about offers not checked for six months (once per offer and check date)."

    def handle(self, *args, **options):
        self.stdout.write(f"{offers_flag_stale()} Erinnerungen verschickt.")
