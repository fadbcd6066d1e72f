"""Reference data that editors translate with wagtail-localize (categories, languages, holidays, …).

Pages and data point to the German originals; a translation only lends its name to readers of its language. The
translated names come from one cached map per model and language, so a list of fifty offers with their categories
costs no query per category.
"""

from __future__ import annotations

import logging
import uuid

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import models
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from wagtail.coreutils import get_supported_content_language_variant

from core.page_cache import cached_fragment, forget_for_request, once_per_request

logger = logging.getLogger(__name__)

CACHE_PREFIX = "translatable"
# Saves and deletes clear the maps at once; the timeout only bounds a change the signals cannot see (a bulk update).
CACHE_SECONDS = 600


def default_language() -> str:
    """The content language of the originals (German)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def active_language() -> str:
    try:
        return get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return default_language()


def base_language(code: str) -> str:
    """Leichte Sprache (de-x-ls) is German to a screen reader; other codes are their own base."""
    return code.split("-")[0]


def originals_only() -> dict:
    """`limit_choices_to` of relations to translatable reference data: pages choose from the German originals."""
    return {"locale__language_code": default_language()}


def lang_marked(text: str, language: str) -> SafeString:
    """`text` for the page in the active language; text in another language is marked, so that screen readers
    switch their voice and German stays left-to-right inside an Arabic page."""
    if base_language(language) == base_language(active_language()):
        return conditional_escape(text)
    return format_html('<span lang="{}" dir="{}">{}</span>', language, _direction(language), text)


def _direction(language: str) -> str:
    try:
        return "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


class TranslatableQuerySet(models.QuerySet):
    def originals(self):
        """The German rows: what pages point to, what filters offer and what slugs and codes are looked up in."""
        return self.filter(**originals_only())


def _cached(key: str, build):
    # Read once per request (a list page asks for every card's names; each ask would be a round trip to Redis).
    return once_per_request(key, lambda: _from_cache(key, build))


def _from_cache(key: str, build):
    # A cache that is away (Redis restarting) costs a query, not the page.
    try:
        value = cache.get(key)
    except Exception:  # noqa: BLE001 - whatever the cache backend raises
        logger.warning("cache unavailable for %s", key, exc_info=True)
        return build()
    if value is None:
        value = build()
        try:
            cache.set(key, value, CACHE_SECONDS)
        except Exception:  # noqa: BLE001
            logger.warning("cache unavailable for %s", key, exc_info=True)
    return value


def _locales_key() -> str:
    return f"{CACHE_PREFIX}:locales"


def _values_key(model, language: str) -> str:
    return f"{CACHE_PREFIX}:{model._meta.label_lower}:{language}"


def locale_codes() -> dict[int, str]:
    from wagtail.models import Locale

    return _cached(_locales_key(), lambda: dict(Locale.objects.values_list("pk", "language_code")))


def translated_values(model, language: str) -> dict[uuid.UUID, tuple]:
    """{translation_key: values of `model.localized_fields`} of the rows in `language`: one query per model and
    language until a row of the model changes."""

    def build():
        rows = model._default_manager.filter(locale__language_code=language).values_list(
            "translation_key", *model.localized_fields
        )
        return {row[0]: row[1:] for row in rows}

    return _cached(_values_key(model, language), build)


def forget_translated_values(model=None) -> None:
    """Clear the cached maps of `model` (all translatable models and the locales when None)."""
    from django.apps import apps

    models_ = [model] if model is not None else [m for m in apps.get_models() if issubclass(m, LocalizedSnippet)]
    keys = [_values_key(m, code) for m in models_ for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if model is None:
        keys.append(_locales_key())
    forget_for_request(*keys)
    try:
        cache.delete_many(keys)
    except Exception:  # noqa: BLE001
        logger.warning("cache unavailable, translated names not cleared", exc_info=True)


class LocalizedSnippet(models.Model):
    """Shared by translatable reference data (combined with Wagtail's TranslatableMixin): the originals-only query
    set and each translatable field in the reader's language, falling back to German."""

    localized_fields: tuple[str, ...] = ("name",)

    objects = TranslatableQuerySet.as_manager()

    class Meta:
        abstract = True

    def localized(self, field: str = "name", *, language: str | None = None) -> tuple[str, str]:
        """(text, its language) of `field` for a reader of `language` (default: the active one)."""
        own = getattr(self, field)
        own_language = locale_codes().get(self.locale_id) or default_language()
        language = language or active_language()
        # A translation shows itself (editors meet those in the admin); an original lends the translation's text.
        if own_language == language or own_language != default_language():
            return own, own_language
        values = translated_values(type(self), language).get(self.translation_key)
        text = values[self.localized_fields.index(field)] if values else ""
        return (text, language) if text else (own, own_language)

    def localized_html(self, field: str = "name") -> SafeString:
        return lang_marked(*self.localized(field))

    @property
    def localized_name(self) -> str:
        return self.localized("name")[0]

    @property
    def localized_name_html(self) -> SafeString:
        """For templates: the name in the reader's language, a German fallback marked lang="de"."""
        return self.localized_html("name")

    def choice_label(self) -> str:
        """How a form lists it (plain text: an <option> holds no markup)."""
        return self.localized_name

    def localized_sort_key(self) -> tuple:
        """Where choices are listed: alphabetical in the reader's language."""
        return (self.localized_name.casefold(),)

    def fallback_attrs(self) -> dict[str, str]:
        """`lang`/`dir` for an element showing the name, when it is in another language than the page."""
        _text, language = self.localized("name")
        if base_language(language) == base_language(active_language()):
            return {}
        return {"lang": language, "dir": _direction(language)}


def localized_sorted(objects):
    return sorted(objects, key=lambda obj: obj.localized_sort_key())


class CachedChoiceIterator(forms.models.ModelChoiceIterator):
    """A filter's choices (districts, categories, providers) read once until content changes, not on every list
    page (core/page_cache.py)."""

    def objects(self) -> list:
        queryset = self.queryset
        try:
            parts = (queryset.model._meta.label, str(queryset.query))
        except EmptyResultSet:  # `.none()`
            return []
        return cached_fragment("choices", lambda: list(queryset), parts=parts)

    def ordered(self) -> list:
        return self.objects()

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from (self.choice(obj) for obj in self.ordered())

    def __len__(self) -> int:
        return len(self.objects()) + (self.field.empty_label is not None)

    def __bool__(self) -> bool:
        return self.field.empty_label is not None or bool(self.objects())


class _LocalizedChoiceIterator(CachedChoiceIterator):
    def ordered(self) -> list:
        return localized_sorted(self.objects())


class CachedModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose choices, and the chosen value, come from the cache (see CachedChoiceIterator)."""

    iterator = CachedChoiceIterator

    def _by_key(self) -> dict[str, models.Model]:
        key = self.to_field_name or "pk"
        return {str(getattr(obj, key)): obj for obj in self.iterator(self).objects()}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, self.queryset.model):
            value = getattr(value, self.to_field_name or "pk")
        found = self._by_key().get(str(value))
        if found is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return found


class CachedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = CachedChoiceIterator

    def _check_values(self, value) -> list:
        """The chosen objects from the cached choices (Django asks the database); a list, in the choices' order."""
        try:
            chosen = {str(item) for item in value}
        except TypeError:
            raise forms.ValidationError(self.error_messages["invalid_list"], code="invalid_list") from None
        key = self.to_field_name or "pk"
        objects = self.iterator(self).objects()
        known = {str(getattr(obj, key)) for obj in objects}
        for item in sorted(chosen - known):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
            )
        return [obj for obj in objects if str(getattr(obj, key)) in chosen]


