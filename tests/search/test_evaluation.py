"""The search on material it was not written next to (issue 21): the judged queries of bench/evaluation/ over the
evaluation corpus (offers, Kitas and wiki articles written apart from the demo city, translated into five
languages), on each engine. CI runs the development half; the held-out half only bench/relevance.py, for the final
report.

The gates are the rates the development half reached when the evaluation came (README, "Search quality"): a change
to the search may not make them worse. Issue 21's own gates (top-3 at least 90 %, no empty result where something
relevant exists) replace them as its work lands.
"""

from __future__ import annotations

import csv
import json

import pytest

from bench.evaluation import corpus
from tests.home.test_seed_demo import demo_city
from tests.search.conftest import index_on_cluster

pytestmark = pytest.mark.django_db

# What the development half (130 queries) reaches on each engine (bench/relevance.py): the number of queries with a
# relevant hit in the top 3, and with no hit at all. Issue 21's gate is 90 % in the top 3 (117) and no empty result;
# these are today's counts, so that no change makes them worse (the baseline before issue 21: 92, 89 and 90 in the
# top 3, 31–32 empty).
GATES = {
    "database-sqlite": {"top3": 122, "zero": 0},
    "database-postgresql": {"top3": 121, "zero": 0},
    "opensearch": {"top3": 125, "zero": 0},
}


@pytest.fixture(scope="module")
def seeded_city(django_db_setup, django_db_blocker):
    """The German demo city for its structure (tests/conftest.py runs modules with this fixture in one worker)."""
    yield from demo_city(django_db_blocker, german_only=True)


@pytest.fixture(scope="module")
def corpus_ids(seeded_city, django_db_blocker):
    with django_db_blocker.unblock():
        return corpus.load()


def _corpus_ids_in_files() -> set[str]:
    ids = {row["external_id"] for row in csv.DictReader((corpus.CONTENT / "offers.csv").open(encoding="utf-8"))}
    for name in ("kitas.json", "wiki.json"):
        ids |= {item["external_id"] for item in json.loads((corpus.CONTENT / name).read_text(encoding="utf-8"))}
    return ids


def test_the_judged_set_is_large_split_and_points_into_the_corpus():
    dev, heldout = corpus.queries("dev"), corpus.queries("heldout")
    assert len(dev) + len(heldout) >= 200
    assert abs(len(dev) - len(heldout)) <= 4, "two halves of about the same size"
    assert not {query.id for query in dev} & {query.id for query in heldout}
    known = _corpus_ids_in_files()
    translated = set(json.loads((corpus.CONTENT / "translations.json").read_text(encoding="utf-8")))
    for query in dev + heldout:
        assert query.relevant, f"{query.id}: nothing relevant"
        assert set(query.relevant) <= known, f"{query.id}: unknown ids {set(query.relevant) - known}"
        if query.language != "de":
            assert set(query.relevant) <= translated, f"{query.id}: only translated items exist in {query.language}"
    for half in (dev, heldout):
        assert {query.language for query in half} == set(corpus.LANGUAGES) | {"de"}


def test_the_corpus_is_all_the_index_holds(corpus_ids):
    from search.models import SearchEntry
    from search.services import resolve

    keys = list(SearchEntry.objects.values_list("key", flat=True))
    assert len(keys) >= 110 + 30  # the German corpus and its translations
    outside = [key for key in keys if getattr(resolve(key), "pk", None) not in corpus_ids]
    assert not outside, f"the demo city's content left in the index: {outside[:5]}"


def _gate(report: corpus.Report, engine: str) -> None:
    print(report.summary())
    gate = GATES[engine]
    misses = [outcome.query.id for outcome in report.outcomes if not outcome.top3]
    assert sum(outcome.top3 for outcome in report.outcomes) >= gate["top3"], f"{report.summary()}; missed: {misses}"
    assert sum(outcome.zero for outcome in report.outcomes) <= gate["zero"], report.summary()


def test_the_development_half_on_the_database_engine(corpus_ids):
    from django.db import connection

    report = corpus.evaluate("dev", corpus_ids)
    assert report.engine == "database"
    _gate(report, f"database-{connection.vendor}")


@pytest.fixture(scope="module")
def corpus_on_cluster(corpus_ids, django_db_blocker):
    with index_on_cluster(django_db_blocker, "evaluation", SEARCH_TIMEOUT=30) as engine:
        yield engine


@pytest.mark.search_engine
def test_the_development_half_on_the_search_engine(corpus_ids, corpus_on_cluster):
    report = corpus.evaluate("dev", corpus_ids)
    assert report.engine == corpus_on_cluster.name
    _gate(report, "opensearch")
