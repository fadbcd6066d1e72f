"""The embedded engine: SQLite FTS5 for the quick start, PostgreSQL full-text in production.

Entries carry analyzed forms (search/analysis.py) in the analysis of their own language, so compounds, umlauts
and stems meet as in the cluster. A query is analysed once for each language it searches (the reader's, and German
for originals not translated for them) and every entry is matched by the analysis of its language: the FTS5 table
records each entry's analysis (`lang`), and on PostgreSQL each entry's tsvector is built with its language's text
search configuration and the query has one branch per language. How a query's words match is search/matching.py's,
the same for the cluster. A search fetches a bounded set of candidates with filters applied (title matches, then
matches anywhere: one statement each) and counts, facets and ranks them in Python (`_count`, `_rank`).
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection

from search.analysis import Clause, analyzer_for, district_names, query_age, query_words, whole_word_form
from search.highlight import mark, snippet
from search.matching import Terms, terms_for
from search.models import SearchEntry
from search.query import AGE_BAND_RANGES, AGE_BANDS, SIBLINGS_SHOWN, FacetValue, Hit, SearchQuery, SearchResults

FTS_TABLE = "portal_search_fts"
WHOLE_WORD_BONUS = 0.5
AGE_FIT_BONUS = 1.0
CANDIDATES = 500  # matches counted and ranked at most, per way of matching (title, anywhere): see _candidates
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
        # The title's forms on their own: a bounded set of candidates is taken from title matches first.
        schema_editor.execute(f"ALTER TABLE {ENTRY_TABLE} ADD COLUMN IF NOT EXISTS title_vector tsvector")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS portal_search_title_vector_gin ON {ENTRY_TABLE} USING gin (title_vector)"
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
                        "|| setweight(to_tsvector(%s::regconfig, body_tokens), 'B'), "
                        "title_vector = to_tsvector(%s::regconfig, title_tokens) WHERE id = ANY(%s)",
                        [config, config, config, ids],
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
    def branches(self, query: SearchQuery, fixes: dict[str, str]) -> list[Branch]:
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
            terms = terms_for(query.text, language, fixes, prefix=query.prefix)
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
        self,
        branches: list[Branch],
        query: SearchQuery,
        *,
        every_word: bool = True,
        at_least: int = 0,
        titles_only: bool = False,
    ) -> tuple[str, str, list]:
        """(score SQL, FROM … WHERE … SQL, its params) for the matching entries the reader may see, filters applied;
        with `every_word` off, the entries with any word, or with `at_least` of them; `titles_only`: matched in the
        title."""
        params: list = []
        if _is_postgres():
            # Each branch matches its entries with its own configuration's query (q0 for the reader's language).
            queries = ", ".join(f"to_tsquery(%s::regconfig, %s) q{n}" for n in range(len(branches)))
            for branch in branches:
                params += [pg_config(branch.analyzer), self._expression(branch, every_word=every_word)]
            matches = []
            for n, branch in enumerate(branches):
                vector = "e.title_vector" if titles_only else "e.search_vector"
                matches.append(f"({branch.condition} AND {vector} @@ q{n})")
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
            columns = "title" if titles_only else "title body"
            match = " OR ".join(
                f'(lang : "{analyzer}" AND {{{columns}}} : ({expression}))'
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

    def _candidates(
        self, branches: list[Branch], query: SearchQuery, *, titles_only: bool, **matching
    ) -> tuple[str, list]:
        """SQL and params for up to CANDIDATES matching entries (in their title, or anywhere), each with its text
        score and what counting and ranking need."""
        body = "e.body_tokens" if matching.get("every_word") is False else "''"  # for the words a partial match lacks
        score, base, params = self._base(branches, query, titles_only=titles_only, **matching)
        sql = (
            f"SELECT e.id, {score}, e.language, e.kind, e.district, e.categories, e.age_min_months, "
            f"e.age_max_months, e.free_of_charge, e.title_tokens, {body}, e.sibling_key {base} LIMIT {CANDIDATES}"
        )
        return sql, params

    def search(self, query: SearchQuery) -> SearchResults:
        from search.suggest import corrections

        results = SearchResults(query=query, engine=self.name)
        age, text = query_age(query.text), query.text  # the age's words stay: an offer's text says "3 Jahre" too
        reader_words = query_words(text, query.language) or query_words(text)
        every_word = list(dict.fromkeys(reader_words + query_words(text)))
        if not every_word:
            return results
        # Typo tolerance: an unknown word also matches as the closest word the index knows.
        fixes = corrections(every_word, prefix=query.prefix)
        if fixes and reader_words:
            results.suggestion = " ".join(fixes.get(word, word) for word in reader_words)
        branches = self.branches(query, fixes)
        if not branches:
            return results
        rows = self._fetch(branches, query)
        loosened = [branch.loosened() for branch in branches]
        words = max(len(branch.groups) for branch in loosened)
        near = False
        if not rows and words > 1:
            # No entry has every word: the entries with most of them, each saying which words it lacks.
            rows = self._fetch(loosened, query, every_word=False)
            branches = loosened
            near = results.partial = bool(rows)
        elif len(_groups(rows)) < FILL_BELOW and words >= 3:
            # Few entries have every word: those that lack only one of three or more come after them
            # ("Schwimmkurs Baby Saarn" also finds the Babyschwimmen in Saarn that never says "Kurs").
            fuller = self._fetch(loosened, query, every_word=False, at_least=words - 1)
            if len(_groups(fuller)) > len(_groups(rows)):
                rows, branches, near = fuller, loosened, True
        _count(results, rows)
        if not rows:
            return results
        by_analyzer = {branch.analyzer: branch for branch in branches}
        ranked = _rank(rows, branches, by_analyzer, age, district_names(every_word), near)
        page = _siblings_under_leads(ranked)[query.offset : query.offset + query.per_page]
        shown = [row.id for lead, siblings in page for row, _score, _missing in [lead, *siblings[:SIBLINGS_SHOWN]]]
        entries = SearchEntry.objects.in_bulk(shown)

        def hit(row: Candidate, entry_score: float, missing: list[str]) -> Hit:
            entry = entries[row.id]
            analyzer = analyzer_for(entry.language)
            branch = by_analyzer.get(analyzer, branches[0])
            return Hit(
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
                score=entry_score,
                missing=missing,
            )

        for lead, siblings in page:
            found = hit(*lead)
            found.siblings = sorted((hit(*sibling) for sibling in siblings[:SIBLINGS_SHOWN]), key=Hit.sibling_order)
            found.sibling_count = len(siblings)
            results.hits.append(found)
        return results

    def _fetch(self, branches: list[Branch], query: SearchQuery, **matching) -> list[Candidate]:
        """A bounded set of matching entries, each once with its best score: up to CANDIDATES matched in their
        title, and when there are fewer, up to CANDIDATES matched anywhere. Counting, facets and ranking then cost
        the same for "Beratung" with 50,000 matches as for a rare word; where the bound is reached, the total is a
        lower bound (`SearchResults.more`) and the facets count the candidates."""
        found: dict[int, Candidate] = {}
        for titles_only in (True, False):
            sql, params = self._candidates(branches, query, titles_only=titles_only, **matching)
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                rows = cursor.fetchall()
            for row in rows:
                if row[0] in found and found[row[0]].score >= (row[1] or 0.0):
                    continue
                categories = row[5] if isinstance(row[5], list) else json.loads(row[5] or "[]")
                found[row[0]] = Candidate(row[0], row[1] or 0.0, *row[2:5], categories, *row[6:])
            if len(rows) >= CANDIDATES:
                break  # enough title matches: an entry with the words only in its text would rank below them all
        return list(found.values())

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


@dataclass
class Candidate:
    """A matching entry as the engine counts and ranks it."""

    id: int
    score: float
    language: str
    kind: str
    district: str
    categories: list
    age_min: int | None
    age_max: int | None
    free: bool | None
    title_tokens: str
    body_tokens: str
    sibling_key: str = ""

    @property
    def group(self) -> str:
        """The result it is shown in: its siblings' (search.documents.sibling_key), or its own."""
        return self.sibling_key or f"#{self.id}"

    def fits_age(self, low: int, high: int) -> bool:
        """The entry's age range (months) overlaps [low, high]; a missing bound is open, one must exist."""
        if self.age_min is None and self.age_max is None:
            return False
        return (self.age_min or 0) <= high and (999 if self.age_max is None else self.age_max) >= low


