from django.db import migrations

FOCUS = [
    ("Montessori", "montessori"),
    ("Waldorf", "waldorf"),
    ("Zweisprachig", "zweisprachig"),
    ("Bewegungskita", "bewegung"),
    ("Naturkita", "natur"),
    ("Familienzentrum", "familienzentrum"),
    ("Musik", "musik"),
    ("Inklusion", "inklusion"),
]


def create_focus(apps, schema_editor):
    KitaFocus = apps.get_model("kita", "KitaFocus")
    for name, slug in FOCUS:
        KitaFocus.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("kita", "0001_initial")]

    operations = [migrations.RunPython(create_focus, migrations.RunPython.noop)]
