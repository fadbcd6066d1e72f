from django.core.management.base import BaseCommand

from community.forum.services import forum_digests_send


class Command(BaseCommand):
    help = "Verschickt die tägliche Forum-Zusammenfassung an alle, die sie gewählt haben (jeder Hinweis nur einmal)."

    def handle(self, *args, **options):
        self.stdout.write(f"Zusammenfassungen verschickt: {forum_digests_send()}")
