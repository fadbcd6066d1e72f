"""Bidirectional isolation for names and user text placed into translated sentences.

A German place name inside an Arabic sentence (or an Arabic name inside a German one) would otherwise borrow the
sentence's direction and lose its punctuation and number order. The filter wraps the value, so a msgid keeps its
plain placeholder ({{ name }}) and translators never see markup.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def bdi(value) -> str:
    """`<bdi>value</bdi>`: the value takes its own direction from its first strong letter."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)
