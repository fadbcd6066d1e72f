from __future__ import annotations

import html
from dataclasses import dataclass, replace

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.sanitize import strip_tags
from home.translations import selectors as translation_selectors


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str
    summary: str = ""
    active: bool = False
    lang: str = ""  # set when the title is not in the reader's language (a page not translated yet)


def area_items(*, site: Site | None, current_path: str = "") -> list[NavItem]:
    """The portal's areas: menu pages under the home page (in the reader's language), then forum and search; the
    one holding `current_path` is active. Built once per content version and language (core/page_cache.py)."""
    from core.page_cache import cached_fragment

    items = cached_fragment("areas", lambda: _area_items(site), parts=(site.pk if site else None,))
    return [replace(item, active=current_path.startswith(item.url)) for item in items]


def _area_items(site: Site | None) -> list[NavItem]:
    items: list[NavItem] = []
    if site is not None:
        home = translation_selectors.localized(site.root_page)
        pages = home.get_children().live().in_menu().specific()
        reader = get_language() or settings.LANGUAGE_CODE
        # Only translated pages can be waiting for review; German readers get the German tree, never one.
        source = reader == translation_selectors.source_language()
        pending = frozenset() if source else translation_selectors.pending_page_ids()
        for page in pages:
            url = page.get_url()
            # Some sections' introductions are rich text: the tile shows their words, not their markup.
            summary = (
                page.search_description or html.unescape(strip_tags(str(getattr(page, "intro", "") or ""))).strip()
            )
            language = translation_selectors.content_language(page, pending=pending)
            lang = translation_selectors.base_language(language) if language != reader else ""
            items.append(NavItem(page.title, url, summary, lang=lang))
    for title, summary, url in (
        (_("Forum"), _("Fragen stellen und Erfahrungen mit anderen Eltern teilen."), reverse("forum:index")),
        (_("Suche"), _("Alle Inhalte des Portals durchsuchen."), reverse("search")),
    ):
        items.append(NavItem(str(title), url, str(summary)))
    return items


def city_name() -> str:
    """The city the portal serves, as the editors set it in the default site's portal settings (one query).

    Before the settings are first saved (or without a default site) it is the settings' default. Code never
    names the city: addresses, imports and messages ask here; templates read settings.home.PortalSettings."""
    from home.models import PortalSettings

    name = PortalSettings.objects.filter(site__is_default_site=True).values_list("city_name", flat=True).first()
    return name or PortalSettings._meta.get_field("city_name").default
