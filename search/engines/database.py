"""The embedded engine: SQLite FTS5 for the quick start, PostgreSQL full-text (`german`) in production.

Entries carry analyzed forms (search/analysis.py), so compounds, umlauts and stems meet as in the cluster.
Filtering, facets and pagination run over the matching rows' small columns in Python.
"""

from __future__ import annotations

import json
from collections import Counter

from django.db import connection

from search.analysis import fold, query_words, stem, word_forms
from search.highlight import mark, snippet
from search.models import SearchEntry
from search.query import AGE_BANDS, FacetValue, Hit, SearchQuery, SearchResults, age_overlaps

FTS_TABLE = "portal_search_fts"
WHOLE_WORD_BONUS = 0.5
ENTRY_TABLE = SearchEntry._meta.db_table


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def fts_install(schema_editor) -> None:
    """Create the vendor's full-text structure (used by the migration)."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, tokenize='unicode61')")
    elif vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {ENTRY_TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector")
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS portal_search_vector_gin ON {ENTRY_TABLE} USING gin (search_vector)")


def fts_uninstall(schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def _tsquery_group(forms, prefix: str = "") -> str:
    terms = [f"'{form}'" for form in sorted(forms)]
    if prefix:
        terms.append(f"'{prefix}':*")
    return "(" + " | ".join(terms) + ")"


def _fts5_group(forms, prefix: str = "") -> str:
    terms = [f'"{form}"' for form in sorted(forms)]
    if prefix:
        terms.append(f'"{prefix}"*')
    return "(" + " OR ".join(terms) + ")"


class DatabaseEngine:
    name = "database"

    # --- writing -------------------------------------------------------------------------------------
    def index_entries(self, entries: list[SearchEntry]) -> None:
        ids = [entry.pk for entry in entries]
        if not ids:
            return
        with connection.cursor() as cursor:
            if _is_postgres():
                cursor.execute(
                    f"UPDATE {ENTRY_TABLE} SET search_vector = "
                    "setweight(to_tsvector('german', title_tokens), 'A') || setweight(to_tsvector('german', body_tokens), 'B') "
                    "WHERE id = ANY(%s)", [ids],
                )
            elif connection.vendor == "sqlite":
                self.remove_ids(ids)
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (%s, %s, %s)",
                    [(entry.pk, entry.title_tokens, entry.body_tokens) for entry in entries],
                )

    def remove_ids(self, ids: list[int]) -> None:
        if connection.vendor != "sqlite" or not ids:
            return  # PostgreSQL keeps the vector in the entry row itself
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)

    def clear(self) -> None:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")

    # --- reading -------------------------------------------------------------------------------------
    def _match_expression(self, groups: list[frozenset[str]], prefix: str) -> str:
        parts = []
        for position, forms in enumerate(groups):
            last = prefix if position == len(groups) - 1 else ""
            parts.append(_tsquery_group(forms, last) if _is_postgres() else _fts5_group(forms, last))
        return (" & " if _is_postgres() else " AND ").join(parts)

    def _rows(self, expression: str, query: SearchQuery, limit: int | None = None) -> list[tuple]:
        language_sql = "e.language = %s"
        params: list = []
        if query.language != "de":
            language_sql = "(e.language = %s OR (e.language = 'de' AND e.translated_to NOT LIKE %s))"
            if _is_postgres():
                language_sql = "(e.language = %s OR (e.language = 'de' AND NOT (e.translated_to::jsonb ? %s)))"
        visibility = ", ".join(["%s"] * len(query.visibilities()))
        columns = (
            "e.id, {score}, e.kind, e.district, e.categories, e.age_min_months, e.age_max_months, e.free_of_charge, "
            "e.title_tokens"
        )
        if _is_postgres():
            sql = (
                f"SELECT {columns.format(score='ts_rank_cd(e.search_vector, q, 32) * e.boost')} "
                f"FROM {ENTRY_TABLE} e, to_tsquery('german', %s) q WHERE e.search_vector @@ q "
            )
        else:
            sql = (
                f"SELECT {columns.format(score=f'-bm25({FTS_TABLE}, 4.0, 1.0) * e.boost')} "
                f"FROM {FTS_TABLE} JOIN {ENTRY_TABLE} e ON e.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s "
            )
        params.append(expression)
        sql += f"AND e.visibility IN ({visibility}) AND {language_sql}"
        params.extend(query.visibilities())
        params.append(query.language)
        if query.language != "de":
            params.append(query.language if _is_postgres() else f'%"{query.language}"%')
        if limit:
            sql += f" LIMIT {int(limit)}"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def search(self, query: SearchQuery) -> SearchResults:
        from search.suggest import corrections

        results = SearchResults(query=query, engine=self.name)
        words = query_words(query.text)
        if not words:
            return results
        # Typo tolerance: an unknown word also matches as the closest word the index knows.
        fixes = corrections(words, prefix=query.prefix)
        if fixes:
            results.suggestion = " ".join(fixes.get(word, word) for word in words)
        groups = [word_forms(word) | (word_forms(fixes[word]) if word in fixes else frozenset()) for word in words]
        prefix = fold(words[-1]) if query.prefix and len(words[-1]) >= 3 else ""
        rows = self._rows(self._match_expression(groups, prefix), query)
        self._collect(results, rows, groups, prefix, whole_words=[stem(fold(word)) for word in words])
        return results

    def _collect(self, results: SearchResults, rows: list[tuple], groups, prefix: str, whole_words: list[str]) -> None:
        from search.documents import kind_labels

        query = results.query
        kept = []
        for entry_id, score, kind, district, categories, age_min, age_max, free, title_tokens in rows:
            if isinstance(categories, str):
                categories = json.loads(categories or "[]")
            # A title with the query's very words (not just a compound part of them) ranks higher.
            title = set(title_tokens.split())
            score = (score or 0.0) * (1 + WHOLE_WORD_BONUS * sum(word in title for word in whole_words))
            kept.append((entry_id, score, kind, district, categories or [], age_min, age_max, free))
        kept = [row for row in kept if _passes(row, query)]
        results.total = len(kept)
        labels = kind_labels()
        kinds, districts, cats, ages, free_count = Counter(), Counter(), Counter(), Counter(), 0
        for _id, _score, kind, district, categories, age_min, age_max, free in kept:
            kinds[kind] += 1
            if district:
                districts[district] += 1
            cats.update(set(categories))
            for band, *_rest in AGE_BANDS:
                if age_overlaps(band, age_min, age_max):
                    ages[band] += 1
            free_count += bool(free)
        results.facets = {
            "typ": [FacetValue(k, labels.get(k, k), n) for k, n in kinds.most_common()],
            "stadtteil": [FacetValue(k, k, n) for k, n in sorted(districts.items())],
            "kategorie": [FacetValue(k, k, n) for k, n in cats.most_common(20)],
            "alter": [FacetValue(band, str(label), ages[band]) for band, _low, _high, label in AGE_BANDS if ages[band]],
            "kostenlos": [FacetValue("1", "kostenlos", free_count)] if free_count else [],
        }
        kept.sort(key=lambda row: (-row[1], row[0]))
        page_ids = [row[0] for row in kept[query.offset:query.offset + query.per_page]]
        entries = SearchEntry.objects.in_bulk(page_ids)
        scores = {row[0]: row[1] for row in kept}
        forms = frozenset().union(*groups) if groups else frozenset()
        for entry_id in page_ids:
            entry = entries[entry_id]
            results.hits.append(Hit(
                key=entry.key, kind=entry.kind, title=entry.title, url=entry.url,
                title_html=mark(entry.title, forms, prefix), snippet_html=snippet(entry.text, forms, prefix),
                district=entry.district, categories=entry.categories, date_start=entry.date_start,
                date_end=entry.date_end, language=entry.language, score=scores[entry_id],
            ))


def _passes(row: tuple, query: SearchQuery) -> bool:
    _id, _score, kind, district, categories, age_min, age_max, free = row
    if query.kind and kind != query.kind:
        return False
    if query.district and district != query.district:
        return False
    if query.category and query.category not in categories:
        return False
    if query.age and not age_overlaps(query.age, age_min, age_max):
        return False
    return not (query.free and not free)
