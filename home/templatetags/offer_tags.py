import json

from django import template
from django.utils.safestring import mark_safe

from home.offers.structured_data import offer_json_ld as build_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def offer_json_ld(context, offer) -> str:
    return json_ld(build_json_ld(offer=offer, url=context["request"].build_absolute_uri(offer.url)))


def json_ld(data: dict) -> str:
    # As in Django's json_script: with <, > and & escaped, no text can end the script element early.
    escaped = json.dumps(data, ensure_ascii=False).translate({ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"})
    return mark_safe(escaped)


@register.simple_tag
def offer_map_points(offer) -> list:
    return [{"title": offer.title, "url": offer.url, "lat": float(offer.latitude), "lon": float(offer.longitude)}]
