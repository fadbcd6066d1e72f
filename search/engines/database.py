"""The embedded engine: SQLite FTS5 for the quick start, PostgreSQL full-text in production.

Entries carry analyzed forms (search/analysis.py) in the analysis of their own language, so compounds, umlauts
and stems meet as in the cluster. A query is analysed once for each language it searches (the reader's, and German
for originals not translated for them) and every entry is matched by the analysis of its language: the FTS5 table
records each entry's analysis (`lang`), and on PostgreSQL each entry's tsvector is built with its language's text
search configuration and the query has one branch per language. Filters, facet counts and the page of results are
computed in SQL (one statement for total and facets, one for the ranked page).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.db import connection

from search.analysis import Clause, analyzer_for, district_names, query_age, query_words, whole_word_form
from search.highlight import mark, snippet
from search.matching import Terms, terms_for
from search.models import SearchEntry
from search.query import AGE_BAND_RANGES, AGE_BANDS, FacetValue, Hit, SearchQuery, SearchResults

FTS_TABLE = "portal_search_fts"
WHOLE_WORD_BONUS = 0.5
AGE_FIT_BONUS = 1.0
FILL_BELOW = 3  # fewer full matches than this: entries lacking one word of three or more follow them
DISTRICT_FIT_BONUS = 1.0
ENTRY_TABLE = SearchEntry._meta.db_table
# PostgreSQL's text search configuration for each analysis; "simple" (lower-casing only) where PostgreSQL ships
# none (Ukrainian) or the server lacks one (`pg_config`).
PG_CONFIGS = {"de": "german", "en": "english", "tr": "turkish", "ru": "russian", "ar": "arabic", "uk": "simple"}


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


@functools.cache
def _pg_configs_available(database: str) -> frozenset[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(name for (name,) in cursor.fetchall())


def pg_config(language: str) -> str:
    """The text search configuration for entries and queries in `language` on this PostgreSQL server."""
    wanted = PG_CONFIGS[analyzer_for(language)]
    return wanted if wanted in _pg_configs_available(connection.settings_dict["NAME"]) else "simple"


def fts_install(schema_editor) -> None:
    """Create the vendor's full-text structure (used by the migrations)."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        # `lang`: the analysis that made the entry's forms, so that a query's forms meet only their own kind.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, lang, tokenize='unicode61')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {ENTRY_TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS portal_search_vector_gin ON {ENTRY_TABLE} USING gin (search_vector)"
        )


