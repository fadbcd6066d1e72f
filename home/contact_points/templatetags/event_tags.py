from django import template

from core.json_ld import json_ld
from home.contact_points.structured_data import event_json_ld as build_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def event_json_ld(context, event, point, next_dates) -> str:
    absolute = context["request"].build_absolute_uri
    return json_ld(
        build_json_ld(
            event=event,
            point=point,
            url=absolute(event.url),
            point_url=absolute(point.url),
            next_date=next_dates[0] if next_dates else None,
        )
    )