def _groups(rows: list[Candidate]) -> set[str]:
    return {row.group for row in rows}


def _count(results: SearchResults, rows: list[Candidate]) -> None:
    """Total and facet counts of the candidates, as results: siblings shown together count once (in a facet once
    when any of them is in it, which is what the page shows with that filter)."""
    from search.documents import kind_labels

    kinds, districts, categories, bands, free = Groups(), Groups(), Groups(), Groups(), set()
    for row in rows:
        kinds.add(row.kind, row.group)
        if row.district:
            districts.add(row.district, row.group)
        for category in row.categories:
            categories.add(category, row.group)
        for band, low, high, _label in AGE_BANDS:
            if row.fits_age(low, high):
                bands.add(band, row.group)
        if row.free:
            free.add(row.group)
    kinds, districts, categories, bands = (counts.counter() for counts in (kinds, districts, categories, bands))
    free = len(free)
    results.total = len(_groups(rows))
    results.more = len(rows) >= CANDIDATES  # the bound was reached: there are more matches than counted
    labels = kind_labels()
    by_count = lambda counter: sorted(counter.items(), key=lambda item: (-item[1], item[0]))  # noqa: E731
    results.facets = {
        "typ": [FacetValue(k, labels.get(k, k), n) for k, n in by_count(kinds)],
        "stadtteil": [FacetValue(k, k, n) for k, n in sorted(districts.items())],
        "kategorie": [FacetValue(k, k, n) for k, n in by_count(categories)[:20]],
        "alter": [FacetValue(band, str(label), bands[band]) for band, _low, _high, label in AGE_BANDS if bands[band]],
        "kostenlos": [FacetValue("1", "kostenlos", free)] if free else [],
    }


