"""OpenSearch 2/3 and Elasticsearch 8/9 through their official Python clients, one query DSL for both.

The portal's documents live in one index behind the alias `<prefix>-portal`; a rebuild fills a fresh index
and swaps the alias in one request, so readers never see a half-built index.
"""

from __future__ import annotations

import datetime
import logging

from django.utils.html import escape

from search.analysis import (
    LANGUAGE_ANALYZERS,
    analyzer_for,
    cluster_analysis,
    district_names,
    district_terms,
    query_age,
    query_words,
    whole_word_form,
)
from search.matching import Terms, terms_for
from search.query import AGE_BAND_RANGES, AGE_BANDS, SIBLINGS_SHOWN, FacetValue, Hit, SearchQuery, SearchResults

logger = logging.getLogger(__name__)

LANGUAGES = tuple(LANGUAGE_ANALYZERS)
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}


def client_for(url: str, timeout: float):
    """The official client the URL's scheme names: opensearch[3]:// or elasticsearch[9]:// (+https)."""
    scheme, _sep, rest = url.partition("://")
    engine, _plus, transport = scheme.partition("+")
    address = f"{transport or 'http'}://{rest}"
    if engine.startswith("opensearch"):
        from opensearchpy import OpenSearch

        return "opensearch", OpenSearch(hosts=[address], timeout=timeout, max_retries=0, retry_on_timeout=False)
    if engine.startswith("elasticsearch"):
        from elasticsearch import Elasticsearch

        return "elasticsearch", Elasticsearch(
            hosts=[address], request_timeout=timeout, max_retries=0, retry_on_timeout=False
        )
    raise ValueError(f"SEARCH_URL scheme {scheme!r} is not opensearch:// or elasticsearch://")


def index_body() -> dict:
    text_fields = {}
    for language, analyzer in LANGUAGE_ANALYZERS.items():
        for name in ("title", "text", "all"):
            text_fields[f"{name}_{language}"] = {"type": "text", "analyzer": analyzer}
            if language == "de":
                # Documents are indexed with compound parts; a query is read as whole words first, so that
                # "Kindertagespflege" prefers that word over any text that merely has "Kinder" in it.
                text_fields[f"{name}_de"]["search_analyzer"] = "portal_de_exact"
    return {
        "settings": {"number_of_shards": 1, "number_of_replicas": 0, "analysis": cluster_analysis()},
        "mappings": {
            "dynamic": "strict",
            "properties": {
                **text_fields,
                "key": {"type": "keyword"},
                "kind": {"type": "keyword"},
                "title": {"type": "keyword", "index": False},
                "text": {"type": "text", "index": False},
                "url": {"type": "keyword", "index": False},
                "language": {"type": "keyword"},
                "translated_to": {"type": "keyword"},
                "district": {"type": "keyword"},
                "categories": {"type": "keyword"},
                "age_min_months": {"type": "integer"},
                "age_max_months": {"type": "integer"},
                "free_of_charge": {"type": "boolean"},
                "location": {"type": "geo_point"},
                "date_start": {"type": "date"},
                "date_end": {"type": "date"},
                "visibility": {"type": "keyword"},
                "boost": {"type": "float"},
                # Every document has one (its own key when it stands alone): results collapse on it.
                "sibling_key": {"type": "keyword"},
                "title_autocomplete": {
                    "type": "text",
                    "analyzer": "portal_autocomplete",
                    "search_analyzer": "portal_autocomplete_search",
                },
                # The entry's analysed forms (search/analysis.py, as the database engine indexes them): compounds,
                # derivations and synonyms match here exactly as on SQLite and PostgreSQL (search/matching.py).
                "terms_title": {"type": "text", "analyzer": "whitespace"},
                "terms": {"type": "text", "analyzer": "whitespace"},
            },
        },
    }