def fts_uninstall(schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def _tsquery_quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def _fts5_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _group_expression(clauses: tuple[Clause, ...], prefix: str = "", *, postgres: bool) -> str:
    """One query word as a full-text expression: any clause, each clause all of its form sets, each set any form;
    a prefix (a word still being typed) is one more way to match."""
    quote, any_of, all_of = (_tsquery_quote, " | ", " & ") if postgres else (_fts5_quote, " OR ", " AND ")
    alternatives = []
    for clause in clauses:
        sets = ["(" + any_of.join(quote(form) for form in sorted(forms)) + ")" for forms in clause if forms]
        if sets:
            alternatives.append(sets[0] if len(sets) == 1 else "(" + all_of.join(sets) + ")")
    if prefix:
        alternatives.append(f"{quote(prefix)}:*" if postgres else f"{quote(prefix)}*")
    return "(" + any_of.join(alternatives) + ")"


@dataclass
class Branch(Terms):
    """One language a query searches in: the query analysed for it, and the entries it covers (SQL and params)."""

    condition: str = ""
    params: list = field(default_factory=list)


class DatabaseEngine:
    name = "database"

    # --- writing -------------------------------------------------------------------------------------
    def index_entries(self, entries: list[SearchEntry]) -> None:
        if not entries:
            return
        with connection.cursor() as cursor:
            if _is_postgres():
                by_config: dict[str, list[int]] = {}
                for entry in entries:
                    by_config.setdefault(pg_config(entry.language), []).append(entry.pk)
                for config, ids in by_config.items():
                    cursor.execute(
                        f"UPDATE {ENTRY_TABLE} SET search_vector = "
                        "setweight(to_tsvector(%s::regconfig, title_tokens), 'A') "
                        "|| setweight(to_tsvector(%s::regconfig, body_tokens), 'B') WHERE id = ANY(%s)",
                        [config, config, ids],
                    )
            elif connection.vendor == "sqlite":
                self.remove_ids([entry.pk for entry in entries])
                cursor.executemany(
                    f"INSERT INTO {FTS_TABLE}(rowid, title, body, lang) VALUES (%s, %s, %s, %s)",
                    [
                        (entry.pk, entry.title_tokens, entry.body_tokens, analyzer_for(entry.language))
                        for entry in entries
                    ],
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
    def branches(self, query: SearchQuery, fixes: dict[str, str], text: str | None = None) -> list[Branch]:
        """The reader's language, and German originals not translated into it; a branch whose analysis leaves no
        word to match (only stop words) is left out."""
        if query.language == "de":
            covered = [("e.language = 'de'", [], "de")]
        elif _is_postgres():
            covered = [
                ("e.language = %s", [query.language], query.language),
                ("e.language = 'de' AND NOT (e.translated_to ? %s)", [query.language], "de"),
            ]
        else:
            covered = [
                ("e.language = %s", [query.language], query.language),
                ("e.language = 'de' AND e.translated_to NOT LIKE %s", [f'%"{query.language}"%'], "de"),
            ]
        found = []
        for condition, params, language in covered:
            terms = terms_for(query.text if text is None else text, language, fixes, prefix=query.prefix)
            if terms is not None:
                found.append(Branch(**vars(terms), condition=condition, params=params))
        return found

    def _expression(self, branch: Branch, *, every_word: bool = True) -> str:
        """The branch's words as one full-text expression: all of them, or (partial matching) any of them."""
        postgres = _is_postgres()
        parts = []
        for position, group in enumerate(branch.groups):
            parts.append(_group_expression(group, branch.last_prefix(position), postgres=postgres))
        if every_word:
            return (" & " if postgres else " AND ").join(parts)
        return (" | " if postgres else " OR ").join(parts)

    def _base(
        self, branches: list[Branch], query: SearchQuery, *, every_word: bool = True, at_least: int = 0
    ) -> tuple[str, str, list]:
        """(score SQL, FROM … WHERE … SQL, its params) for the matching entries the reader may see, filters applied;
        with `every_word` off, the entries with any word, or with `at_least` of them."""
        params: list = []
        if _is_postgres():
            # Each branch matches its entries with its own configuration's query (q0 for the reader's language).
            queries = ", ".join(f"to_tsquery(%s::regconfig, %s) q{n}" for n in range(len(branches)))
            for branch in branches:
                params += [pg_config(branch.analyzer), self._expression(branch, every_word=every_word)]
            matches = []
            for n, branch in enumerate(branches):
                matches.append(f"({branch.condition} AND e.search_vector @@ q{n})")
                params += branch.params
            ranks = [f"ts_rank_cd(e.search_vector, q{n}, 32)" for n in range(len(branches))]
            if len(branches) == 2:  # the second branch is always German originals for a reader of another language
                score = f"CASE WHEN e.language = 'de' THEN {ranks[1]} ELSE {ranks[0]} END * e.boost"
            else:
                score = f"{ranks[0]} * e.boost"
            sql = f"FROM {ENTRY_TABLE} e, {queries} WHERE ({' OR '.join(matches)})"
            if at_least:
                matched, matched_params = self._words_matched(branches)
                sql += f" AND {matched} >= %s"
                params += matched_params + [at_least]
        else:
            # One MATCH: each analysis's forms only against the entries analysed the same way (`lang`).
            expressions = {}
            for branch in branches:
                expressions.setdefault(branch.analyzer, self._expression(branch, every_word=every_word))
            match = " OR ".join(
                f'(lang : "{analyzer}" AND {{title body}} : ({expression}))'
                for analyzer, expression in expressions.items()
            )
            score = f"-bm25({FTS_TABLE}, 4.0, 1.0, 0.0) * e.boost"
            sql = f"FROM {FTS_TABLE} JOIN {ENTRY_TABLE} e ON e.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s"
            params.append(match)
            sql += " AND (" + " OR ".join(f"({branch.condition})" for branch in branches) + ")"
            for branch in branches:
                params += branch.params
            if at_least:
                matched, matched_params = self._words_matched(branches)
                sql += f" AND {matched} >= %s"
                params += matched_params + [at_least]
        sql += f" AND e.visibility IN ({', '.join(['%s'] * len(query.visibilities()))})"
        params.extend(query.visibilities())
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

    def _whole_word_bonus(self, branches: list[Branch]) -> tuple[str, list]:
        """A title with the query's very words (not just a compound part of them), in any analysis searched."""
        forms_by_word: dict[str, set[str]] = {}
        for branch in branches:
            for word in branch.words:
                forms_by_word.setdefault(word, set()).add(whole_word_form(word, branch.analyzer))
        if _is_postgres():
            test = "strpos(' ' || e.title_tokens || ' ', ' ' || %s || ' ') > 0"
            parts = ["(" + " OR ".join([test] * len(forms)) + ")::int" for forms in forms_by_word.values()]
        else:
            test = "instr(' ' || e.title_tokens || ' ', ' ' || %s || ' ') > 0"
            parts = ["(" + " OR ".join([test] * len(forms)) + ")" for forms in forms_by_word.values()]
        return " + ".join(parts), [form for forms in forms_by_word.values() for form in sorted(forms)]

    def search(self, query: SearchQuery) -> SearchResults:
        from search.suggest import corrections

        results = SearchResults(query=query, engine=self.name)
        age, text = query_age(query.text), query.text
        reader_words = query_words(text, query.language) or query_words(text)
        every_word = list(dict.fromkeys(reader_words + query_words(text)))
        if not every_word:
            return results
        # Typo tolerance: an unknown word also matches as the closest word the index knows.
        fixes = corrections(every_word, prefix=query.prefix)
        if fixes and reader_words:
            results.suggestion = " ".join(fixes.get(word, word) for word in reader_words)
        branches = self.branches(query, fixes, text)
        if not branches:
            return results
        score, base, params = self._base(branches, query)
        self._facets(results, base, params)
        loosened = [branch.loosened() for branch in branches]
        words = max(len(branch.groups) for branch in loosened)
        if not results.total and words > 1:
            # No entry has every word: the entries with most of them, each saying which words it lacks.
            branches, near = loosened, True
            score, base, params = self._base(branches, query, every_word=False)
            self._facets(results, base, params)
            results.partial = bool(results.total)
        elif results.total < FILL_BELOW and words >= 3:
            # Few entries have every word: those that lack only one of three or more come after them
            # ("Schwimmkurs Baby Saarn" also finds the Babyschwimmen in Saarn that never says "Kurs").
            fuller = SearchResults(query=query)
            score_near, base_near, params_near = self._base(loosened, query, every_word=False, at_least=words - 1)
            self._facets(fuller, base_near, params_near)
            near = fuller.total > results.total
            if near:
                branches, score, base, params = loosened, score_near, base_near, params_near
                results.total, results.facets = fuller.total, fuller.facets
        else:
            near = False
        if not results.total:
            return results
        bonus, bonus_params = self._whole_word_bonus(branches)
        fit, fit_params = _fit_bonus(age, every_word)
        order, order_params = "portal_score DESC", []
        if near:
            order, order_params = self._words_matched(branches)
            order += " DESC, portal_score DESC"
        sql = (
            f"SELECT e.id, {score} * (1 + {WHOLE_WORD_BONUS} * ({bonus})) * ({fit}) AS portal_score {base} "
            f"ORDER BY {order}, e.id LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, bonus_params + fit_params + params + order_params + [query.per_page, query.offset])
            ranked = cursor.fetchall()
        entries = SearchEntry.objects.in_bulk([entry_id for entry_id, _score in ranked])
        by_analyzer = {branch.analyzer: branch for branch in branches}
        for entry_id, entry_score in ranked:
            entry = entries[entry_id]
            analyzer = analyzer_for(entry.language)
            branch = by_analyzer.get(analyzer, branches[0])
            missing = []
            if near:
                tokens = set(f"{entry.title_tokens} {entry.body_tokens}".split())
                missing = [word for word, found in zip(branch.words, branch.matched(tokens), strict=True) if not found]
            results.hits.append(
                Hit(
                    key=entry.key,
                    kind=entry.kind,
                    title=entry.title,
                    url=entry.url,
                    title_html=mark(entry.title, branch.forms, branch.prefix, language=analyzer),
                    snippet_html=snippet(entry.text, branch.forms, branch.prefix, language=analyzer),
                    district=entry.district,
                    categories=entry.categories,
                    date_start=entry.date_start,
                    date_end=entry.date_end,
                    language=entry.language,
                    score=entry_score or 0.0,
                    missing=missing,
                )
            )
        return results

    def _words_matched(self, branches: list[Branch]) -> tuple[str, list]:
        """SQL for how many of the query's words an entry has (in the analysis of its branch), to rank partial
        matches: the entries with most words first."""
        postgres = _is_postgres()
        haystack = "(' ' || e.title_tokens || ' ' || e.body_tokens || ' ')"
        cases, params = [], []
        for branch in branches:
            counts = []
            for position, group in enumerate(branch.groups):
                last = branch.last_prefix(position)
                alternatives = []
                for clause in group:
                    sets = []
                    for forms in clause:
                        tests = []
                        for form in sorted(forms):
                            tests.append(f"strpos({haystack}, %s) > 0" if postgres else f"instr({haystack}, %s) > 0")
                            params.append(f" {form} ")
                        sets.append("(" + " OR ".join(tests) + ")")
                    alternatives.append("(" + " AND ".join(sets) + ")")
                if last:
                    alternatives.append(f"strpos({haystack}, %s) > 0" if postgres else f"instr({haystack}, %s) > 0")
                    params.append(f" {last}")
                test = "(" + " OR ".join(alternatives) + ")"
                counts.append(f"({test})::int" if postgres else test)
            cases.append((branch, " + ".join(counts)))
        if len(cases) == 1:
            return "(" + cases[0][1] + ")", params
        # Each entry counts in its own branch's analysis; the branches' params come in the CASE's order.
        sql, ordered = "CASE", []
        position = 0
        for branch, count in cases:
            used = count.count("%s")
            sql += f" WHEN ({branch.condition}) THEN ({count})"
            ordered += list(branch.params) + params[position : position + used]
            position += used
        return sql + " ELSE 0 END", ordered

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


def _fit_bonus(age: tuple[int, int] | None, words: list[str]) -> tuple[str, list]:
    """A factor for entries that fit what the query says besides its words: the age it names ("Kurs Baby 3 Monate")
    and the Stadtteil it names ("Baby Saarn"), so that the offer there ranks above an article that mentions it."""
    parts, params = ["1"], []
    if age is not None:
        low, high = age
        parts.append(
            f"{AGE_FIT_BONUS} * (CASE WHEN (e.age_min_months IS NOT NULL OR e.age_max_months IS NOT NULL) AND "
            f"COALESCE(e.age_min_months, 0) <= {int(high)} AND COALESCE(e.age_max_months, 999) >= {int(low)} "
            "THEN 1 ELSE 0 END)"
        )
    districts = district_names(words)
    if districts:
        parts.append(
            f"{DISTRICT_FIT_BONUS} * (CASE WHEN e.district IN ({', '.join(['%s'] * len(districts))}) THEN 1 ELSE 0 END)"
        )
        params += districts
    return "(" + " + ".join(parts) + ")", params


def _age_sql(low_column: str, high_column: str, band: str) -> str:
    """SQL for "the age range overlaps the band" (bounds are the module's own integers, not user input)."""
    low, high = AGE_BAND_RANGES[band]
    return (
        f"({low_column} IS NOT NULL OR {high_column} IS NOT NULL) "
        f"AND COALESCE({low_column}, 0) <= {int(high)} AND COALESCE({high_column}, 999) >= {int(low)}"
    )
