"""Fast at scale (issue 21): a search counts, facets and ranks a bounded set of matches, title matches first; where
the bound is reached the page says "Mehr als …" instead of counting every match of a common word."""

import pytest

from search.engines import cluster as cluster_module
from search.engines import database
from search.query import SearchQuery
from search.services import search_uncached
from tests.factories import make_offer, offer_index
from tests.search.conftest import search_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(home_page, indexing):
    index = offer_index(home_page)
    with indexing():
        for number in range(4):
            make_offer(index, title=f"Treffpunkt {number}", summary="Mit Kinderflohmarkt im Hof.")
        make_offer(index, title="Kinderflohmarkt Saarn", summary="Kleidung und Spielzeug.")


def test_the_database_engine_counts_up_to_its_bound_and_takes_title_matches_first(client, offers, monkeypatch):
    results = search_uncached(SearchQuery(text="Kinderflohmarkt", prefix=False))
    assert results.total == 5 and not results.more
    monkeypatch.setattr(database, "CANDIDATES", 2)
    results = search_uncached(SearchQuery(text="Kinderflohmarkt", prefix=False))
    # One title match (fewer than the bound), then two of the four with the word in their text only.
    assert results.total == 3 and results.more
    assert results.hits[0].title == "Kinderflohmarkt Saarn"
    assert sum(f.count for f in results.facets["typ"]) == 3  # facets count the candidates
    html = client.get("/de/suche/", {"q": "Kinderflohmarkt"}).content.decode()
    assert "Mehr als 3 Ergebnisse für „<bdi>Kinderflohmarkt</bdi>“" in html
    data = search_json(client, "Kinderflohmarkt")
    assert data["total"] == 3 and data["total_is_lower_bound"]


@pytest.mark.search_engine
def test_the_search_cluster_counts_up_to_its_bound(offers, cluster, monkeypatch):
    from search.models import SearchEntry

    cluster.rebuild(SearchEntry.objects.order_by("pk").iterator())
    results = search_uncached(SearchQuery(text="Kinderflohmarkt", prefix=False))
    assert results.engine == cluster.name and results.total == 5 and not results.more
    assert results.hits[0].title == "Kinderflohmarkt Saarn"
    monkeypatch.setattr(cluster_module, "COUNT_UP_TO", 3)
    results = search_uncached(SearchQuery(text="Kinderflohmarkt", prefix=False))
    assert results.total == 3 and results.more and results.hits[0].title == "Kinderflohmarkt Saarn"
