"""The open-data API keeps to its OpenAPI description: schemathesis sends generated requests to every operation of
/api/v1/openapi.json (through the WSGI app, with real content in the database) and checks each answer."""

import datetime
import re
from decimal import Decimal

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from core.api_description import api_description
from tests.factories import district, kita_index, make_daycare, make_offer, offer_index

pytestmark = pytest.mark.django_db

# Enough cases per operation to reach every parameter and the 400s, few enough for the suite (about 20 s here).
CASES_PER_OPERATION = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def portal_content(home_page, django_capture_on_commit_callbacks):
    """Offers with and without the optional parts, a Kita and a childminder, indexed for the search."""
    offers = offer_index(home_page)
    saarn = district("saarn")
    with django_capture_on_commit_callbacks(execute=True):
        make_offer(
            offers,
            title="Babyschwimmen Saarn",
            district=saarn,
            age_min_months=3,
            age_max_months=12,
            cost_kind="preis",
            price=Decimal("30.00"),
            latitude=Decimal("51.40660"),
            longitude=Decimal("6.87880"),
            registration_required=True,
            registration_deadline=datetime.date(2027, 1, 15),
            places_left=4,
            languages=("de", "tr"),
            dates=[
                {
                    "start_date": datetime.date(2026, 9, 1),
                    "end_date": datetime.date(2027, 6, 30),
                    "weekday": 0,
                    "start_time": datetime.time(16),
                    "end_time": datetime.time(17),
                }
            ],
        )
        make_offer(offers, title="=Spielenachmittag", categories=("sport",))
        make_offer(offers, title="Elternkurs", cost_kind="auf-anfrage")  # every cost kind the description names
        index = kita_index(home_page)
        make_daycare(index, title="Kita Sonnenschein", district=saarn, lat="51.4066", lon="6.8788")
        make_daycare(index, title="Tagesmutter Anna", district=saarn, lat="51.41", lon="6.88", childminder=True)


@pytest.fixture
def api_schema(portal_content):
    # Loaded from the portal itself, so the test covers the document as it is served. Django's WSGI handler closes
    # the database connection after each request, which ends the test's transaction on PostgreSQL; its test client
    # keeps the connection the same way, by leaving close_old_connections out while the test runs.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=CASES_PER_OPERATION,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_answers_as_described(case):
    # Identity: the page cache answers compressed bodies, which WSGI test clients (unlike HTTP clients) do not unpack.
    case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})


def test_every_api_url_is_described(client):
    """A new endpoint under /api/v1/ must come with its description (core/api_description.py)."""
    from django.urls import get_resolver

    def routes(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                yield from routes(pattern, route)
            else:
                yield route

    # Django's "<str:id>" is OpenAPI's "{id}".
    api_routes = {
        "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
        for route in routes(get_resolver())
        if route.startswith("api/v1/")
    }
    served = client.get("/api/v1/openapi.json").json()
    assert served == api_description()
    assert served["openapi"] == "3.1.0"
    assert api_routes and api_routes == set(served["paths"])
