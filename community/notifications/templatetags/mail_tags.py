"""What every mail of the portal signs with: the public address from the settings, never the host a process runs on."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def portal_url(path: str = "") -> str:
    """settings.PORTAL_BASE_URL joined with `path`: mails are rendered outside a request (tasks) or behind a proxy."""
    return settings.PORTAL_BASE_URL.rstrip("/") + (path if path.startswith("/") or not path else "/" + path)
