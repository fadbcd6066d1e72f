"""What `home` places on the front page itself: the portal's areas as tiles (the menu pages, forum and search)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from core.registry import FrontPagePanel, front_page_panels
from home.selectors import area_items

# Icons for the areas the demo city and most portals have; other sections get a neutral one.
AREA_ICONS = {
    "angebote": "palette",
    "kita": "blocks",
    "familienpunkte": "map-pin",
    "stadtteile": "house",
    "wickeln-stillen": "baby",
    "wiki": "book-open",
    "forum": "messages-square",
    "suche": "search",
    "barrierefreiheit": "accessibility",
}


def section_page(request, home, model):
    """The live section page of `model` right below `home` (e.g. the Kita search), or None. The panels share one
    query for all of the home page's children per request (specific classes, fields of their own deferred)."""
    cache = getattr(request, "_front_page_sections", None)
    if cache is None or cache[0] != home.pk:
        cache = (home.pk, list(home.get_children().live().specific(defer=True)))
        request._front_page_sections = cache
    return next((page for page in cache[1] if isinstance(page, model)), None)


def _area_icon(url: str) -> str:
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    return AREA_ICONS.get(slug, "arrow-right")


def areas_panel(request, home) -> dict:
    if not hasattr(request, "_portal_area_items"):  # shared with the navigation (home.templatetags.portal_tags)
        request._portal_area_items = area_items(site=Site.find_for_request(request), current_path=request.path)
    return {
        "tiles": [{"item": item, "icon": _area_icon(item.url)} for item in request._portal_area_items if item.summary]
    }


front_page_panels.register(
    FrontPagePanel(
        key="bereiche",
        label=_("Alles für Familien an einem Ort"),
        template="home/front_page/areas.html",
        context=areas_panel,
        order=10,
    )
)
