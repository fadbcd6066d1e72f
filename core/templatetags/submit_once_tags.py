"""`{% submit_once %}` inside a form that creates something: the form's key for core/submit_once.py.

The first form on a page also brings the script that stops a second click (portal/js/submit-once.js, served from
the portal's static files); the server's check is the guarantee, the script only spares the wait."""

from __future__ import annotations

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from core.submit_once import SUBMIT_KEY_FIELD, new_submit_key

register = template.Library()


@register.simple_tag(takes_context=True)
def submit_once(context) -> str:
    # A fresh key at every rendering: a form that comes back with errors is a new attempt.
    field = format_html('<input type="hidden" name="{}" value="{}">', SUBMIT_KEY_FIELD, new_submit_key())
    request = context.get("request")
    if request is None or getattr(request, "_submit_once_script", False):
        return field
    request._submit_once_script = True
    return field + format_html('<script src="{}" defer></script>', static("portal/js/submit-once.js"))