def entry_source(entry) -> dict:
    """The cluster document for a SearchEntry: text in the fields of its language's analyzer (Leichte Sprache,
    `de-x-ls`, in the German ones)."""
    language = analyzer_for(entry.language)
    source = {
        "key": entry.key,
        "kind": entry.kind,
        "title": entry.title,
        "text": entry.text,
        "url": entry.url,
        "language": entry.language,
        "translated_to": entry.translated_to,
        "district": entry.district or None,
        "categories": entry.categories,
        "age_min_months": entry.age_min_months,
        "age_max_months": entry.age_max_months,
        "free_of_charge": entry.free_of_charge,
        "date_start": entry.date_start.isoformat() if entry.date_start else None,
        "date_end": entry.date_end.isoformat() if entry.date_end else None,
        "visibility": entry.visibility,
        "boost": entry.boost,
        "sibling_key": entry.sibling_key or f"#{entry.key}",
        f"title_{language}": entry.title,
        f"text_{language}": entry.text,
        f"all_{language}": " ".join(
            [entry.title, district_terms(entry.district), " ".join(entry.categories), entry.text]
        ),
        "title_autocomplete": entry.title,
        "terms_title": entry.title_tokens,
        "terms": entry.body_tokens,
    }
    if entry.latitude is not None and entry.longitude is not None:
        source["location"] = {"lat": entry.latitude, "lon": entry.longitude}
    return source


