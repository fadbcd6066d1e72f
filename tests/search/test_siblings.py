"""Near-identical siblings are one result (issue 21): one provider's course on other days, in other groups or in
other Stadtteile does not take several places; the best of them leads and lists the others. The same on the
database engine and on the search cluster, on the page and in the API."""

import datetime

import pytest

from search.documents import sibling_key
from search.query import SearchQuery
from search.services import search_uncached
from tests.factories import district, make_offer, offer_index
from tests.factories.directory import ProviderFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def test_sibling_key_ignores_when_which_group_and_where():
    key = sibling_key("provider:7", "Schwimmkurs Seepferdchen (montags)")
    assert key
    for title in (
        "Schwimmkurs Seepferdchen (freitags, 15 Uhr)",
        "Schwimmkurs Seepferdchen – Mittwoch",
        "Schwimmkurs Seepferdchen, Gruppe 2",
        "Schwimmkurs Seepferdchen II",
        "Schwimmkurs Seepferdchen Herbst 2026",
        "Schwimmkurs Seepferdchen 12.10.–14.12.",
        "SCHWIMMKURS SEEPFERDCHEN [Nachmittag]",
    ):
        assert sibling_key("provider:7", title) == key, title
    # Its own place's words go (the same course in another Stadtteil or venue is a sibling too).
    assert sibling_key("provider:7", "Schwimmkurs Seepferdchen Saarn", drop=["Saarn", "Hallenbad Süd"]) == key
    # What the offer is stays: another course, another provider, another language, no provider at all.
    assert sibling_key("provider:7", "Schwimmkurs für Babys (montags)") != key
    assert sibling_key("provider:8", "Schwimmkurs Seepferdchen (montags)") != key
    assert sibling_key("provider:7", "Schwimmkurs Seepferdchen (montags)", language="en") != key
    assert sibling_key("", "Schwimmkurs Seepferdchen (montags)") == ""
    # Nothing but a day and a number left: it stands alone rather than joining every other such title.
    assert sibling_key("provider:7", "Montag 10 Uhr") == ""


@pytest.fixture
def offers(home_page, indexing):
    index = offer_index(home_page)
    club, other = ProviderFactory(name="Schwimmverein Ruhr"), ProviderFactory(name="Hallenbad Süd")
    with indexing():
        for weekday, days in (("freitags", 30), ("montags", 10), ("mittwochs", 20)):
            make_offer(
                index,
                title=f"Schwimmkurs Seepferdchen ({weekday})",
                summary="Schwimmen lernen bis zum Seepferdchen, für Kinder ab fünf Jahren.",
                provider=club,
                district=district("saarn"),
                dates=[{"start_date": TODAY + datetime.timedelta(days=days)}],
            )
        # The same words from another provider, and another course of the first: results of their own.
        make_offer(
            index,
            title="Schwimmkurs Seepferdchen",
            summary="Seepferdchen-Kurs im Hallenbad.",
            provider=other,
            district=district("styrum"),
        )
        make_offer(index, title="Schwimmkurs für Babys", summary="Wassergewöhnung ab sechs Monaten.", provider=club)


def _search(text: str, engine=None, **filters):
    if engine is not None:
        engine.refresh()
    return search_uncached(SearchQuery(text=text, prefix=False, **filters))


def _check_siblings_are_one_result(engine=None):
    results = _search("Schwimmkurs", engine)
    # Three results, not five: the three weekdays of one course are one.
    assert results.total == 3
    grouped = [hit for hit in results.hits if hit.sibling_count]
    assert len(results.hits) == 3 and len(grouped) == 1
    lead = grouped[0]
    assert lead.title.startswith("Schwimmkurs Seepferdchen (") and lead.sibling_count == 2
    # The others are listed under it by their first date, with a link each.
    assert len(lead.siblings) == 2
    assert [sibling.date_start for sibling in lead.siblings] == sorted(sibling.date_start for sibling in lead.siblings)
    assert {lead.title, *(sibling.title for sibling in lead.siblings)} == {
        f"Schwimmkurs Seepferdchen ({weekday})" for weekday in ("montags", "mittwochs", "freitags")
    }
    assert all(sibling.url.startswith("/") for sibling in lead.siblings)
    assert {hit.title for hit in results.hits if not hit.sibling_count} == {
        "Schwimmkurs Seepferdchen",
        "Schwimmkurs für Babys",
    }
    # The facets count results too: Saarn has the course (once) and Styrum the other provider's.
    facets = {facet.value: facet.count for facet in results.facets["stadtteil"]}
    assert facets == {"Saarn": 1, "Styrum": 1}
    assert {facet.value: facet.count for facet in results.facets["typ"]} == {"angebot": 3}
    # A filter keeps the siblings that pass it.
    results = _search("Seepferdchen", engine, district="Saarn")
    assert results.total == 1 and results.hits[0].sibling_count == 2
    # Pages count results: the second page of one-per-page is the next result, not the lead's sibling.
    every = _search("Seepferdchen", engine)
    assert every.total == len(every.hits) >= 2
    for page, expected in enumerate(every.hits, start=1):
        shown = _search("Seepferdchen", engine, per_page=1, page=page)
        assert shown.total == every.total and [hit.key for hit in shown.hits] == [expected.key]
        assert shown.hits[0].sibling_count == expected.sibling_count


def test_siblings_are_one_result_on_the_database_engine(offers):
    _check_siblings_are_one_result()


@pytest.mark.search_engine
def test_siblings_are_one_result_on_the_search_cluster(offers, cluster):
    from search.models import SearchEntry

    cluster.rebuild(SearchEntry.objects.order_by("pk").iterator())
    _check_siblings_are_one_result(cluster)


def test_the_page_and_the_api_list_the_siblings(offers, client):
    from home.offers.models import OfferPage

    data = client.get("/api/v1/search", {"q": "Seepferdchen"}).json()
    lead = next(result for result in data["results"] if result["sibling_count"])
    assert lead["sibling_count"] == 2 and len(lead["siblings"]) == 2
    assert all(sibling["url"].startswith("http://testserver/") for sibling in lead["siblings"])
    assert all(sibling["date_start"] for sibling in lead["siblings"])
    assert data["total"] == len(data["results"])  # results, not documents

    page = client.get("/de/suche/", {"q": "Seepferdchen"})
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('class="result result--angebot"') == data["total"]
    assert "+ 2 weitere Termine oder Orte" in html
    # Each of the three weekdays is linked from the page once: the lead's title and its two siblings.
    for offer in OfferPage.objects.filter(title__startswith="Schwimmkurs Seepferdchen ("):
        assert html.count(f'href="{offer.url}"') == 1, offer.title

    # A reader of another language gets the German originals grouped the same way, the label in their language.
    english = client.get("/en/suche/", {"q": "Seepferdchen"}).content.decode()
    assert "+ 2 more dates or places" in english
    assert 'lang="de"' in english.split("+ 2 more dates or places", 1)[1].split("</details>", 1)[0]
