"""Tags of the home page: inline icons, and the panels the apps register (core.registry.front_page_panels)."""

from __future__ import annotations

import re

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.page_cache import cached_fragment
from core.registry import front_page_panels
from home.icons import icon_svg

register = template.Library()

SVG_OPEN = re.compile(r"<svg\b[^>]*>")


@register.simple_tag
def icon(name: str, css_class: str = "icon", size: int = 24) -> str:
    """An inline icon, hidden from screen readers: the text beside it says what it means."""
    svg = icon_svg(name)
    if not svg:
        return ""
    opening = format_html(
        '<svg class="{}" xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 24 24" fill="none" '
        'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" '
        'aria-hidden="true" focusable="false">',
        css_class,
        size,
        size,
    )
    return mark_safe(SVG_OPEN.sub(lambda _m: opening, svg, count=1))  # noqa: S308  (our own vendored files)


def panel_by_key(key: str):
    return next((panel for panel in front_page_panels if panel.key == key), None)


@register.simple_tag(takes_context=True)
def front_page_panel(context, key: str, heading: str = "", anchor: str = "") -> str:
    """One registered panel, rendered with its own context; nothing when its app is not installed or its section is missing."""
    panel = panel_by_key(key)
    request = context.get("request")
    home = context.get("page")
    if panel is None or request is None or home is None:
        return ""

    def render() -> str:
        panel_context = panel.context(request, home)
        if panel_context is None:
            return ""
        return render_to_string(
            panel.template,
            {
                **panel_context,
                "heading": heading or panel.label,
                "custom_heading": bool(heading),  # the Redaktion's words, in the page's language
                "anchor": f"panel-{anchor or panel.key}",
                "panel_key": panel.key,
                "page": home,
            },
            request=request,
        )

    if getattr(request, "is_preview", False):
        return render()
    # Kept under the content version, so the home page is not rebuilt from its panels' queries at every request
    # (core/page_cache.py; "today" and "open now" expire when they change): one copy for everybody, or one per
    # member for a panel showing what that member may read.
    user = getattr(request, "user", None)
    reader = user.pk if panel.personal and user is not None and user.is_authenticated else None
    return mark_safe(  # noqa: S308 (rendered by our template above, escaped there)
        cached_fragment("front-panel", render, parts=(panel.key, heading, anchor, home.pk, reader))
    )
