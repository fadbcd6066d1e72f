"""The icons and illustrations shipped with the portal (no CDN): names the editors choose from and the tags render.

Icons are Lucide's (ISC license, home/static/portal/icons/LICENSE), copied from the npm package lucide-static
1.62.0; only those listed here are vendored. The illustrations were drawn for the portal."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils.translation import gettext_lazy as _

ICONS = {
    "house": _("Haus"),
    "baby": _("Baby"),
    "blocks": _("Bauklötze (Kita)"),
    "school": _("Schule"),
    "graduation-cap": _("Bildung"),
    "palette": _("Basteln und Kunst"),
    "music": _("Musik"),
    "bike": _("Sport und Bewegung"),
    "tree-pine": _("Natur und Ausflüge"),
    "sun": _("Ferien"),
    "puzzle": _("Spielen"),
    "map-pin": _("Ort"),
    "calendar-days": _("Termine"),
    "clock": _("Öffnungszeiten"),
    "users": _("Familie und Gruppe"),
    "heart-handshake": _("Beratung und Hilfe"),
    "hand-heart": _("Ehrenamt"),
    "stethoscope": _("Gesundheit"),
    "accessibility": _("Barrierefreiheit"),
    "book-open": _("Wiki und Wissen"),
    "messages-square": _("Forum"),
    "search": _("Suche"),
    "megaphone": _("Mitteilung"),
    "bell": _("Benachrichtigung"),
    "info": _("Information"),
    "triangle-alert": _("Warnung"),
    "arrow-right": _("Pfeil"),
}

ILLUSTRATIONS = {
    "familie": _("Familie im Park"),
    "kita": _("Kinder mit Bauklötzen"),
    "treffpunkt": _("Treffpunkt im Stadtteil"),
    "wissen": _("Offenes Buch"),
    "gespraech": _("Eltern im Gespräch"),
}


def icon_choices() -> list[tuple[str, str]]:
    return [(name, label) for name, label in ICONS.items()]


def illustration_choices() -> list[tuple[str, str]]:
    return [(name, label) for name, label in ILLUSTRATIONS.items()]


@cache
def icon_svg(name: str) -> str:
    """The icon's SVG markup without the license comment (read once per process); empty for an unknown name."""
    if name not in ICONS:
        return ""
    found = finders.find(f"portal/icons/{name}.svg")
    if not found:
        return ""
    text = Path(found).read_text(encoding="utf-8")
    return text[text.index("<svg") :].strip()
