"""Reads about translated content: which language a reader really gets, and what exists in which language."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.utils import translation
from wagtail.models import Locale, Page

from core.page_cache import cached_fragment, forget_for_request, once_per_request
from home.translations.models import PendingTranslation

# Shared by all workers through Django's cache (Redis in production); dropped whenever locales, their
# synchronisation or pending translations change (signals), so a minute-long lifetime is only a safety net.
LOCALES_KEY = "translations:locales"
PENDING_KEY = "translations:pending"
TIMEOUT = 60


def clear_caches() -> None:
    cache.delete_many([LOCALES_KEY, PENDING_KEY])
    forget_for_request(LOCALES_KEY, PENDING_KEY)


def _locales() -> dict[int, tuple[str, int | None]]:
    """Locale id → (language code, id of the locale it is synchronised from), in one query."""
    return once_per_request(LOCALES_KEY, _read_locales)


def _read_locales() -> dict[int, tuple[str, int | None]]:
    data = cache.get(LOCALES_KEY)
    if data is None:
        from wagtail_localize.models import LocaleSynchronization

        sync_from = LocaleSynchronization.objects.filter(locale=OuterRef("pk")).values("sync_from")[:1]
        data = {
            pk: (code, source)
            for pk, code, source in Locale.objects.annotate(sync_from=Subquery(sync_from)).values_list(
                "id", "language_code", "sync_from"
            )
        }
        cache.set(LOCALES_KEY, data, TIMEOUT)
    return data


def locale_codes() -> dict[int, str]:
    return {pk: code for pk, (code, _source) in _locales().items()}


def localized(page: Page) -> Page:
    """`page` in the active language when it exists there, else `page`: Wagtail's `page.localized`, but with the
    locale taken from the cached locale map instead of a query on every request (the menu asks on every page)."""
    language = translation.get_language() or source_language()
    locale_id = next((pk for pk, (code, _source) in _locales().items() if code == language), None)
    if locale_id is None or locale_id == page.locale_id:
        return page
    translated = page.get_translation_or_none(locale_id)
    return translated if translated is not None and translated.live else page


def source_language() -> str:
    return settings.LANGUAGE_CODE


def base_language(code: str) -> str:
    """Leichte Sprache is German for screen readers and the interface; others are their own base."""
    return code.split("-")[0]


def pending_page_ids(request=None) -> frozenset[int]:
    """Pages whose first translation is still under review (a handful at any time)."""
    return once_per_request(PENDING_KEY, _read_pending_page_ids)


def _read_pending_page_ids() -> frozenset[int]:
    ids = cache.get(PENDING_KEY)
    if ids is None:
        ids = frozenset(PendingTranslation.objects.values_list("page_id", flat=True))
        cache.set(PENDING_KEY, ids, TIMEOUT)
    return ids


def content_language(obj, *, pending: frozenset[int] | None = frozenset()) -> str:
    """The language of the text a reader gets from a page or translatable snippet (`pending=None`: look the pages
    under review up only if `obj` could be one, which a German original or an alias never is)."""
    locales = _locales()
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return source_language()
    if isinstance(obj, Page):
        if obj.alias_of_id:
            # Aliases come from the locale synchronisation: they show the text of the locale synced from.
            synced_from = locales.get(locale_id, ("", None))[1]
            return locales[synced_from][0] if synced_from in locales else source_language()
        language = locales.get(locale_id, (source_language(), None))[0]
        if language != source_language() and obj.pk in (pending_page_ids() if pending is None else pending):
            return source_language()
        return language
    return locales.get(locale_id, (source_language(), None))[0]


def is_fallback(obj, *, pending: frozenset[int] = frozenset(), language: str | None = None) -> bool:
    """Does the reader in `language` (default: the active one) get text in another language from `obj`?"""
    language = language or translation.get_language() or source_language()
    return content_language(obj, pending=pending) != language


@dataclass(frozen=True)
class TranslationState:
    status: str  # "source", "translated", "untranslated" or "outdated"
    source: Page | None = None
    source_changed_at: datetime.datetime | None = None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (language code, URL) of what exists


def _source_page(page: Page) -> Page | None:
    return (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=source_language())
        .exclude(pk=page.pk)
        .first()
    )


def page_state(page: Page, *, request=None) -> TranslationState:
    """What a reader of `page` should be told: untranslated (German shown), outdated, or nothing."""
    codes = locale_codes()
    if codes.get(page.locale_id) == source_language() and not page.alias_of_id:
        return TranslationState("source")
    source = versions_by_language(page, request=request).get(source_language()) or _source_page(page)
    pending = pending_page_ids(request)
    if page.alias_of_id or page.pk in pending:
        return TranslationState("untranslated", source=source)
    if (
        source is not None
        and source.last_published_at
        and page.last_published_at
        and source.last_published_at > page.last_published_at
    ):
        return TranslationState("outdated", source=source, source_changed_at=source.last_published_at)
    return TranslationState("translated", source=source)


def versions_by_language(page: Page, *, request=None) -> dict[str, Page]:
    """Every live page of the same content (aliases included), by language code: one query per request."""
    if request is not None and getattr(request, "_portal_page_versions", (None,))[0] == page.pk:
        return request._portal_page_versions[1]
    codes = locale_codes()

    def live_versions() -> list[Page]:
        return list(
            Page.objects.live()
            .filter(translation_key=page.translation_key)
            .only("id", "url_path", "locale_id", "alias_of_id", "translation_key", "depth", "path", "last_published_at")
        )

    # Every page's header asks (hreflang, language menu): kept until content changes (core/page_cache.py).
    found = cached_fragment("page-versions", live_versions, parts=(str(page.translation_key),))
    versions = {codes.get(version.locale_id, ""): version for version in found}
    if request is not None:
        request._portal_page_versions = (page.pk, versions)
    return versions


def existing_versions(page: Page, *, request=None) -> dict[str, Page]:
    """The live versions of `page` really written in their language (no aliases, no copies under review)."""
    pending = pending_page_ids(request)
    order = [code for code, _name in settings.LANGUAGES]
    versions = versions_by_language(page, request=request)
    return {
        code: versions[code]
        for code in order
        if code in versions and not versions[code].alias_of_id and versions[code].pk not in pending
    }


def outdated_translations() -> list[tuple[Page, Page]]:
    """(translation, German source) pairs whose source was published after the translation: for the Redaktion."""
    source_locale = Locale.objects.filter(language_code=source_language()).first()
    if source_locale is None:
        return []
    sources = {
        page.translation_key: page
        for page in Page.objects.filter(locale=source_locale, live=True).only(
            "id", "title", "translation_key", "last_published_at", "locale_id"
        )
    }
    pending = pending_page_ids()
    result = []
    translations = (
        Page.objects.exclude(locale=source_locale)
        .filter(alias_of__isnull=True, live=True, translation_key__in=list(sources))
        .select_related("locale")
        .order_by("locale__language_code", "path")
    )
    for page in translations:
        source = sources[page.translation_key]
        if page.pk in pending or not (source.last_published_at and page.last_published_at):
            continue
        if source.last_published_at > page.last_published_at:
            result.append((page, source))
    return result


def pending_translations():
    return PendingTranslation.objects.select_related("page", "page__locale").order_by("created_at")
