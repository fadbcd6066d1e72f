"""The portal search: keeping the index current, rebuilding it, and answering with a fallback.

Every document is written to the database engine's `SearchEntry` first (it is the fallback, so it is always
current); the search cluster, when `SEARCH_URL` names one, mirrors it. What the cluster misses while it is
unreachable stays marked (`engine_pending`, `SearchTombstone`) and is caught up by `engine_catch_up()`.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.page_cache import cached_fragment, changes_at
from search.analysis import analyze, district_terms
from search.documents import SearchDocument, _adapters, adapter_for, adapters, own_text_pages
from search.engines.database import DatabaseEngine
from search.models import SearchEntry, SearchTombstone, SearchWord
from search.query import SearchQuery, SearchResults
from search.suggest import vocabulary_add

logger = logging.getLogger(__name__)

# After a failure, requests leave the cluster alone for a while instead of waiting on it each time.
ENGINE_PAUSE_SECONDS = 30
_engine_paused_until = 0.0
CATCH_UP_BATCH = 1000
REFILL = "*"  # a tombstone meaning "rebuild the cluster's index from the entries" (a rebuild did not reach it)


@functools.cache
def _cluster(url: str, prefix: str, timeout: float):
    from search.engines.cluster import ClusterEngine

    return ClusterEngine(url, prefix=prefix, timeout=timeout)


def cluster_engine():
    """The configured search cluster, or None for the embedded default."""
    url = getattr(settings, "SEARCH_URL", "")
    if not url:
        return None
    return _cluster(url, settings.SEARCH_INDEX_PREFIX, settings.SEARCH_TIMEOUT)


def database_engine() -> DatabaseEngine:
    return DatabaseEngine()


def engine_paused() -> bool:
    return time.monotonic() < _engine_paused_until


def _engine_failed(error: Exception, doing: str) -> None:
    global _engine_paused_until
    _engine_paused_until = time.monotonic() + ENGINE_PAUSE_SECONDS
    logger.warning("Search engine unreachable while %s: %s", doing, error)


def engine_resume() -> None:
    global _engine_paused_until
    _engine_paused_until = 0.0


# --- Answering ------------------------------------------------------------------------------------------


# Results kept for a query (search()) are read anew when this changes: the index was written (index_changed()).
INDEX_VERSION_KEY = "portal:search:index-version"


def index_changed() -> None:
    """The index was written: what search() kept is not used again (at once and when the transaction commits, so a
    search in between cannot keep the old answer)."""

    def new_version() -> None:
        cache.set(INDEX_VERSION_KEY, uuid.uuid4().hex, None)

    new_version()
    transaction.on_commit(new_version)


def search(query: SearchQuery) -> SearchResults:
    """The results for `query`, kept under the content version and the index's (cached_fragment): on the database
    engine a query costs a scan of all its matches (total, facets, ranking), which grows with the city; a kept one
    costs nothing until content or the index changes."""
    # Which engine answers is part of the key: an answer of the fallback ("Notbetrieb") is not kept past it.
    answering = "database" if cluster_engine() is None or engine_paused() else settings.SEARCH_URL
    parts = (cache.get(INDEX_VERSION_KEY), answering, *dataclasses.astuple(query))

    def answer() -> SearchResults:
        results = search_uncached(query)
        if results.notice:  # the fallback answered: not kept, the cluster may be back at the next search
            changes_at(timezone.now())
        return results

    return cached_fragment("search-results", answer, parts=parts)


def search_uncached(query: SearchQuery) -> SearchResults:
    """Results from the cluster; from the database engine, with a notice, when the cluster fails."""
    engine = cluster_engine()
    if engine is not None and not engine_paused():
        try:
            results = engine.search(query)
        except Exception as error:  # any client or transport failure degrades search, never the page
            _engine_failed(error, "searching")
        else:
            return hits_for_reader(results)
    results = database_engine().search(query)
    if engine is not None:
        results.notice = _("Die Suche läuft gerade im Notbetrieb: Die Ergebnisse können weniger genau sein als sonst.")
    return hits_for_reader(results)


def hits_for_reader(results: SearchResults) -> SearchResults:
    """German hits shown to a reader of another language lead to the page in the reader's language (an alias, or a
    copy under review, with the German text and the reader's menus), and say which language their text is in."""
    from django.urls import translate_url
    from django.utils.translation import get_language_from_path, get_language_info
    from wagtail.models import Page

    language = results.query.language
    every = [shown for hit in results.hits for shown in (hit, *hit.siblings)]
    foreign = [hit for hit in every if hit.language != language]
    if not foreign:
        return results
    page_ids = [int(hit.key.partition(":")[2]) for hit in foreign if hit.key.startswith("page:")]
    keys = dict(Page.objects.filter(pk__in=page_ids).values_list("translation_key", "pk"))
    local = {
        keys[page.translation_key]: page
        for page in Page.objects.live().filter(translation_key__in=list(keys), locale__language_code=language)
    }
    for hit in foreign:
        info = get_language_info(hit.language) if hit.language in dict(settings.LANGUAGES) else {"bidi": False}
        hit.content_lang = hit.language.split("-")[0]
        hit.content_dir = "rtl" if info["bidi"] else "ltr"
        if hit.key.startswith("page:"):
            page = local.get(int(hit.key.partition(":")[2]))
            hit.url = (page.get_url() or hit.url) if page is not None else hit.url
        else:
            # Other documents (forum topics) live under every language prefix: resolved under their own.
            source = get_language_from_path(hit.url) or hit.language
            with translation.override(source):
                url = translate_url(hit.url, language)
            if url == hit.url and url.startswith(f"/{source}/"):
                # Views without a URL name (machina's topic view) cannot be reversed; their paths differ only in
                # the language prefix (i18n_patterns), so the prefix is swapped.
                url = f"/{language}/" + url[len(source) + 2 :]
            hit.url = url
    return results


