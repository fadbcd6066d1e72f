from django.core.management.base import BaseCommand

from core.background import outbox_drain, outbox_waiting


class Command(BaseCommand):
    help = "Veröffentlicht Hintergrundaufgaben, die noch nicht beim Broker angekommen sind (z. B. nach einem Ausfall von Redis)."

    def handle(self, *args, **options):
        published = outbox_drain()
        self.stdout.write(f"Veröffentlicht: {published}, noch wartend: {outbox_waiting()}")