class Groups(dict):
    """The results (groups of siblings) in each facet value."""

    def add(self, value: str, group: str) -> None:
        self.setdefault(value, set()).add(group)

    def counter(self) -> Counter:
        return Counter({value: len(groups) for value, groups in self.items()})


def _siblings_under_leads(ranked: list) -> list[tuple[tuple, list[tuple]]]:
    """The ranked candidates as results: each group of siblings at the place of its best, the others under it."""
    leads: dict[str, tuple[tuple, list[tuple]]] = {}
    for item in ranked:
        group = item[0].group
        if group in leads:
            leads[group][1].append(item)
        else:
            leads[group] = (item, [])
    return list(leads.values())


def _rank(rows, branches, by_analyzer, age, districts, near) -> list[tuple[Candidate, float, list[str]]]:
    """The candidates in the order a parent expects: (with partial matches: most words first), then the text score
    with a bonus for the query's very words in the title and for fitting the age and the Stadtteil the query names."""
    whole = {
        branch.analyzer: [{whole_word_form(word, branch.analyzer)} for word in branch.words] for branch in branches
    }
    ranked = []
    for row in rows:
        analyzer = analyzer_for(row.language)
        branch = by_analyzer.get(analyzer, branches[0])
        title = set(row.title_tokens.split())
        bonus = sum(bool(forms & title) for forms in whole.get(analyzer, whole[branches[0].analyzer]))
        fit = 1 + (AGE_FIT_BONUS if age is not None and row.fits_age(*age) else 0)
        fit += DISTRICT_FIT_BONUS if row.district in districts else 0
        score = (row.score or 0.0) * (1 + WHOLE_WORD_BONUS * bonus) * fit
        missing = []
        if near:
            tokens = title | set(row.body_tokens.split())
            missing = [word for word, found in zip(branch.words, branch.matched(tokens), strict=True) if not found]
        ranked.append((row, score, missing))
    ranked.sort(key=lambda item: (len(item[2]), -item[1], item[0].id))
    return ranked


def _age_sql(low_column: str, high_column: str, band: str) -> str:
    """SQL for "the age range overlaps the band" (bounds are the module's own integers, not user input)."""
    low, high = AGE_BAND_RANGES[band]
    return (
        f"({low_column} IS NOT NULL OR {high_column} IS NOT NULL) "
        f"AND COALESCE({low_column}, 0) <= {int(high)} AND COALESCE({high_column}, 999) >= {int(low)}"
    )