# --- Keeping the index current ------------------------------------------------------------------------


def resolve(key: str):
    """The object behind a document key, or None when it no longer exists."""
    prefix, _sep, pk = key.partition(":")
    if prefix == "page":
        from wagtail.models import Page

        page = Page.objects.filter(pk=pk).first()
        return page.specific if page else None
    for registered in _adapters.values():
        if registered.key_prefix == prefix:
            return registered.model._default_manager.filter(pk=pk).first()
    return None


def document_build(key: str) -> SearchDocument | None:
    obj = resolve(key)
    if obj is None:
        return None
    found = adapter_for(obj)
    return _build(found, obj) if found else None


def _build(registered, obj) -> SearchDocument | None:
    # URLs an adapter reverses (a forum topic) get the source language's prefix, whichever language the request
    # that queued the update was in; pages carry their own locale's prefix anyway.
    with translation.override(settings.LANGUAGE_CODE):
        return registered.build(obj)


def _vocabulary_text(document: SearchDocument) -> str:
    return " ".join([document.title, document.district, " ".join(document.categories), document.text])


def _mark_sent(entries) -> None:
    """The cluster has these entries as they are now (an entry changed meanwhile stays pending)."""
    for entry in entries:
        SearchEntry.objects.filter(pk=entry.pk, updated_at=entry.updated_at).update(engine_pending=False)


def entry_tokens(*, title: str, text: str, district: str, categories: list[str], language: str) -> tuple[str, str]:
    """The analyzed forms of an entry's title and body, in the analysis of its own language (Leichte Sprache is
    German): what the database engine's full-text index is built from."""
    body = " ".join([district_terms(district), " ".join(categories), text])
    return " ".join(analyze(title, language)), " ".join(analyze(body, language))


def entry_fields(document: SearchDocument) -> dict:
    fields = {
        name: getattr(document, name)
        for name in (
            "kind",
            "title",
            "text",
            "url",
            "language",
            "translated_to",
            "district",
            "categories",
            "age_min_months",
            "age_max_months",
            "free_of_charge",
            "latitude",
            "longitude",
            "date_start",
            "date_end",
            "visibility",
            "boost",
            "sibling_key",
        )
    }
    fields["title"] = fields["title"][:255]
    fields["title_tokens"], fields["body_tokens"] = entry_tokens(
        title=document.title,
        text=document.text,
        district=document.district,
        categories=document.categories,
        language=document.language,
    )
    fields["engine_pending"] = cluster_engine() is not None
    return fields


def documents_refresh(keys: list[str]) -> dict:
    """Bring the index in line with the objects behind `keys`: index what readers may see, drop the rest."""
    db = database_engine()
    written, removed = [], []
    for key in dict.fromkeys(keys):
        document = document_build(key)
        with transaction.atomic():
            if document is None:
                gone = list(SearchEntry.objects.filter(key=key).values_list("pk", flat=True))
                if gone:  # pages that are never indexed (the home page, section pages) have nothing to remove
                    db.remove_ids(gone)
                    SearchEntry.objects.filter(pk__in=gone).delete()
                    if cluster_engine() is not None:
                        SearchTombstone.objects.get_or_create(key=key)
                    removed.append(key)
                continue
            entry, _created = SearchEntry.objects.update_or_create(key=key, defaults=entry_fields(document))
            db.index_entries([entry])
            SearchTombstone.objects.filter(key=key).delete()
            vocabulary_add(_vocabulary_text(document))
            written.append(entry)
    _mirror(written, removed)
    if written or removed:
        index_changed()
    return {"indexed": len(written), "removed": len(removed)}


