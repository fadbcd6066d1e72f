"""The results page and the API on the embedded database engine, with documents of every type."""

import re

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from search.models import SearchEntry
from tests.factories import ContentPageFactory, district, make_offer, offer_index
from tests.search.conftest import search_json, titles

pytestmark = pytest.mark.django_db


def _publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def offers(home_page, indexing):
    index = offer_index(home_page)
    saarn, styrum = district("saarn"), district("styrum")
    with indexing():
        swim = make_offer(
            index,
            title="Babyschwimmen Saarn",
            summary="Schwimmkurs für Babys im Hallenbad.",
            district=saarn,
            age_min_months=3,
            age_max_months=12,
            categories=("sport",),
        )
        paid = make_offer(
            index,
            title="Schwimmkurs Seepferdchen Styrum",
            summary="Schwimmen lernen ab fünf Jahren.",
            district=styrum,
            age_min_months=60,
            age_max_months=96,
            cost_kind="preis",
            price=40,
        )
    return swim, paid


def test_a_published_page_is_found_and_an_unpublished_one_is_gone(client, home_page, indexing):
    page = ContentPageFactory(
        parent=home_page, title="Elterngeld beantragen", slug="elterngeld", intro="Antrag und Unterlagen"
    )
    with indexing():
        _publish(page)
    assert titles(client, "Elterngeld") == ["Elterngeld beantragen"]
    with indexing():
        page.unpublish()
    assert titles(client, "Elterngeld") == []
    assert not SearchEntry.objects.filter(key=f"page:{page.pk}").exists()


def test_a_deleted_page_leaves_the_index(client, home_page, indexing):
    page = ContentPageFactory(parent=home_page, title="Spielplatzfest", slug="fest")
    with indexing():
        _publish(page)
    assert titles(client, "Spielplatzfest")
    with indexing():
        page.delete()
    assert titles(client, "Spielplatzfest") == []


def test_a_page_behind_a_password_is_not_found(client, home_page, indexing):
    page = ContentPageFactory(parent=home_page, title="Interne Dienstplanung", slug="intern")
    with indexing():
        _publish(page)
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert titles(client, "Dienstplanung") == []


def test_results_page_highlights_counts_facets_and_filters_without_javascript(client, offers):
    html = client.get("/de/suche/", {"q": "schwimmkurs"}).content.decode()
    assert "2 Ergebnisse für „<bdi>schwimmkurs</bdi>“" in html
    assert "<mark>Schwimmkurs</mark>" in html
    # (Seepferdchen may be marked too: the shipped synonyms count it as a Schwimmkurs.)
    assert "<mark>Babyschwimmen</mark> Saarn" in html
    assert re.search(r"<mark>Schwimmkurs</mark> (<mark>)?Seepferdchen(</mark>)? Styrum", html)
    # Facet links are plain links that set one filter.
    assert 'href="?q=schwimmkurs&amp;stadtteil=Saarn"' in html
    assert 'href="?q=schwimmkurs&amp;alter=0-1"' in html and 'href="?q=schwimmkurs&amp;kostenlos=1"' in html
    filtered = client.get("/de/suche/", {"q": "schwimmkurs", "stadtteil": "Saarn"}).content.decode()
    assert (
        "1 Ergebnis für „<bdi>schwimmkurs</bdi>“" in filtered
        and "Seepferdchen" not in filtered.split("search-results")[-1]
    )
    assert "Filter „Stadtteil“ entfernen" in filtered


def test_api_returns_results_facets_highlights_and_total(client, offers):
    data = search_json(client, "schwimmkurs baby saarn")
    assert data["total"] == 1 and data["engine"] == "database"
    hit = data["results"][0]
    assert hit["title"] == "Babyschwimmen Saarn" and hit["type"] == "angebot" and hit["district"] == "Saarn"
    assert hit["url"].startswith("http://testserver/de/")
    assert "<mark>" in hit["snippet_html"]
    both = search_json(client, "schwimmen")
    facets = {name: {v["value"]: v["count"] for v in values} for name, values in both["facets"].items()}
    assert facets["typ"] == {"angebot": 2}
    assert facets["stadtteil"] == {"Saarn": 1, "Styrum": 1}
    assert facets["alter"]["0-1"] == 1 and facets["alter"]["6-10"] == 1
    assert facets["kostenlos"] == {"1": 1}
    assert [r["title"] for r in search_json(client, "schwimmen", kostenlos=1)["results"]] == ["Babyschwimmen Saarn"]
    assert [r["title"] for r in search_json(client, "schwimmen", alter="6-10")["results"]] == [
        "Schwimmkurs Seepferdchen Styrum"
    ]


