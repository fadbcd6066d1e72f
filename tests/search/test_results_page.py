"""The search page when the words do not all match (partial results) and when nothing matches (issue 21)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.models import Site

from home.models import PortalSettings
from search.forms import SearchForm
from search.query import Hit, SearchQuery, SearchResults
from tests.factories import make_offer, offer_index

pytestmark = pytest.mark.django_db

PARTIAL_NOTICE = "Kein Ergebnis enthält alle Suchwörter. Wir zeigen Ergebnisse, die die meisten enthalten."


def render_page(results: SearchResults, **context) -> str:
    request = RequestFactory().get("/de/suche/", {"q": results.query.text})
    request.user = AnonymousUser()
    form = SearchForm({"q": results.query.text})
    form.is_valid()
    return render_to_string(
        "search/search.html",
        {"form": form, "query": results.query.text, "results": results, **context},
        request=request,
    )


def hit(title: str, missing: list[str]) -> Hit:
    return Hit(
        key=f"page:{len(title)}",
        kind="offer",
        title=title,
        url="/de/angebote/x/",
        title_html=title,
        snippet_html="",
        missing=missing,
    )


def test_partial_results_say_so_and_strike_through_the_missing_words(home_page):
    results = SearchResults(
        query=SearchQuery(text="babyschwimmen saarn samstag"),
        total=2,
        hits=[hit("Babyschwimmen in Saarn", ["samstag"]), hit("Babyschwimmen", ["saarn", "samstag"])],
        partial=True,
    )
    page = render_page(results)
    assert PARTIAL_NOTICE in page
    assert page.count("Es fehlt:") == 2
    assert "Es fehlt: <s><bdi>saarn</bdi></s> <s><bdi>samstag</bdi></s>" in page


def test_complete_results_have_no_notice_and_nothing_struck_through(home_page):
    results = SearchResults(query=SearchQuery(text="babyschwimmen"), total=1, hits=[hit("Babyschwimmen", [])])
    page = render_page(results)
    assert PARTIAL_NOTICE not in page and "Es fehlt:" not in page and "<s>" not in page


def test_the_api_names_the_missing_words(home_page):
    from search.views import _hit_json

    request = RequestFactory().get("/api/v1/search", {"q": "babyschwimmen samstag"})
    assert _hit_json(request, hit("Babyschwimmen", ["samstag"]))["missing"] == ["samstag"]
    assert _hit_json(request, hit("Babyschwimmen", []))["missing"] == []


def test_a_suggestion_shows_when_nothing_was_found(home_page):
    results = SearchResults(query=SearchQuery(text="babyschwimen"), total=0, suggestion="babyschwimmen")
    page = render_page(results, suggestion_link="?q=babyschwimmen")
    assert 'Meinten Sie: <a href="?q=babyschwimmen"><bdi>babyschwimmen</bdi></a>' in page


@pytest.fixture
def city(home_page, django_capture_on_commit_callbacks):
    index = offer_index(home_page)
    with django_capture_on_commit_callbacks(execute=True):
        make_offer(index, title="Wassergewöhnung", categories=("sport", "babys-kleinkinder"))
        make_offer(index, title="Fußball für Minis", categories=("sport",))
        make_offer(index, title="Familienberatung am Markt", categories=("beratung",))
    return index


def test_nothing_found_offers_the_most_frequent_categories_and_the_familienbuero(client, city):
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.contact_name = "Familienbüro der Stadt"
    portal.contact_phone = "0208 000000"
    portal.contact_email = "familienbuero@example.org"
    portal.save()
    page = client.get("/de/suche/", {"q": "Trampolinpark"}).content.decode()
    assert "0 Ergebnisse" in page
    themes = page.split("Vielleicht finden Sie es unter diesen Themen")[1].split("</section>")[0]
    # Most frequent first; each leads to a search for it.
    assert themes.index("Sport") < themes.index("Beratung")
    assert '<a class="chip" href="?q=Sport"><bdi>Sport</bdi></a>' in themes
    contact = page.split("Fragen Sie uns")[1].split("</section>")[0]
    assert "Familienbüro der Stadt" in contact
    assert 'href="tel:0208000000"' in contact and 'href="mailto:familienbuero@example.org"' in contact
    found = client.get("/de/suche/", {"q": "Sport"}).content.decode()
    assert "Fußball für Minis" in found and "Fragen Sie uns" not in found


def test_without_a_configured_contact_the_block_is_left_out(client, city):
    page = client.get("/de/suche/", {"q": "Trampolinpark"}).content.decode()
    assert "Vielleicht finden Sie es unter diesen Themen" in page
    assert "Fragen Sie uns" not in page
