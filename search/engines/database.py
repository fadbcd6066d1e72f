"""The embedded engine: SQLite FTS5 for the quick start, PostgreSQL full-text (`german`) in production.

Entries carry analyzed forms (search/analysis.py), so compounds, umlauts and stems meet as in the cluster.
Filters, facet counts and the page of results are computed in SQL (one statement for total and facets,
one for the ranked page).
"""

from __future__ import annotations

from django.db import connection

from search.analysis import fold, query_words, stem, word_forms
from search.highlight import mark, snippet
from search.models import SearchEntry
from search.query import AGE_BAND_RANGES, AGE_BANDS, FacetValue, Hit, SearchQuery, SearchResults

FTS_TABLE = "portal_search_fts"
WHOLE_WORD_BONUS = 0.5
ENTRY_TABLE = SearchEntry._meta.db_table


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def fts_install(schema_editor) -> None:
    """Create the vendor's full-text structure (used by the migration)."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, tokenize='unicode61')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {ENTRY_TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS portal_search_vector_gin ON {ENTRY_TABLE} USING gin (search_vector)"
        )


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
                    "WHERE id = ANY(%s)",
                    [ids],
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
                chunk = ids[start : start + 500]
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

    def _base(self, expression: str, query: SearchQuery) -> tuple[str, str, list]:
        """(score SQL, FROM … WHERE … SQL, its params) for the matching entries the reader may see, filters applied."""
        params: list = [expression]
        if _is_postgres():
            score = "ts_rank_cd(e.search_vector, q, 32) * e.boost"
            sql = f"FROM {ENTRY_TABLE} e, to_tsquery('german', %s) q WHERE e.search_vector @@ q"
        else:
            score = f"-bm25({FTS_TABLE}, 4.0, 1.0) * e.boost"
            sql = f"FROM {FTS_TABLE} JOIN {ENTRY_TABLE} e ON e.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s"
        sql += f" AND e.visibility IN ({', '.join(['%s'] * len(query.visibilities()))})"
        params.extend(query.visibilities())
        if query.language == "de":
            sql += " AND e.language = 'de'"
        elif _is_postgres():
            sql += " AND (e.language = %s OR (e.language = 'de' AND NOT (e.translated_to ? %s)))"
            params += [query.language, query.language]
        else:
            sql += " AND (e.language = %s OR (e.language = 'de' AND e.translated_to NOT LIKE %s))"
            params += [query.language, f'%"{query.language}"%']
        if query.kind:
            sql += " AND e.kind = %s"
            params.append(query.kind)
        if query.district:
            sql += " AND e.district = %s"
            params.append(query.district)
        if query.category:
            sql += (
                " AND e.categories ? %s"
                if _is_postgres()
                else " AND EXISTS (SELECT 1 FROM json_each(e.categories) WHERE value = %s)"
            )
            params.append(query.category)
        if query.age:
            sql += " AND " + _age_sql("e.age_min_months", "e.age_max_months", query.age)
        if query.free:
            sql += " AND e.free_of_charge = %s"
            params.append(True)
        return score, sql, params

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
        score, base, params = self._base(self._match_expression(groups, prefix), query)
        self._facets(results, base, params)
        if not results.total:
            return results
        # A title with the query's very words (not just a compound part of them) ranks higher.
        whole = [stem(fold(word)) for word in words]
        if _is_postgres():
            bonus = " + ".join(["(strpos(' ' || e.title_tokens || ' ', ' ' || %s || ' ') > 0)::int"] * len(whole))
        else:
            bonus = " + ".join(["(instr(' ' || e.title_tokens || ' ', ' ' || %s || ' ') > 0)"] * len(whole))
        sql = (
            f"SELECT e.id, {score} * (1 + {WHOLE_WORD_BONUS} * ({bonus})) AS portal_score {base} "
            "ORDER BY portal_score DESC, e.id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, whole + params + [query.per_page, query.offset])
            ranked = cursor.fetchall()
        entries = SearchEntry.objects.in_bulk([entry_id for entry_id, _score in ranked])
        forms = frozenset().union(*groups)
        for entry_id, entry_score in ranked:
            entry = entries[entry_id]
            results.hits.append(
                Hit(
                    key=entry.key,
                    kind=entry.kind,
                    title=entry.title,
                    url=entry.url,
                    title_html=mark(entry.title, forms, prefix),
                    snippet_html=snippet(entry.text, forms, prefix),
                    district=entry.district,
                    categories=entry.categories,
                    date_start=entry.date_start,
                    date_end=entry.date_end,
                    language=entry.language,
                    score=entry_score or 0.0,
                )
            )
        return results

    def _facets(self, results: SearchResults, base: str, params: list) -> None:
        """Total and facet counts in one statement over the matching entries."""
        from search.documents import kind_labels

        categories = (
            "jsonb_array_elements_text(m.categories) AS c(value)" if _is_postgres() else "json_each(m.categories) AS c"
        )
        bands = " UNION ALL ".join(
            f"SELECT 'alter', '{band}', count(*) FROM m WHERE {_age_sql('m.age_min', 'm.age_max', band)}"
            for band, *_rest in AGE_BANDS
        )
        sql = (
            "WITH m AS MATERIALIZED (SELECT e.kind, e.district, e.categories, e.age_min_months AS age_min, "
            f"e.age_max_months AS age_max, e.free_of_charge AS free {base}) "
            "SELECT 'total', '', count(*) FROM m "
            "UNION ALL SELECT 'typ', kind, count(*) FROM m GROUP BY kind "
            "UNION ALL SELECT 'stadtteil', district, count(*) FROM m WHERE district <> '' GROUP BY district "
            f"UNION ALL SELECT 'kategorie', c.value, count(*) FROM m, {categories} GROUP BY c.value "
            f"UNION ALL {bands} "
            "UNION ALL SELECT 'kostenlos', '1', count(*) FROM m WHERE m.free = %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params + [True])
            rows = cursor.fetchall()
        counts: dict[str, dict[str, int]] = {}
        for facet, value, count in rows:
            counts.setdefault(facet, {})[value] = count
        results.total = counts.get("total", {}).get("", 0)
        labels = kind_labels()
        by_count = lambda name: sorted(counts.get(name, {}).items(), key=lambda item: (-item[1], item[0]))  # noqa: E731
        results.facets = {
            "typ": [FacetValue(k, labels.get(k, k), n) for k, n in by_count("typ")],
            "stadtteil": [FacetValue(k, k, n) for k, n in sorted(counts.get("stadtteil", {}).items())],
            "kategorie": [FacetValue(k, k, n) for k, n in by_count("kategorie")[:20]],
            "alter": [
                FacetValue(band, str(label), counts["alter"][band])
                for band, _low, _high, label in AGE_BANDS
                if counts.get("alter", {}).get(band)
            ],
            "kostenlos": [FacetValue("1", "kostenlos", n) for n in [counts.get("kostenlos", {}).get("1", 0)] if n],
        }


def _age_sql(low_column: str, high_column: str, band: str) -> str:
    """SQL for "the age range overlaps the band" (bounds are the module's own integers, not user input)."""
    low, high = AGE_BAND_RANGES[band]
    return (
        f"({low_column} IS NOT NULL OR {high_column} IS NOT NULL) "
        f"AND COALESCE({low_column}, 0) <= {int(high)} AND COALESCE({high_column}, 999) >= {int(low)}"
    )
