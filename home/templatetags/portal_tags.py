from django import template
from wagtail.models import Site

from core.registry import footer_links as footer_link_registry
from home.selectors import area_items

register = template.Library()


def _items_for(context) -> list:
    request = context.get("request")
    if request is None:
        return []
    # One lookup per request, shared by the navigation and the home page tiles.
    if not hasattr(request, "_portal_area_items"):
        request._portal_area_items = area_items(site=Site.find_for_request(request), current_path=request.path)
    return request._portal_area_items


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context) -> dict:
    return {"items": _items_for(context)}


@register.simple_tag(takes_context=True)
def area_tiles(context) -> list:
    return [item for item in _items_for(context) if item.summary]


@register.simple_tag(takes_context=True)
def footer_links(context) -> list:
    """The links the installed apps add to the footer (accessibility statement, Leichte Sprache, …)."""
    request = context.get("request")
    return [link for entry in footer_link_registry for link in entry.links(request)]


@register.filter
def age_label(months: int | None) -> str:
    """An age given in months as parents say it: "6 Monate", "1 Jahr", "3 Jahre"."""
    from django.utils.translation import ngettext

    if months is None:
        return ""
    if months < 24 and months % 12:
        return ngettext("%(count)d Monat", "%(count)d Monate", months) % {"count": months}
    years = months // 12
    return ngettext("%(count)d Jahr", "%(count)d Jahre", years) % {"count": years}
