"""Entries analysed in their own language, and only pages with their own text in the index.

Until now every entry was analysed as German, and aliases (a page of another locale showing its German original)
were indexed like translations. This re-analyses every entry in its language, rebuilds the full-text structure
(SQLite's FTS table gets the `lang` column), drops the entries of aliases and of copies whose translation is still
under review, and recomputes which languages each German original is really translated into. The search cluster,
whose analysis settings changed too, is refilled by the catch-up (`search_catch_up`, every minute).
"""

from django.conf import settings
from django.db import DatabaseError, migrations, transaction

BATCH = 500
REFILL = "*"  # search.services.REFILL: the catch-up rebuilds the cluster's index from the entries


def _under_review() -> frozenset[int]:
    # Registered by home.translations; its table may not exist yet when this runs (no dependency on a higher app).
    from search.documents import pages_under_review

    try:
        with transaction.atomic():
            return pages_under_review()
    except DatabaseError:
        return frozenset()


def forward(apps, schema_editor):
    from search.engines.database import DatabaseEngine, fts_install, fts_uninstall
    from search.services import entry_tokens

    SearchEntry = apps.get_model("portal_search", "SearchEntry")
    SearchTombstone = apps.get_model("portal_search", "SearchTombstone")
    Page = apps.get_model("wagtailcore", "Page")
    fts_uninstall(schema_editor)
    fts_install(schema_editor)
    if not SearchEntry.objects.exists():
        return
    cluster = bool(getattr(settings, "SEARCH_URL", ""))
    under_review = _under_review()
    page_keys = {
        int(key.partition(":")[2]): key
        for key in SearchEntry.objects.filter(key__startswith="page:").values_list("key", flat=True)
    }
    aliases = set(Page.objects.filter(alias_of__isnull=False).values_list("pk", flat=True))
    gone = [page_keys[pk] for pk in sorted((aliases | under_review) & set(page_keys))]
    for start in range(0, len(gone), BATCH):
        SearchEntry.objects.filter(key__in=gone[start : start + BATCH]).delete()
    if cluster:
        SearchTombstone.objects.bulk_create([SearchTombstone(key=key) for key in gone], ignore_conflicts=True)

    # Which languages each page's content really exists in: live pages with their own text.
    translation_keys, translated = {}, {}
    for pk, translation_key, language, live, alias_of in Page.objects.values_list(
        "pk", "translation_key", "locale__language_code", "live", "alias_of"
    ).iterator(chunk_size=2000):
        translation_keys[pk] = translation_key
        if live and alias_of is None and pk not in under_review:
            translated.setdefault(translation_key, set()).add(language)

    engine = DatabaseEngine()
    last = 0
    while True:
        batch = list(SearchEntry.objects.filter(pk__gt=last).order_by("pk")[:BATCH])
        if not batch:
            break
        last = batch[-1].pk
        for entry in batch:
            entry.title_tokens, entry.body_tokens = entry_tokens(
                title=entry.title,
                text=entry.text,
                district=entry.district,
                categories=entry.categories,
                language=entry.language,
            )
            prefix, _sep, pk = entry.key.partition(":")
            if prefix == "page" and entry.language == "de" and int(pk) in translation_keys:
                entry.translated_to = sorted(translated.get(translation_keys[int(pk)], set()) - {"de"})
            entry.engine_pending = entry.engine_pending or cluster
        SearchEntry.objects.bulk_update(batch, ["title_tokens", "body_tokens", "translated_to", "engine_pending"])
        engine.index_entries(batch)
    if cluster:
        SearchTombstone.objects.get_or_create(key=REFILL)


def backward(apps, schema_editor):
    # The old layout had no `lang` column; the entries' tokens are rebuilt by `manage.py search_reindex`.
    from search.engines.database import FTS_TABLE

    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        schema_editor.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, body, tokenize='unicode61')")


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0001_initial"),
        ("wagtailcore", "0058_page_alias_of"),
    ]

    operations = [migrations.RunPython(forward, backward)]