def _mirror(entries: list[SearchEntry], removed: list[str]) -> None:
    """Hand changes to the cluster; what it cannot take now stays marked for the catch-up."""
    engine = cluster_engine()
    if engine is None or engine_paused() or not (entries or removed):
        return
    try:
        if entries:
            engine.write(entries)
        if removed:
            engine.remove(removed)
    except Exception as error:
        _engine_failed(error, "indexing")
        return
    _mark_sent(entries)
    SearchTombstone.objects.filter(key__in=removed).delete()


def engine_catch_up() -> dict:
    """Send the cluster what it missed; recreate its index from the entries if it lost it."""
    engine = cluster_engine()
    if engine is None:
        return {"written": 0, "removed": 0}
    try:
        if not engine.alias_indices() or SearchTombstone.objects.filter(key=REFILL).exists():
            count = SearchEntry.objects.count()
            engine.rebuild(SearchEntry.objects.order_by("pk").iterator(chunk_size=500))
            SearchEntry.objects.update(engine_pending=False)
            SearchTombstone.objects.all().delete()
            engine_resume()
            index_changed()
            logger.info("Search index missing or behind a failed rebuild; refilled it with %s entries", count)
            return {"written": count, "removed": 0}
        written = removed = 0
        while True:
            batch = list(SearchEntry.objects.filter(engine_pending=True).order_by("pk")[:CATCH_UP_BATCH])
            if not batch:
                break
            engine.write(batch)
            _mark_sent(batch)
            written += len(batch)
        keys = list(SearchTombstone.objects.values_list("key", flat=True))
        if keys:
            engine.remove(keys)
            SearchTombstone.objects.filter(key__in=keys).delete()
            removed = len(keys)
    except Exception as error:
        _engine_failed(error, "catching up")
        return {"written": 0, "removed": 0, "error": str(error)}
    engine_resume()
    if written or removed:
        index_changed()
        logger.info("Search catch-up: %s written, %s removed", written, removed)
    return {"written": written, "removed": removed}


# --- Rebuilding ---------------------------------------------------------------------------------------


def _indexable(registered):
    """An adapter's objects, without the pages that are never indexed (aliases, copies under review): with six
    languages these are most pages, so they are not even built."""
    from wagtail.models import Page

    queryset = registered.queryset()
    return own_text_pages(queryset) if issubclass(registered.model, Page) else queryset


def documents_all(progress: Callable[[int], None] | None = None):
    count = 0
    for registered in adapters():
        for obj in _indexable(registered).iterator(chunk_size=200):
            document = _build(registered, obj)
            count += 1
            if progress:
                progress(count)
            if document is not None:
                yield document


def documents_count() -> int:
    return sum(_indexable(registered).count() for registered in adapters())


def index_rebuild(*, progress: Callable[[str, int, int], None] | None = None) -> dict:
    """Rebuild everything: the database index in one transaction, the cluster into a new index swapped in
    atomically. Readers see the old index until each switch."""
    total = documents_count()
    documents = list(documents_all(lambda n: progress and progress("Dokumente", n, total)))
    db = database_engine()
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        db.clear()
        SearchWord.objects.all().delete()
        SearchTombstone.objects.all().delete()
        entries = []
        for start in range(0, len(documents), 500):
            chunk = documents[start : start + 500]
            batch = [SearchEntry(key=d.key, **entry_fields(d)) for d in chunk]
            created = SearchEntry.objects.bulk_create(batch)
            if not all(e.pk for e in created):  # backends that return no ids
                created = list(SearchEntry.objects.filter(key__in=[e.key for e in batch]))
            db.index_entries(created)
            entries.extend(created)
            vocabulary_add(" ".join(_vocabulary_text(d) for d in chunk))
    index_changed()
    filled_at = timezone.now()
    result = {"documents": len(entries), "engine": "database"}
    engine = cluster_engine()
    if engine is not None:
        try:
            name = engine.rebuild(
                SearchEntry.objects.filter(updated_at__lte=filled_at).order_by("pk").iterator(chunk_size=500),
                progress=lambda n: progress and progress("Suchindex", n, len(entries)),
            )
        except Exception as error:
            # The database index is new; the cluster gets all of it from the catch-up once it answers.
            SearchTombstone.objects.get_or_create(key=REFILL)
            _engine_failed(error, "rebuilding")
            result.update(engine_error=str(error))
            return result
        SearchEntry.objects.filter(updated_at__lte=filled_at).update(engine_pending=False)
        # Changes that arrived while the new index was filling stay pending and are sent now.
        engine_catch_up()
        result.update(engine=engine.name, index=name)
    return result
