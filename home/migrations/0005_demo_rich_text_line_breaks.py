"""The demo Impressum was written with HTML line breaks (<br>) that Wagtail's rich text editor cannot read
("Unmatched tags: expected br, got p"): store them as Wagtail writes them (<br/>), in the pages and their revisions.
Wagtail itself never stores <br>, so this touches only text that came in from outside the editor."""

import json
import re

from django.db import migrations

UNCLOSED_BR = re.compile(r"<br\s*>", re.IGNORECASE)


def _fixed(value):
    if isinstance(value, str):
        return UNCLOSED_BR.sub("<br/>", value)
    if isinstance(value, list):
        return [_fixed(item) for item in value]
    if isinstance(value, dict):
        return {key: _fixed(item) for key, item in value.items()}
    return value


def close_line_breaks(apps, schema_editor):
    ContentPage = apps.get_model("home", "ContentPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    for page in ContentPage.objects.all():
        raw = list(page.body.raw_data)
        fixed = _fixed(raw)
        if fixed != raw:
            page.body = fixed
            page.save(update_fields=["body"])
    content_type = ContentType.objects.filter(app_label="home", model="contentpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        body = revision.content.get("body")
        if not UNCLOSED_BR.search(json.dumps(body)):
            continue
        # A revision keeps the stream as JSON text (or, written by older code, as a list).
        revision.content["body"] = json.dumps(_fixed(json.loads(body))) if isinstance(body, str) else _fixed(body)
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_front_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(close_line_breaks, migrations.RunPython.noop)]