class ClusterEngine:
    def __init__(self, url: str, prefix: str = "familienportal", timeout: float = 3.0):
        self.flavour, self.client = client_for(url, timeout)
        self.name = self.flavour
        self.alias = f"{prefix}-portal"
        self.ready = False  # the alias was seen (or made) by this process

    # --- small differences between the two clients ----------------------------------------------------
    def _create(self, name: str, body: dict) -> None:
        if self.flavour == "elasticsearch":
            self.client.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])
        else:
            self.client.indices.create(index=name, body=body)

    def _search(self, body: dict) -> dict:
        if self.flavour == "elasticsearch":
            body = {("from_" if k == "from" else k): v for k, v in body.items()}
            return self.client.search(index=self.alias, **body).body
        return self.client.search(index=self.alias, body=body)

    def _aliases(self, actions: list[dict]) -> None:
        if self.flavour == "elasticsearch":
            self.client.indices.update_aliases(actions=actions)
        else:
            self.client.indices.update_aliases(body={"actions": actions})

    def _bulk(self, actions: list[dict], index: str | None = None) -> None:
        if self.flavour == "elasticsearch":
            from elasticsearch.helpers import bulk
        else:
            from opensearchpy.helpers import bulk
        for action in actions:
            action.setdefault("_index", index or self.alias)
        # Writes through the alias must never auto-create a plain index under its name (wrong mappings).
        extra = {} if index else {"require_alias": True}
        bulk(self.client, actions, chunk_size=500, raise_on_error=True, **extra)

    # --- lifecycle -------------------------------------------------------------------------------------
    def ping(self) -> bool:
        return bool(self.client.ping())

    def alias_indices(self) -> list[str]:
        if not self.client.indices.exists_alias(name=self.alias):
            return []
        response = self.client.indices.get_alias(name=self.alias)
        return sorted(getattr(response, "body", response).keys())

    def ensure_index(self) -> bool:
        """Create the index behind the alias if there is none; True when it had to be created."""
        if self.alias_indices():
            return False
        name = self._new_index_name()
        self._create(name, index_body())
        self._aliases([{"add": {"index": name, "alias": self.alias}}])
        return True

    def _new_index_name(self) -> str:
        return f"{self.alias}-{datetime.datetime.now(datetime.UTC).strftime('%Y%m%d%H%M%S%f')}"

    def write(self, entries) -> None:
        if not self.ready:
            self.ensure_index()
            self.ready = True
        self._bulk([{"_op_type": "index", "_id": e.key, "_source": entry_source(e)} for e in entries])

    def remove(self, keys: list[str]) -> None:
        """Delete documents by key; one that is already gone is fine."""
        client = self.client.options(ignore_status=404) if self.flavour == "elasticsearch" else self.client
        for key in keys:
            if self.flavour == "elasticsearch":
                client.delete(index=self.alias, id=key)
            else:
                client.delete(index=self.alias, id=key, ignore=404)

    def rebuild(self, entries, progress=None) -> str:
        """Fill a fresh index from `entries`, then point the alias at it in one step; old indices go."""
        name = self._new_index_name()
        self._create(name, index_body())
        batch = []
        for count, entry in enumerate(entries, start=1):
            batch.append({"_op_type": "index", "_id": entry.key, "_source": entry_source(entry)})
            if len(batch) >= 500:
                self._bulk(batch, index=name)
                batch = []
            if progress:
                progress(count)
        if batch:
            self._bulk(batch, index=name)
        self.client.indices.refresh(index=name)
        old = self.alias_indices()
        self._aliases(
            [{"remove": {"index": index, "alias": self.alias}} for index in old]
            + [{"add": {"index": name, "alias": self.alias}}]
        )
        for index in old:
            self.client.indices.delete(index=index)
        return name

    def refresh(self) -> None:
        self.client.indices.refresh(index=self.alias)

    # --- reading ---------------------------------------------------------------------------------------
    def _languages(self, query: SearchQuery) -> list[str]:
        """The analyses whose fields a query searches: the reader's language and German (for the originals)."""
        return list(dict.fromkeys([analyzer_for(query.language), "de"]))

    def _filters(self, query: SearchQuery) -> list[dict]:
        filters = [{"terms": {"visibility": query.visibilities()}}]
        if query.language == "de":
            filters.append({"term": {"language": "de"}})
        else:
            filters.append(
                {
                    "bool": {
                        "should": [
                            {"term": {"language": query.language}},
                            {
                                "bool": {
                                    "filter": [{"term": {"language": "de"}}],
                                    "must_not": [{"term": {"translated_to": query.language}}],
                                }
                            },
                        ],
                        "minimum_should_match": 1,
                    }
                }
            )
        if query.kind:
            filters.append({"term": {"kind": query.kind}})
        if query.district:
            filters.append({"term": {"district": query.district}})
        if query.category:
            filters.append({"term": {"categories": query.category}})
        if query.age:
            filters.append(_age_filter(query.age))
        if query.free:
            filters.append({"term": {"free_of_charge": True}})
        return filters

    def _terms(self, query: SearchQuery, fixes: dict[str, str]) -> list[Terms]:
        return [
            terms
            for language in dict.fromkeys([query.language, "de"])
            if (terms := terms_for(query.text, language, fixes, prefix=query.prefix)) is not None
        ]

    def _query(self, query: SearchQuery, fixes: dict | None = None, missing_allowed: int | None = None) -> dict:
        """The query: every word (`missing_allowed` None), or the documents lacking at most `missing_allowed` words
        (compound parts counted on their own), those with most words first."""
        partial = missing_allowed is not None
        languages = self._languages(query)
        text = query.text
        analysed = self._terms(query, fixes or {})
        if partial:
            analysed = [terms.loosened() for terms in analysed]
        all_fields = [f"all_{lang}" for lang in languages]
        matching = [
            {
                "multi_match": {
                    "query": text,
                    "fields": all_fields,
                    "operator": "and",
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "max_expansions": 20,
                }
            },
            # Compound parts on the query side come from the analysed forms (`_terms_query`): a compound matches as
            # the whole word or with all its parts, never through any one part ("Kinderarzt" is not every "Kinder").
        ]
        if query.prefix:
            matching.append({"match": {"title_autocomplete": {"query": text, "operator": "and"}}})
        matching += [_terms_query(terms) for terms in analysed]
        if partial:
            # Not every word: the documents with most of them, a word being worth more than any text score.
            matching = [
                {
                    "bool": {
                        "should": [
                            {"constant_score": {"filter": _word_query(terms, position), "boost": PARTIAL_WORD_SCORE}}
                            for position in range(len(terms.groups))
                        ],
                        "minimum_should_match": max(1, len(terms.groups) - missing_allowed),
                    }
                }
                for terms in analysed
            ]
        fits = []
        age = query_age(query.text)
        if age is not None:
            fits.append({"constant_score": {"filter": _age_range_filter(*age), "boost": FIT_BOOST}})
        districts = district_names(query_words(query.text))
        if districts:
            fits.append({"constant_score": {"filter": {"terms": {"district": districts}}, "boost": FIT_BOOST}})
        # Scored as on the database engine: BM25 on the analysed forms (title four times the text), the entry's boost,
        # a bonus per query word found as itself in the title, and the fit of age and Stadtteil. What matched (also
        # fuzzily, or as a prefix) only decides which documents come, not their order.
        forms = " ".join(sorted({form for terms in analysed for form in terms.forms}))
        scoring = [
            {"match": {"terms_title": {"query": forms, "boost": 4}}},
            {"match": {"terms": {"query": forms}}},
            *_whole_words_in_title(analysed),
            *fits,
            {"term": {"language": {"value": query.language, "boost": 0.5}}},
        ]
        if partial:
            scoring += matching  # the count of words found comes first
        return {
            "function_score": {
                "query": {
                    "bool": {
                        "filter": [{"bool": {"should": matching, "minimum_should_match": 1}}, *self._filters(query)],
                        "should": scoring,
                    }
                },
                "field_value_factor": {"field": "boost", "missing": 1},
                "boost_mode": "multiply",
            }
        }

    def search(self, query: SearchQuery) -> SearchResults:
        from search.documents import kind_labels
        from search.suggest import corrections

        results = SearchResults(query=query, engine=self.name)
        words = query_words(query.text, query.language) or query_words(query.text)
        if not words:
            return results
        languages = self._languages(query)
        fixes = corrections(words, prefix=query.prefix)
        if fixes:
            results.suggestion = " ".join(fixes.get(word, word) for word in words)
        body = {
            "query": self._query(query, fixes),
            "from": query.offset,
            "size": query.per_page,
            # Counted exactly up to a bound, like the database engine's candidates: above it, "Mehr als …".
            "track_total_hits": COUNT_UP_TO,
            "highlight": {
                **HIGHLIGHT,
                "require_field_match": False,
                "fields": {
                    **{f"title_{lang}": {"number_of_fragments": 0} for lang in languages},
                    **{
                        f"text_{lang}": {"fragment_size": 200, "number_of_fragments": 1, "no_match_size": 200}
                        for lang in languages
                    },
                },
            },
            # Near-identical siblings are one result: the best of them, the others under it (search.documents).
            # (The siblings come in one more request, `_siblings`: `inner_hits` would run the query once per hit.)
            "collapse": {"field": "sibling_key"},
            # Facets over the best-scoring matches, not over all of them: "Kinder" matches most of a city. Like the
            # total, they count results (groups of siblings), not documents.
            "aggs": {
                "best": {
                    "sampler": {"shard_size": COUNT_UP_TO},
                    "aggs": {
                        "results": GROUPS,
                        "typ": {
                            "terms": {"field": "kind", "size": 20, "order": BY_GROUPS},
                            "aggs": {"results": GROUPS},
                        },
                        "stadtteil": {
                            "terms": {"field": "district", "size": 50, "order": {"_key": "asc"}},
                            "aggs": {"results": GROUPS},
                        },
                        "kategorie": {
                            "terms": {"field": "categories", "size": 20, "order": BY_GROUPS},
                            "aggs": {"results": GROUPS},
                        },
                        "kostenlos": {"filter": {"term": {"free_of_charge": True}}, "aggs": {"results": GROUPS}},
                        "alter": {
                            "filters": {"filters": {band: _age_filter(band) for band, *_rest in AGE_BANDS}},
                            "aggs": {"results": GROUPS},
                        },
                    },
                }
            },
        }
        response = self._search(body)
        results.total = _results(response)
        loosened = [terms.loosened() for terms in self._terms(query, fixes)]
        words = max((len(terms.groups) for terms in loosened), default=0)
        near = False
        if not results.total and words > 1:
            # No document has every word: those with most of them, each saying which words it lacks.
            body["query"] = self._query(query, fixes, missing_allowed=words)
            response = self._search(body)
            results.total = _results(response)
            results.partial = near = bool(results.total)
        elif results.total < FILL_BELOW and words >= 3:
            # Few have every word: those lacking only one of three or more come after them (search/engines/database.py).
            fuller = self._search({**body, "query": self._query(query, fixes, missing_allowed=1)})
            if _results(fuller) > results.total:
                response, near = fuller, True
                results.total = _results(response)
        labels = kind_labels()
        found = response["hits"]["hits"]
        siblings = self._siblings(body["query"], found)
        for lead in found:
            hit = self._hit(lead, languages, loosened if near else None)
            hit.siblings, hit.sibling_count = siblings.get(lead["_source"]["sibling_key"], ([], 0))
            hit.siblings = [self._hit(sibling, languages, None) for sibling in hit.siblings]
            results.hits.append(hit)
        results.more = response["hits"]["total"]["relation"] == "gte"
        aggs = response["aggregations"]["best"]
        count = lambda bucket: bucket["results"]["value"]  # noqa: E731
        bands = aggs["alter"]["buckets"]
        results.facets = {
            "typ": [FacetValue(b["key"], labels.get(b["key"], b["key"]), count(b)) for b in aggs["typ"]["buckets"]],
            "stadtteil": [FacetValue(b["key"], b["key"], count(b)) for b in aggs["stadtteil"]["buckets"]],
            "kategorie": [FacetValue(b["key"], b["key"], count(b)) for b in aggs["kategorie"]["buckets"]],
            "alter": [
                FacetValue(band, str(label), count(bands[band]))
                for band, _low, _high, label in AGE_BANDS
                if count(bands[band])
            ],
            "kostenlos": ([FacetValue("1", "kostenlos", count(aggs["kostenlos"]))] if count(aggs["kostenlos"]) else []),
        }
        return results

    def _siblings(self, query: dict, leads: list[dict]) -> dict[str, tuple[list[dict], int]]:
        """For each lead with siblings: the first SIBLINGS_SHOWN of the others that match too (by date), and how many
        there are. One request for the page, and none when every lead stands alone (its key is its own, "#…")."""
        keys = [lead["_source"]["sibling_key"] for lead in leads]
        keys = [key for key in keys if not key.startswith("#")]
        if not keys:
            return {}
        matching = query["function_score"]["query"]["bool"]["filter"]
        response = self._search(
            {
                "size": 0,
                "query": {
                    "bool": {
                        "filter": [*matching, {"terms": {"sibling_key": keys}}],
                        "must_not": [{"ids": {"values": [lead["_id"] for lead in leads]}}],
                    }
                },
                "aggs": {
                    "groups": {
                        "terms": {"field": "sibling_key", "size": len(keys)},
                        "aggs": {
                            "first": {
                                "top_hits": {
                                    "size": SIBLINGS_SHOWN,
                                    "sort": [{"date_start": {"order": "asc", "missing": "_last"}}, {"key": "asc"}],
                                    "_source": {
                                        "includes": [
                                            "key",
                                            "kind",
                                            "title",
                                            "url",
                                            "language",
                                            "district",
                                            "categories",
                                            "date_start",
                                            "date_end",
                                        ]
                                    },
                                }
                            }
                        },
                    }
                },
            }
        )
        return {
            bucket["key"]: (bucket["first"]["hits"]["hits"], bucket["doc_count"])
            for bucket in response["aggregations"]["groups"]["buckets"]
        }

    def _hit(self, found: dict, languages: list[str], loosened: list[Terms] | None) -> Hit:
        """A result from a hit of the response (or of its inner hits); `loosened`: a partial match's query."""
        source, highlight = found["_source"], found.get("highlight", {})
        title_html = next(
            (highlight[f"title_{lang}"][0] for lang in languages if f"title_{lang}" in highlight),
            escape(source["title"]),
        )
        snippet_html = next(
            (highlight[f"text_{lang}"][0] for lang in languages if f"text_{lang}" in highlight),
            escape(source.get("text", "")[:200]),
        )
        return Hit(
            key=source["key"],
            kind=source["kind"],
            title=source["title"],
            url=source["url"],
            title_html=title_html,
            snippet_html=snippet_html,
            district=source.get("district") or "",
            categories=source.get("categories") or [],
            language=source["language"],
            date_start=_date(source.get("date_start")),
            date_end=_date(source.get("date_end")),
            score=found["_score"] or 0.0,
            missing=_missing(loosened, source) if loosened is not None and "terms" in source else [],
        )


