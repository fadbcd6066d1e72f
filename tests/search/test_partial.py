"""No empty page when something matches (issue 21): when no document has every word, the ones with most of them,
each saying which words it lacks; the same on the database engine and on the search cluster."""

import pytest

from search.query import SearchQuery
from search.services import search_uncached
from tests.factories import district, make_offer, offer_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(home_page, indexing):
    index = offer_index(home_page)
    with indexing():
        make_offer(
            index,
            title="Babyschwimmen im Hallenbad",
            summary="Wassergewöhnung für Babys mit Mama oder Papa.",
            district=district("saarn"),
        )
        make_offer(index, title="Krabbelgruppe Styrum", summary="Eltern mit Baby tauschen sich aus.")
        make_offer(index, title="Laternenbasteln", summary="Wir basteln Laternen für den Martinszug.")


def _search(text: str, engine=None):
    if engine is not None:
        engine.refresh()
    return search_uncached(SearchQuery(text=text, prefix=False))


def _check_partial_matches(engine=None):
    # "Dinslaken" is nowhere: the offers with both other words first, then those with one, each saying what it lacks.
    results = _search("Babyschwimmen Hallenbad Dinslaken", engine)
    assert results.partial and results.total == 2
    assert [hit.title for hit in results.hits] == ["Babyschwimmen im Hallenbad", "Krabbelgruppe Styrum"]
    assert results.hits[0].missing == ["Dinslaken"]
    # The Krabbelgruppe has only "Baby" (a part of "Babyschwimmen"): it lacks the rest, parts named on their own.
    assert {"Dinslaken", "schwimmen", "bad"} <= set(results.hits[1].missing)
    # A compound's parts count on their own when nothing has the whole: "Bastelnachmittag" finds "basteln".
    results = _search("Bastelnachmittag", engine)
    assert results.partial and [hit.title for hit in results.hits] == ["Laternenbasteln"]
    assert results.hits[0].missing == ["nachmittag"]
    # Every word found: no partial results, nothing missing.
    results = _search("Babyschwimmen Hallenbad", engine)
    assert not results.partial and [hit.title for hit in results.hits] == ["Babyschwimmen im Hallenbad"]
    assert results.hits[0].missing == []
    # Truly nothing: no results at all (the page then offers categories and the Familienbüro).
    assert _search("Dinslaken Oberhausen", engine).total == 0


def test_partial_matches_on_the_database_engine(offers):
    _check_partial_matches()


@pytest.mark.search_engine
def test_partial_matches_on_the_search_cluster(offers, cluster):
    from search.models import SearchEntry

    cluster.rebuild(SearchEntry.objects.order_by("pk").iterator())
    _check_partial_matches(cluster)
