from django.db import migrations, models


def install(apps, schema_editor):
    from search.engines.database import fts_install

    fts_install(schema_editor)


def uninstall(apps, schema_editor):
    from search.engines.database import fts_uninstall

    fts_uninstall(schema_editor)


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=40, unique=True)),
                ("kind", models.CharField(db_index=True, max_length=30)),
                ("title", models.CharField(max_length=255)),
                ("text", models.TextField(blank=True)),
                ("url", models.CharField(max_length=500)),
                ("language", models.CharField(default="de", max_length=10)),
                ("translated_to", models.JSONField(blank=True, default=list)),
                ("district", models.CharField(blank=True, max_length=100)),
                ("categories", models.JSONField(blank=True, default=list)),
                ("age_min_months", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("age_max_months", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("free_of_charge", models.BooleanField(null=True)),
                ("latitude", models.FloatField(blank=True, null=True)),
                ("longitude", models.FloatField(blank=True, null=True)),
                ("date_start", models.DateField(blank=True, null=True)),
                ("date_end", models.DateField(blank=True, null=True)),
                ("visibility", models.CharField(default="public", max_length=10)),
                ("boost", models.FloatField(default=1.0)),
                ("title_tokens", models.TextField(blank=True)),
                ("body_tokens", models.TextField(blank=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("engine_pending", models.BooleanField(db_index=True, default=False)),
            ],
            options={"verbose_name": "Sucheintrag", "verbose_name_plural": "Sucheinträge"},
        ),
        migrations.CreateModel(
            name="SearchTombstone",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=40, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
        ),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=40, unique=True)),
                ("folded", models.CharField(db_index=True, max_length=40)),
            ],
        ),
        migrations.RunPython(install, uninstall),
    ]
