from contextlib import contextmanager

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save

from community.accounts.roles_sync import roles_sync
from core.registry import demo_steps
from home.selectors import city_name
from home.translations import demo as translations_demo
from search.services import index_rebuild
from search.signals import search_updates_muted


@contextmanager
def wagtail_indexes_deferred():
    """Wagtail's admin search index and reference index are updated once at the end, not on each of the ~8,000
    saves seeding makes (every page is saved several times: created, revised, published, in seven languages)."""
    from modelsearch import index, signal_handlers
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    saved: set[type] = set()

    def record(sender, raw=False, **kwargs):
        saved.add(sender)

    for model in models:
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
    post_save.connect(record, weak=False)
    try:
        with disable_reference_index_auto_update():
            yield saved
    finally:
        post_save.disconnect(record)
        for model in models:
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)


def wagtail_indexes_rebuild(saved: set[type]) -> None:
    """Rebuild what the seeding changed; a second run that changed nothing costs nothing here."""
    from modelsearch import index
    from wagtail.models import ReferenceIndex

    if saved & set(index.get_indexed_models()):
        call_command("update_index", verbosity=0)  # the admin's page and snippet search
    if any(ReferenceIndex.model_is_indexable(model) for model in saved):
        call_command("rebuild_references_index", verbosity=0)  # "used by" in the admin, unpublishing warnings


class Command(BaseCommand):
    help = "Fills the demo city with every installed app's demo content; running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--languages",
            metavar="en,tr,…",
            help="Nur diese Sprachen mit den Übersetzungen der Demo-Inhalte füllen (Standard: alle; „de“ allein: "
            "keine Übersetzungen). Die übrigen Sprachen werden trotzdem eingeschaltet und zeigen die deutschen Seiten.",
        )
        parser.add_argument(
            "--german-only",
            action="store_true",
            help="Nur die deutsche Demo-Stadt: keine weitere Sprache einschalten (etwa halb so lange; für Tests und "
            "den Smoke-Test). Sprachen lassen sich später im Admin oder mit einem zweiten Lauf einschalten.",
        )

    def handle(self, *args, **options):
        try:
            languages = translations_demo.demo_languages(options["languages"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["german_only"] and languages not in (None, ["de"]):
            raise CommandError("--german-only und --languages mit anderen Sprachen als „de“ schließen sich aus.")
        token = translations_demo.only_languages.set(languages)
        german_token = translations_demo.german_only.set(options["german_only"])
        try:
            with search_updates_muted(), wagtail_indexes_deferred() as saved, transaction.atomic():
                lines = [line for step in demo_steps for line in step.seed()]
                roles_sync()  # grants on section pages the demo just created
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        finally:
            translations_demo.only_languages.reset(token)
            translations_demo.german_only.reset(german_token)
        # One bulk pass instead of an update per seeded page; also fills a configured search cluster.
        result = index_rebuild()
        wagtail_indexes_rebuild(saved)
        lines.append(f"Suche: {result['documents']} Dokumente im Index ({result['engine']})")
        self.stdout.write(f"Demo-Stadt {city_name()}:\n" + "\n".join(lines))
