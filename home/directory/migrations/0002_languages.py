from django.db import migrations

LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "Englisch"),
    ("tr", "Türkisch"),
    ("ar", "Arabisch"),
    ("uk", "Ukrainisch"),
    ("ru", "Russisch"),
    ("pl", "Polnisch"),
    ("fa", "Persisch"),
    ("ku", "Kurdisch"),
    ("fr", "Französisch"),
]


def create_languages(apps, schema_editor):
    Language = apps.get_model("directory", "Language")
    for code, name in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(create_languages, migrations.RunPython.noop)]
