from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from wagtail.models import Page

from home.accessibility.models import AccessibilityStatementPage, EasyLanguageGuidePage


@dataclass(frozen=True)
class FooterPages:
    statement: Page | None = None
    guide: Page | None = None  # in the reader's language, else German
    easy_guide: Page | None = None  # the guide translated into Leichte Sprache
    sign_language: bool = False  # `guide` has a video in German Sign Language


def footer_pages(*, language: str | None = None) -> FooterPages:
    """The statement and the guide in the reader's language where translated, else German (one query).

    The Leichte Sprache guide counts only once it is a translation of its own: an alias still shows the German text."""
    language = language or get_language() or settings.LANGUAGE_CODE
    codes = {language, settings.LANGUAGE_CODE, settings.EASY_GERMAN}
    pages = list(
        Page.objects.live()
        .type(AccessibilityStatementPage, EasyLanguageGuidePage)
        .filter(locale__language_code__in=codes)
        .select_related("locale", "easylanguageguidepage")
        .order_by("path")
    )

    def pick(model, code):
        return next(
            (p for p in pages if p.specific_class is model and p.locale.language_code == code),
            None,
        )

    statement = pick(AccessibilityStatementPage, language) or pick(AccessibilityStatementPage, settings.LANGUAGE_CODE)
    guide = pick(EasyLanguageGuidePage, language) or pick(EasyLanguageGuidePage, settings.LANGUAGE_CODE)
    easy_guide = pick(EasyLanguageGuidePage, settings.EASY_GERMAN)
    if easy_guide is not None and easy_guide.alias_of_id is not None:
        easy_guide = None
    return FooterPages(
        statement=statement,
        guide=guide,
        easy_guide=easy_guide,
        sign_language=guide is not None and bool(guide.easylanguageguidepage.sign_language_video),
    )


# The footer is on every page: its links come from the cache, refreshed whenever a statement or guide page is saved,
# moved or deleted (signals.py), and at the latest after this long (several processes with a local cache each).
FOOTER_CACHE_SECONDS = 300


def footer_cache_key(language: str) -> str:
    return f"accessibility:footer:{language}"


def footer_urls(*, language: str | None = None) -> dict:
    """The footer's targets as URLs ("statement", "guide", "easy_guide", "sign_language"), cached per language."""
    language = language or get_language() or settings.LANGUAGE_CODE
    key = footer_cache_key(language)
    urls = cache.get(key)
    if urls is None:
        pages = footer_pages(language=language)
        urls = {
            "statement": pages.statement.get_url() if pages.statement else None,
            "guide": pages.guide.get_url() if pages.guide else None,
            "easy_guide": pages.easy_guide.get_url() if pages.easy_guide else None,
            "sign_language": pages.sign_language,
        }
        cache.set(key, urls, FOOTER_CACHE_SECONDS)
    return urls


def footer_cache_clear() -> None:
    cache.delete_many([footer_cache_key(code) for code, _name in settings.LANGUAGES])


def reported_page(request: HttpRequest) -> str:
    """The page a barrier was met on, to pre-fill the form: `?seite=` or the Referer, only if it is one of ours."""
    from core.page_cache import depends_on_header

    depends_on_header(request, "Referer")  # the form names the visitor's previous page
    for candidate in (request.GET.get("seite", ""), request.headers.get("referer", "")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            parts = urlsplit(candidate)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path.startswith("/") and not path.startswith(request.path):
                return request.build_absolute_uri(path)[:500]
    return ""
