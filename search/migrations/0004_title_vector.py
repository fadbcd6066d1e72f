"""PostgreSQL: the title's forms in a vector of their own (search/engines/database.py, `_candidates`), filled from
the entries as they are; SQLite's full-text table has the title as a column already."""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from search.engines.database import DatabaseEngine, fts_install

    fts_install(schema_editor)
    SearchEntry = apps.get_model("portal_search", "SearchEntry")
    ids = list(SearchEntry.objects.values_list("pk", flat=True))
    engine = DatabaseEngine()
    for start in range(0, len(ids), 2000):
        engine.index_entries(list(SearchEntry.objects.filter(pk__in=ids[start : start + 2000])))


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from search.engines.database import ENTRY_TABLE

        schema_editor.execute(f"ALTER TABLE {ENTRY_TABLE} DROP COLUMN IF EXISTS title_vector")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0003_synonyms_and_query_weeks")]

    operations = [migrations.RunPython(forward, backward)]
