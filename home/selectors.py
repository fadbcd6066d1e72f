from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str
    summary: str = ""
    active: bool = False


def area_items(*, site: Site | None, current_path: str = "") -> list[NavItem]:
    """The portal's areas: menu pages under the home page (in the reader's language), then forum and search."""
    items: list[NavItem] = []
    if site is not None:
        home = site.root_page.localized
        pages = home.get_children().live().in_menu().specific()
        for page in pages:
            url = page.get_url()
            summary = page.search_description or getattr(page, "intro", "")
            items.append(NavItem(page.title, url, summary, active=current_path.startswith(url)))
    for title, summary, url in (
        (_("Forum"), _("Fragen stellen und Erfahrungen mit anderen Eltern teilen."), reverse("forum:index")),
        (_("Suche"), _("Alle Inhalte des Portals durchsuchen."), reverse("search")),
    ):
        items.append(NavItem(title, url, summary, active=current_path.startswith(url)))
    return items


def city_name() -> str:
    """The city the portal serves, as the editors set it in the default site's portal settings (one query).

    Before the settings are first saved (or without a default site) it is the settings' default. Code never
    names the city: addresses, imports and messages ask here; templates read settings.home.PortalSettings."""
    from home.models import PortalSettings

    name = PortalSettings.objects.filter(site__is_default_site=True).values_list("city_name", flat=True).first()
    return name or PortalSettings._meta.get_field("city_name").default
