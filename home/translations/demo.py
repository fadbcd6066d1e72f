"""The demo city in every language: the translations of the demo content, loaded from `demo_content/<language>.json`
through wagtail-localize's own translation memory (so the Redaktion finds them in the translation editor exactly as
if a translator had typed them); then each locale is switched on, which gives every page still German its alias.

Each file maps a German source string (a wagtail-localize segment: a title, a paragraph, a list item; rich text
keeps its `<a id="a1">` link markers and inline tags) to its translation. A page or snippet is translated when the
file covers all of its text segments (its slug stays German so that URLs match across languages)."""

from __future__ import annotations

import json
from contextvars import ContextVar
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, TranslatableMixin

from home.translations import services
from home.translations.models import PendingTranslation

CONTENT = Path(__file__).resolve().parent / "demo_content"
# Fields whose segments are not text for readers: they keep the German value (URLs stay identical).
UNTRANSLATED_FIELDS = {"slug", "seo_title", "search_description"}


def catalogue(language: str) -> dict[str, str]:
    path = CONTENT / f"{language}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _text_segments(source):
    return [
        segment
        for segment in source.stringsegment_set.select_related("string", "context").order_by("order")
        if segment.context.path.split(".")[0] not in UNTRANSLATED_FIELDS
    ]


def translatable_instances() -> list:
    """German pages (below the root) and translatable snippets of the demo city, in tree order."""
    source_locale = Locale.get_default()
    # Only live pages: a suggestion still waiting for the Redaktion must not go live in another language.
    pages = list(Page.objects.live().filter(locale=source_locale, depth__gt=1).order_by("path").specific())
    snippets = []
    for model in apps.get_models():
        if (
            issubclass(model, TranslatableMixin)
            and not issubclass(model, Page)
            and model._meta.app_label
            not in (
                "wagtailcore",
                "wagtail_localize",
            )
        ):
            if getattr(model, "translatable_fields", None) is None and not hasattr(model, "panels"):
                continue
            snippets.extend(model.objects.filter(locale=source_locale))
    return pages + snippets


@transaction.atomic
def translate_instance(instance, language: str, strings: dict[str, str], *, source=None, segments=None) -> bool:
    """Translate one German page or snippet into `language` if `strings` covers all its text; True if done."""
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    locale = Locale.objects.get(language_code=language)
    existing = instance.get_translation_or_none(locale)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        if not PendingTranslation.objects.filter(page_id=existing.pk).exists():
            return False  # already translated (by the demo earlier or by the Redaktion): leave it
    if source is None:
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        segments = _text_segments(source)
    if not segments or any(segment.string.data not in strings for segment in segments):
        return False
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": strings[segment.string.data],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    Translation.objects.get_or_create(source=source, target_locale=locale)
    if isinstance(instance, Page):
        parent = instance.get_parent()
        if parent.depth > 1 and parent.get_translation_or_none(locale) is None:
            # A section the files do not cover: its German text in that language's tree, as the sync would do.
            parent.copy_for_translation(locale, copy_parents=True, alias=True)
        # Saved as a draft and published here, not in an on_commit callback: the demo (and its tests) see it live.
        translated, _created = source.create_or_update_translation(locale, publish=False, fallback=True)
        translated.get_latest_revision().publish()
    else:
        source.create_or_update_translation(locale, publish=True, fallback=True)
    return True


def _existing_translations(instances: list) -> dict[type, set[tuple]]:
    """(translation key, locale) of every real translation (no alias, none under review), per model."""
    pending = set(PendingTranslation.objects.values_list("page_id", flat=True))
    pages = Page.objects.filter(alias_of__isnull=True).values_list("pk", "translation_key", "locale_id")
    existing: dict[type, set[tuple]] = {Page: {(key, locale) for pk, key, locale in pages if pk not in pending}}
    for model in {type(instance) for instance in instances if not isinstance(instance, Page)}:
        existing[model] = set(model.objects.values_list("translation_key", "locale_id"))
    return existing


# The languages `seed_demo --languages` asked for (None: all). A context variable, because demo steps take no
# arguments (core.registry calls every app's seed() alike).
only_languages: ContextVar[list[str] | None] = ContextVar("demo_languages", default=None)
# `seed_demo --german-only`: no other language is switched on (the German city alone, for tests and the smoke test).
german_only: ContextVar[bool] = ContextVar("demo_german_only", default=False)


def demo_languages(value: str | None) -> list[str] | None:
    """`en,tr` → ["en", "tr"]; a German error for a language the portal does not have."""
    if not value:
        return None
    known = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]  # German alone: no demo translations
    wanted = [code.strip() for code in value.split(",") if code.strip()]
    unknown = [code for code in wanted if code not in known]
    if unknown:
        raise ValueError(
            _("Unbekannte Sprache: %(unknown)s. Möglich sind: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(known)}
        )
    return wanted


def seed() -> list[str]:
    from wagtail_localize.models import TranslationSource

    if german_only.get():
        return []
    every = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]
    chosen = only_languages.get()
    languages = every if chosen is None else [code for code in every if code in chosen]
    # The translations are made first and the locales synchronised afterwards: the sync then makes aliases only
    # for what is still German, instead of an alias for every page that the translation converts right away
    # (which made seeding several times slower). The result is the same as the Redaktion's way round.
    created = [language for language in every if Locale.objects.get_or_create(language_code=language)[1]]
    lines = [f"Sprachen eingeschaltet: {', '.join(created)}"] if created else []
    catalogues = {language: catalogue(language) for language in languages}
    wanted = set().union(*catalogues.values())
    done: dict[str, int] = dict.fromkeys(languages, 0)
    locale_ids = dict(Locale.objects.filter(language_code__in=languages).values_list("language_code", "pk"))
    instances = translatable_instances()
    existing = _existing_translations(instances)
    for instance in instances:
        # Translated into every language already (running the demo again): nothing to read.
        model = Page if isinstance(instance, Page) else type(instance)
        if all(
            (instance.translation_key, locale_ids[language]) in existing.get(model, ())
            for language in languages
            if catalogues[language]
        ):
            continue
        # The German text is read once per page; pages none of the files covers are skipped without a source.
        source = segments = None
        for language in languages:
            strings = catalogues[language]
            if not strings:
                continue
            if source is None:
                source, _created = TranslationSource.update_or_create_from_instance(instance)
                segments = _text_segments(source)
                if not segments or any(segment.string.data not in wanted for segment in segments):
                    break
            done[language] += translate_instance(instance, language, strings, source=source, segments=segments)
    services.locales_enable(every)
    lines += [f"{language}: {count} Seiten und Einträge übersetzt" for language, count in done.items() if count]
    return lines
