from django.core.management.base import BaseCommand

from home.contact_points.services import volunteer_reminders_send


class Command(BaseCommand):
    help = "Erinnert Helferinnen und Helfer per E-Mail an ihre Schicht am nächsten Tag (jede Anmeldung nur einmal)."

    def handle(self, *args, **options):
        sent = volunteer_reminders_send()
        self.stdout.write(f"Erinnerungen verschickt: {sent}")
