from django import template

from core.json_ld import json_ld
from home.offers.structured_data import offer_json_ld as build_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def offer_json_ld(context, offer) -> str:
    return json_ld(build_json_ld(offer=offer, url=context["request"].build_absolute_uri(offer.url)))
