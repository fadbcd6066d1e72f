import pytest
from playwright.sync_api import expect

from tests.factories import district, make_offer, offer_index

# serialized_rollback restores the migrated home page and roles for the tests that run after this one.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_parent_types_picks_a_suggestion_and_narrows_results_by_facet(live_server, page):
    from home.models import HomePage

    index = offer_index(HomePage.objects.get(depth=2))  # transaction=True: on-commit indexing runs for real
    make_offer(index, title="Babyschwimmen Saarn", district=district("saarn"), summary="Schwimmkurs für Babys.")
    make_offer(index, title="Babyschwimmen Styrum", district=district("styrum"), summary="Schwimmkurs für Babys.")

    page.goto(f"{live_server.url}/de/suche/")
    page.get_by_label("Was suchen Sie?").fill("babyschw")
    suggestions = page.get_by_role("list", name="Vorschläge")
    suggestions.get_by_role("link").first.wait_for()
    assert suggestions.get_by_role("link").count() == 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/de/angebote/babyschwimmen-*/")

    page.goto(f"{live_server.url}/de/suche/")
    page.get_by_label("Was suchen Sie?").fill("schwimmkurs")
    page.get_by_label("Was suchen Sie?").press("Enter")
    expect(page.get_by_text("2 Ergebnisse für „schwimmkurs“")).to_be_visible()
    page.locator("summary.filter-panel__toggle").click()  # the facets fold on a phone
    page.get_by_role("complementary", name="Ergebnisse eingrenzen").get_by_role("link", name="Saarn").click()
    expect(page.get_by_text("1 Ergebnis für „schwimmkurs“")).to_be_visible()
    assert page.locator(".result__snippet mark").first.inner_text() == "Schwimmkurs"
