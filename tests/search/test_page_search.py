import pytest

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_published_pages_and_counts_them(client, home_page):
    ContentPageFactory(parent=home_page, title="Elterngeld beantragen", slug="elterngeld", intro="Antrag und Unterlagen")
    ContentPageFactory(parent=home_page, title="Spielplätze", slug="spielplaetze", intro="Draußen spielen")
    html = client.get("/de/suche/", {"q": "Elterngeld"}).content.decode()
    assert "1 Ergebnis für „Elterngeld“" in html
    assert 'href="/de/elterngeld/"' in html
    assert "Spielplätze" not in html.split("</form>")[-1]


def test_unpublished_pages_are_not_found(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Geheimer Entwurf", slug="entwurf")
    page.unpublish()
    html = client.get("/de/suche/", {"q": "Entwurf"}).content.decode()
    assert "0 Ergebnisse" in html


def test_empty_query_shows_only_the_form(client, home_page):
    html = client.get("/de/suche/").content.decode()
    assert 'name="q"' in html
    assert "Ergebnis" not in html


def test_overlong_query_is_cut_not_an_error(client, home_page):
    response = client.get("/de/suche/", {"q": "kita " * 200})
    assert response.status_code == 200


def test_result_pages_keep_the_query(client, home_page):
    for number in range(12):
        ContentPageFactory(parent=home_page, title=f"Spielplatz {number}", slug=f"spielplatz-{number}")
    html = client.get("/de/suche/", {"q": "Spielplatz"}).content.decode()
    assert 'href="?q=Spielplatz&amp;seite=2"' in html
    assert "Spielplatz" in client.get("/de/suche/", {"q": "Spielplatz", "seite": 2}).content.decode()