PARTIAL_WORD_SCORE = 100.0
FILL_BELOW = 3  # as on the database engine
WHOLE_WORD_BOOST = 2.0
COUNT_UP_TO = 1000  # matches counted exactly and taken for the facets (the database engine's bound, both ways)
FIT_BOOST = 2.0
# Results, not documents: near-identical siblings count once (exact far beyond the COUNT_UP_TO documents sampled).
GROUPS = {"cardinality": {"field": "sibling_key", "precision_threshold": 4 * COUNT_UP_TO}}
BY_GROUPS = [{"results": "desc"}, {"_key": "asc"}]


def _group_query(terms: Terms, position: int, field: str = "terms") -> dict:
    """One query word against a field of analysed forms: any clause, each clause all its form sets, each set any
    form (search/matching.py)."""
    alternatives = []
    for clause in terms.groups[position]:
        sets = [{"terms": {field: sorted(forms)}} for forms in clause if forms]
        alternatives.append(sets[0] if len(sets) == 1 else {"bool": {"filter": sets}})
    prefix = terms.last_prefix(position)
    if prefix:
        alternatives.append({"prefix": {field: prefix}})
    return {"bool": {"should": alternatives, "minimum_should_match": 1}}


def _word_query(terms: Terms, position: int) -> dict:
    """A query word in the title's or the body's analysed forms."""
    return {
        "bool": {
            "should": [_group_query(terms, position, "terms_title"), _group_query(terms, position)],
            "minimum_should_match": 1,
        }
    }