def test_typos_find_results_and_offer_did_you_mean(client, offers):
    data = search_json(client, "babyschwimen")
    assert data["suggestion"] == "babyschwimmen"
    assert data["results"][0]["title"] == "Babyschwimmen Saarn"
    html = client.get("/de/suche/", {"q": "babyschwimen"}).content.decode()
    assert "Meinten Sie:" in html and 'href="?q=babyschwimmen"' in html


def test_umlaut_spellings_and_unfinished_words_match(client, offers):
    assert "Babyschwimmen Saarn" in titles(client, "Babyschwimmen Saarn")
    assert "Schwimmkurs Seepferdchen Styrum" in titles(client, "fuenf jahren")
    assert titles(client, "seepferd")[0] == "Schwimmkurs Seepferdchen Styrum"
    suggestions = client.get(reverse("api-search-suggest"), {"q": "seepf"}).json()["suggestions"]
    assert suggestions[0]["title"] == "Schwimmkurs Seepferdchen Styrum" and suggestions[0]["type_label"] == "Angebot"


def test_pagination_keeps_query_and_filters(client, home_page, indexing):
    with indexing():
        for number in range(12):
            _publish(ContentPageFactory(parent=home_page, title=f"Spielplatz {number}", slug=f"spielplatz-{number}"))
    html = client.get("/de/suche/", {"q": "Spielplatz", "typ": "seite"}).content.decode()
    assert 'href="?q=Spielplatz&amp;typ=seite&amp;seite=2"' in html and "Seite 1 von 2" in html
    data = search_json(client, "Spielplatz", seite=2)
    assert data["page"] == 2 and data["pages"] == 2 and len(data["results"]) == 2


def test_bad_input_gets_a_german_message_and_no_results(client, offers):
    response = client.get("/de/suche/", {"q": "kita", "seite": "x"})
    assert response.status_code == 400 and "Die Seitenzahl muss eine Zahl sein." in response.content.decode()
    assert client.get("/de/suche/", {"q": "kita", "alter": "99"}).status_code == 400
    api = client.get("/api/v1/search", {"q": "kita", "typ": "raumschiff"})
    assert api.status_code == 400 and api.json()["errors"]["typ"] == ["Diese Art von Ergebnis gibt es nicht."]
    assert client.get("/api/v1/search").json()["errors"]["q"] == ["Bitte ein Suchwort angeben."]
    assert client.get("/de/suche/", {"q": "kita " * 200}).status_code == 400


def test_empty_query_shows_only_the_form_and_the_forum_box_searches_the_forum(client, home_page):
    html = client.get("/de/suche/").content.decode()
    assert 'name="q"' in html and "Ergebnis" not in html
    forum_html = client.get("/de/forum/").content.decode()
    assert f'action="{reverse("search")}"' in forum_html and 'name="typ" value="forum"' in forum_html


def test_query_count_of_the_results_page_does_not_grow_with_results(
    client, home_page, indexing, django_assert_max_num_queries
):
    with indexing():
        for number in range(10):
            _publish(ContentPageFactory(parent=home_page, title=f"Familienzentrum {number}", slug=f"fz-{number}"))
    # One request first: the caches every page shares (locales, portal settings, content types) are filled once
    # per process or cache lifetime, not per results page.
    client.get("/de/suche/", {"q": "Familienzentrum"})
    # 7, and 3 for counting the search (search/analytics.py: one statement, in a savepoint within the test's
    # transaction).
    with django_assert_max_num_queries(7 + 3):
        client.get("/de/suche/", {"q": "Familienzentrum"})


def test_a_repeated_search_is_kept_until_content_or_the_index_changes(client, offers):
    """On the database engine a search scans all its matches (total, facets, ranking); the same question again is
    answered from what was kept, and a change of the index alone (a rebuild, the catch-up) is enough to ask anew."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.services import documents_refresh

    swim, paid = offers
    assert sorted(titles(client, "Schwimmen")) == ["Babyschwimmen Saarn", "Schwimmkurs Seepferdchen Styrum"]
    with CaptureQueriesContext(connection) as context:
        assert sorted(titles(client, "Schwimmen")) == ["Babyschwimmen Saarn", "Schwimmkurs Seepferdchen Styrum"]
    assert not [q for q in context.captured_queries if "portal_search_" in q["sql"]], "the index was asked again"

    type(swim).objects.filter(pk=swim.pk).update(live=False)  # no signal: only the index hears of it
    documents_refresh([f"page:{swim.pk}"])
    assert titles(client, "Schwimmen") == ["Schwimmkurs Seepferdchen Styrum"]
