"""The relevance table (tests/search/relevance_table.py) on the demo city, on both engines.

OpenSearch must place every expected result in the top 3. The database engine is simpler (no fuzzy scoring,
no whole-word preference); it must reach DATABASE_MIN_HIT_RATE, the rate the README states.
"""

import pytest

from search.query import SearchQuery
from search.services import search
from tests.home.test_seed_demo import demo_city
from tests.search.conftest import index_on_cluster
from tests.search.relevance_table import RELEVANCE, hit_matches

pytestmark = pytest.mark.django_db
DATABASE_MIN_HIT_RATE = 0.95


@pytest.fixture(scope="module")
def seeded_city(django_db_setup, django_db_blocker):
    """The demo city in German only, no other language switched on: the table's queries are German and German
    readers get German documents (tests/search/test_multilingual_relevance.py covers the other languages)."""
    yield from demo_city(django_db_blocker, german_only=True)


def _misses() -> tuple[list[str], str]:
    misses, engine = [], ""
    for query, expected in RELEVANCE:
        results = search(SearchQuery(text=query))
        engine = results.engine
        top = [{"title": h.title, "kind": h.kind, "district": h.district} for h in results.hits[:3]]
        if not any(hit_matches(expected, hit) for hit in top):
            misses.append(f"{query!r}: expected {expected!r}, got {[h['title'] for h in top]}")
    return misses, engine


def _report(engine: str, misses: list[str]) -> str:
    hits = len(RELEVANCE) - len(misses)
    return f"{engine}: {hits}/{len(RELEVANCE)} in the top 3 ({hits / len(RELEVANCE):.0%})\n" + "\n".join(misses)


def test_the_table_has_enough_queries():
    assert len(RELEVANCE) >= 40


def test_relevance_on_the_database_engine(seeded_city):
    misses, engine = _misses()
    assert engine == "database"
    print(_report(engine, misses))
    assert 1 - len(misses) / len(RELEVANCE) >= DATABASE_MIN_HIT_RATE, _report(engine, misses)


@pytest.fixture(scope="module")
def demo_on_cluster(seeded_city, django_db_blocker):
    with index_on_cluster(django_db_blocker, "relevance") as engine:
        yield engine


@pytest.mark.search_engine
def test_relevance_on_the_search_engine(demo_on_cluster):
    misses, engine = _misses()
    assert engine == demo_on_cluster.name
    print(_report(engine, misses))
    assert not misses, _report(engine, misses)
