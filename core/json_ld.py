import json

from django.utils.safestring import mark_safe


def json_ld(data: dict) -> str:
    """schema.org data for a <script type="application/ld+json"> element."""
    # As in Django's json_script: with <, > and & escaped, no text can end the script element early.
    escaped = json.dumps(data, ensure_ascii=False).translate(
        {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
    )
    return mark_safe(escaped)
