"""The demo city's open data is HSDS 3.0: every service of the export and every service, organization,
service_at_location and taxonomy term of the HSDS API, validated against Open Referral's schemas (issue 22 found
all 84 demo services invalid; the hand-made offers of tests/offers/test_hsds.py alone would not show that)."""

import pytest

from tests.home.test_seed_demo import demo_city
from tests.offers.test_hsds import API, OFFICIAL, assert_valid, get_json, response_schema

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded_city(django_db_setup, django_db_blocker):
    yield from demo_city(django_db_blocker, german_only=True)


def _every_page(client, path: str) -> list[dict]:
    contents, page = [], 1
    while True:
        answer = get_json(client, API + path, {"per_page": 200, "page": page, "full": "true"})
        assert_valid(answer, response_schema(path))
        contents += answer["contents"]
        if answer["last_page"]:
            return contents
        page += 1


def test_every_demo_service_organization_and_term_is_valid_hsds(client, seeded_city):
    from home.offers.models import OfferPage

    exported = get_json(client, "/api/v1/offers.hsds.json")
    assert len(exported) == OfferPage.objects.live().public().filter(locale__language_code="de").count() > 50
    for service in exported:
        assert_valid(service, OFFICIAL + "compiled/service.json")

    services = _every_page(client, "/services")
    assert sorted(s["id"] for s in services) == sorted(s["id"] for s in exported)
    for service in services:
        assert_valid(service, OFFICIAL + "compiled/service.json")
    organizations = _every_page(client, "/organizations")
    assert organizations
    for organization in organizations:
        assert_valid(get_json(client, f"{API}/organizations/{organization['id']}"), OFFICIAL + "organization.json")
    for place in _every_page(client, "/service_at_locations"):
        assert_valid(place, OFFICIAL + "service_at_location.json")
    terms = _every_page(client, "/taxonomy_terms")
    assert terms
    for term in terms:
        assert_valid(term, OFFICIAL + "taxonomy_term.json")