def _terms_query(terms: Terms) -> dict:
    """Every word of the query through the analysed forms. It only selects documents (it sits in the filter): the
    score is `_query`'s, as on the database engine."""
    return {"bool": {"filter": [_word_query(terms, position) for position in range(len(terms.groups))]}}


def _whole_words_in_title(analysed: list[Terms]) -> list[dict]:
    """A bonus for each query word whose own form (not a compound part) is in the title's analysed forms."""
    forms_by_word: dict[str, set[str]] = {}
    for terms in analysed:
        for word in terms.words:
            if " " not in word:
                forms_by_word.setdefault(word, set()).add(whole_word_form(word, terms.analyzer))
    return [
        {"constant_score": {"filter": {"terms": {"terms_title": sorted(forms)}}, "boost": WHOLE_WORD_BOOST}}
        for forms in forms_by_word.values()
    ]


def _missing(analysed: list[Terms], source: dict) -> list[str]:
    """The words (of the loosened query in the document's analysis) a document does not have."""
    tokens = set(f"{source.get('terms_title', '')} {source.get('terms', '')}".split())
    language = analyzer_for(source.get("language", "de"))
    terms = next((t for t in analysed if t.analyzer == language), analysed[0])
    return [word for word, found in zip(terms.words, terms.matched(tokens), strict=True) if not found]


def _age_filter(band: str) -> dict:
    return _age_range_filter(*AGE_BAND_RANGES[band])


def _age_range_filter(low: int, high: int) -> dict:
    """Documents whose age range (months) overlaps [low, high]; a missing bound is open, but one bound must exist."""
    return {
        "bool": {
            "filter": [
                {
                    "bool": {
                        "should": [
                            {"range": {"age_min_months": {"lte": high}}},
                            {"bool": {"must_not": {"exists": {"field": "age_min_months"}}}},
                        ]
                    }
                },
                {
                    "bool": {
                        "should": [
                            {"range": {"age_max_months": {"gte": low}}},
                            {"bool": {"must_not": {"exists": {"field": "age_max_months"}}}},
                        ]
                    }
                },
                {
                    "bool": {
                        "should": [{"exists": {"field": "age_min_months"}}, {"exists": {"field": "age_max_months"}}]
                    }
                },
            ],
        }
    }


def _results(response: dict) -> int:
    """How many results (groups of siblings) a response found."""
    return response["aggregations"]["best"]["results"]["value"] if response["hits"]["total"]["value"] else 0


def _date(value):
    return datetime.date.fromisoformat(value[:10]) if value else None