class LocalizedSelect(forms.Select):
    """A select whose options of German fallbacks carry lang="de" (valid on <option>, read by screen readers)."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        instance = getattr(value, "instance", None)
        if isinstance(instance, LocalizedSnippet):
            option["attrs"].update(instance.fallback_attrs())
        return option


class LocalizedModelChoiceField(CachedModelChoiceField):
    """Choices labelled in the reader's language and sorted in it; values stay the originals' slugs or ids, so a
    filtered address is the same in every language."""

    iterator = _LocalizedChoiceIterator
    widget = LocalizedSelect

    def label_from_instance(self, obj) -> str:
        return obj.choice_label() if isinstance(obj, LocalizedSnippet) else super().label_from_instance(obj)


class LocalizedModelMultipleChoiceField(CachedModelMultipleChoiceField):
    iterator = _LocalizedChoiceIterator

    def label_from_instance(self, obj) -> str:
        return obj.choice_label() if isinstance(obj, LocalizedSnippet) else super().label_from_instance(obj)


def _row_changed(sender, instance=None, **kwargs) -> None:
    from wagtail.models import Locale

    if isinstance(instance, LocalizedSnippet):
        forget_translated_values(type(instance))
    elif isinstance(instance, Locale):
        forget_translated_values()


def _migrated(sender, **kwargs) -> None:
    # Data migrations save historical models, which the row signals above do not recognise.
    forget_translated_values()


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_migrate, post_save

    post_save.connect(_row_changed, dispatch_uid="core.translatable.saved")
    post_delete.connect(_row_changed, dispatch_uid="core.translatable.deleted")
    post_migrate.connect(_migrated, dispatch_uid="core.translatable.migrated")
