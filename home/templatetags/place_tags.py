"""Template helpers for places with opening hours and for event dates."""

from __future__ import annotations

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def moment(value: datetime.datetime | None) -> str:
    """"heute 14:00", "morgen 09:00" or "Mo., 01.12. 09:00": how people say when a place opens or closes."""
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
    from home.offers.models.pages import WEEKDAYS

    return str(dict(WEEKDAYS)[number])


@register.simple_tag(takes_context=True)
def event_json_ld(context, event, point, next_dates) -> str:
    from home.contact_points.structured_data import event_json_ld as build_json_ld
    from home.templatetags.offer_tags import json_ld

    absolute = context["request"].build_absolute_uri
    return json_ld(build_json_ld(
        event=event, point=point, url=absolute(event.url), point_url=absolute(point.url),
        next_date=next_dates[0] if next_dates else None,
    ))
