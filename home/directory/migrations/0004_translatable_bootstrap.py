"""Existing rows become the German originals: a locale and a translation key each (Wagtail's documented bootstrap)."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("directory", "0003_translatable_fields")]

    operations = [
        BootstrapTranslatableModel("directory.Language"),
    ]
