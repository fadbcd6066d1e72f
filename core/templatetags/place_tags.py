"""Template helpers for places with opening hours and for event dates."""

from __future__ import annotations

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def moment(value: datetime.datetime | None) -> str:
    """ "heute 14:00", "morgen 09:00" or "Mo., 01.12. 09:00": how people say when a place opens or closes."""
    if value is None:
        return ""
    value = timezone.localtime(value)
    days = (value.date() - timezone.localdate()).days
    time = value.strftime("%H:%M")
    if days == 0:
        return _("heute %(time)s") % {"time": time}
    if days == 1:
        return _("morgen %(time)s") % {"time": time}
    return f"{formats.date_format(value, 'D')}, {value:%d.%m.} {time}"


@register.filter
def weekday_name(number: int) -> str:
    from core.hours import WEEKDAYS

    return str(dict(WEEKDAYS)[number])


@register.filter
def weekday_short(number: int) -> str:
    """ "Mo", "Di" … in the visitor's language (Django's own abbreviations; cutting the full name fails in Arabic)."""
    from django.utils.dates import WEEKDAYS_ABBR

    return str(WEEKDAYS_ABBR[number])


@register.simple_tag
def place_map_points(place) -> list:
    """One marker for a page with `latitude` and `longitude` (an offer, a Kita), for the map component."""
    return [{"title": place.title, "url": place.url, "lat": float(place.latitude), "lon": float(place.longitude)}]
