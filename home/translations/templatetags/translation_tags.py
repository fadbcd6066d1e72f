"""Reader-facing marks of translated content: the language of each text, the fallback note, language links."""

import functools

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from home.translations import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def content_lang(context, obj, dir=True) -> str:  # noqa: A002  (the HTML attribute's name)
    """` lang="de" dir="ltr"` on an element whose text is not in the reader's language (an untranslated page, a
    category without a translation), so screen readers and translation tools read it right."""
    if obj is None:
        return ""
    language = selectors.content_language(obj, pending=None)
    if language == (get_language() or settings.LANGUAGE_CODE):
        return ""
    code = selectors.base_language(language)
    if not dir:  # the element has dir="auto" of its own
        return mark_safe(f' lang="{code}"')
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return mark_safe(f' lang="{code}" dir="{direction}"')


@register.simple_tag
def localized(obj):
    """The translation of a snippet (category, Kita focus, language) in the reader's language, else the original."""
    return getattr(obj, "localized", obj) if obj is not None else None


@register.inclusion_tag("translations/notice.html", takes_context=True)
def translation_notice(context) -> dict:
    page = context.get("page")
    if not isinstance(page, Page):
        return {}
    state = selectors.page_state(page, request=context.get("request"))
    return {"state": state, "source_url": state.source.url if state.source is not None else ""}


def _page_urls(page: Page | None, request) -> dict[str, Page]:
    return selectors.versions_by_language(page, request=request) if isinstance(page, Page) else {}


def _translated_path(path: str, language: str) -> str:
    """The same view in `language`; a path that is not ours (an error page's, say) leads to that language's home."""
    return _translated_path_in(path, language, get_language())


@functools.lru_cache(maxsize=4096)
def _translated_path_in(path: str, language: str, active: str | None) -> str:
    # Resolving a path and reversing it in another language depends only on the URL configuration (fixed for the
    # process) and the active language: worked out once per path, not six times on every page without a Wagtail page.
    if path.startswith("/") and not path.startswith("//"):
        translated = translate_url(path, language)
        if translated != path or path.startswith(f"/{language}/"):
            return translated
    return f"/{language}/"


@receiver(setting_changed)
def _urls_changed(*, setting, **kwargs) -> None:
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"}:  # tests that swap them
        _translated_path_in.cache_clear()


@register.inclusion_tag("translations/language_links.html", takes_context=True)
def language_links(context) -> dict:
    """One link per interface language to this page (or view) in that language; Leichte Sprache only where an
    easy-to-read version of this page exists."""
    request = context.get("request")
    current = get_language() or settings.LANGUAGE_CODE
    page = context.get("page")
    versions = _page_urls(page, request) if request is not None else {}
    path = request.get_full_path() if request is not None else "/"
    links = []
    for code, _name in settings.LANGUAGES:
        if code == settings.EASY_GERMAN:
            continue
        info = get_language_info(code)
        version = versions.get(code)
        url = version.url if version is not None else _translated_path(path, code)
        links.append({"code": code, "name": info["name_local"], "url": url, "current": code == current})
    easy = versions.get(settings.EASY_GERMAN)
    easy_url = ""
    if (
        easy is not None
        and not easy.alias_of_id
        and current != settings.EASY_GERMAN
        and easy.pk not in selectors.pending_page_ids(request)
    ):
        easy_url = easy.url
    standard_url = ""
    if current == settings.EASY_GERMAN:
        german = versions.get(settings.LANGUAGE_CODE)
        standard_url = german.url if german is not None else _translated_path(path, settings.LANGUAGE_CODE)
    return {"links": links, "easy_url": easy_url, "standard_url": standard_url, "current": current}


@register.inclusion_tag("translations/alternates.html", takes_context=True)
def alternate_links(context) -> dict:
    """hreflang alternates for what really exists in each language (no aliases, no copies under review)."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or request is None:
        return {}
    versions = selectors.existing_versions(page, request=request)
    alternates = [{"hreflang": code, "url": version.get_full_url(request)} for code, version in versions.items()]
    default = next((item for item in alternates if item["hreflang"] == settings.LANGUAGE_CODE), None)
    return {"alternates": alternates if len(alternates) > 1 else [], "default": default}
