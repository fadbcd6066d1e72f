"""HSDS 3.0: every service, organization, service_at_location, taxonomy and taxonomy term the portal serves, in the
export and in each endpoint of the HSDS API, is valid against Open Referral's own schemas (home/offers/hsds_schema,
unchanged copies); ids are stable; paging, modified_after and errors behave as openapi.json describes."""

import datetime
import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from home.offers.hsds import SCHEMA_DIR
from home.offers.models import OfferPage
from tests.factories import ProviderFactory, district, make_offer

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
OFFICIAL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI = OFFICIAL + "openapi.json"
API = "/api/v1/hsds"
# The full compiled schemas (2–3.5 MB each) are not kept in the repository; where the shared copy of the
# specification lies beside it, they are checked too.
FULL_COMPILED = next(
    (path for path in (Path("/work/shared/hsds-3.0/compiled"), Path("../shared/hsds-3.0/compiled")) if path.is_dir()),
    None,
)

FORMATS = FormatChecker()  # uuid and email as jsonschema knows them; uri and date-time below (no extra packages)


@FORMATS.checks("uri")
def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not re.search(r"\s", value)


@FORMATS.checks("date-time")
def _is_date_time(value) -> bool:
    return not isinstance(value, str) or bool(
        re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", value)
    )


@cache
def registry() -> Registry:
    """The schema files under their official addresses, so that openapi.json's and the files' $refs resolve here.
    compiled/service.json is served by service_with_definitions.json: the same schema with shared definitions."""
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")) + sorted((SCHEMA_DIR / "compiled").glob("*.json")):
        uri = OFFICIAL + path.relative_to(SCHEMA_DIR).as_posix()
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((uri, Resource.from_contents(contents, default_specification=DRAFT202012)))
        if path.name == "service_with_definitions.json":
            resources.append(
                (
                    OFFICIAL + "compiled/service.json",
                    Resource.from_contents(contents, default_specification=DRAFT202012),
                )
            )
    return Registry().with_resources(resources)


def errors_against(instance, uri: str) -> list[str]:
    validator = Draft202012Validator({"$ref": uri}, registry=registry(), format_checker=FORMATS)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(instance)]


def assert_valid(instance, uri: str) -> None:
    errors = errors_against(instance, uri)
    assert not errors, f"{uri}: {instance.get('id') if isinstance(instance, dict) else ''}\n" + "\n".join(errors)


def response_schema(path: str) -> str:
    """openapi.json's schema of a 200 answer for `path`, as a JSON pointer into the document."""
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"{OPENAPI}#/paths/{escaped}/get/responses/200/content/application~1json/schema"


def all_ids(value) -> list[str]:
    if isinstance(value, dict):
        return ([value["id"]] if "id" in value else []) + [i for v in value.values() for i in all_ids(v)]
    if isinstance(value, list):
        return [i for v in value for i in all_ids(v)]
    return []


def get_json(client, path: str, params=None, status: int = 200):
    response = client.get(path, params or {})
    assert response.status_code == status, (path, params, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


@pytest.fixture
def offers(offers_page):
    """The edge cases side by side: everything filled in, nothing optional, weekly and ranged dates, unpublished."""
    verein = ProviderFactory(
        name="Familienverein Saarn",
        description="Treffpunkt für Familien im Stadtteil.",
        phone="0208 123456",
        contact_name="Frau Beispiel",
        website="https://verein.example.org",
    )
    kirche = ProviderFactory(name="Gemeinde St. Mariae", email="")
    hidden = ProviderFactory(name="Noch nicht online")
    full = make_offer(
        offers_page,
        title="Babytreff Saarn",
        provider=verein,
        categories=["babys-kleinkinder", "beratung"],
        languages=["de", "ar"],
        district=district("saarn"),
        venue="Familienzentrum Saarn",
        street="Kirchstraße 1",
        postcode="45481",
        latitude=Decimal("51.4066"),
        longitude=Decimal("6.8788"),
        age_min_months=0,
        age_max_months=18,
        cost_kind="preis",
        price=Decimal("4.50"),
        reduced_with_pass=True,
        cost_note="Geschwister frei",
        registration_required=True,
        registration_info="Per E-Mail an den Verein.",
        registration_deadline=TODAY + datetime.timedelta(days=10),
        places_left=4,
        barrier_free=True,
        changing_table=True,
        external_id="bt-1",
        dates=[
            {
                "start_date": TODAY + datetime.timedelta(days=14),
                "start_time": datetime.time(9, 30),
                "end_time": datetime.time(11),
            }
        ],
    )
    bare = make_offer(offers_page, title="Elterntelefon", categories=["beratung"], languages=[])
    weekly = make_offer(
        offers_page,
        title="Kinderturnen Styrum",
        provider=kirche,
        district=district("styrum"),
        street="Hauptstraße 5",
        cost_kind="spende",
        dates=[
            {
                "start_date": TODAY,
                "weekday": 1,
                "start_time": datetime.time(16),
                "end_time": datetime.time(17),
            },
            {"start_date": TODAY + datetime.timedelta(days=30), "end_date": TODAY + datetime.timedelta(days=34)},
        ],
    )
    make_offer(offers_page, title="Entwurf", provider=hidden, venue="Geheim", publish=False, live=False)
    return {"full": full, "bare": bare, "weekly": weekly, "providers": (verein, kirche, hidden)}


def test_the_export_is_valid_hsds_with_every_nested_object(client, offers):
    response = client.get("/api/v1/offers.hsds.json")
    assert response["Content-Disposition"] == 'attachment; filename="angebote.hsds.json"'
    services = json.loads(response.content)
    assert [s["name"] for s in services] == ["Babytreff Saarn", "Elterntelefon", "Kinderturnen Styrum"]
    for service in services:
        assert_valid(service, OFFICIAL + "compiled/service.json")
        assert_valid(service, OFFICIAL + "service.json")
        ids = all_ids(service)
        assert len(ids) == len(set(ids)), f"an id twice in {service['name']}"
    full, bare, weekly = services
    assert full["organization"]["name"] == "Familienverein Saarn"
    assert full["organization"]["phones"][0]["number"] == "0208 123456"
    assert [a["taxonomy_term"]["code"] for a in full["attributes"]] == ["babys-kleinkinder", "beratung"]
    assert full["cost_options"][0] | {"id": "?", "service_id": "?"} == {
        "id": "?",
        "service_id": "?",
        "option": "preis",
        "amount": 4.5,
        "currency": "EUR",
        "amount_description": "Geschwister frei",
    }
    assert (
        full["fees_description"] == "kostenpflichtig, 4,50 €, ermäßigt mit dem Sozialpass der Stadt (Geschwister frei)"
    )
    assert full["service_areas"][0]["name"] == "Saarn"
    location = full["service_at_locations"][0]["location"]
    assert (location["location_type"], location["name"], location["latitude"]) == (
        "physical",
        "Familienzentrum Saarn",
        51.4066,
    )
    assert location["addresses"][0]["address_1"] == "Kirchstraße 1"
    assert [a["details"] for a in location["accessibility"]] == ["barrier_free", "changing_table"]
    assert full["x_familienportal"]["registration_deadline"] == (TODAY + datetime.timedelta(days=10)).isoformat()
    assert full["x_familienportal"]["district"] == "saarn"
    assert full["assured_date"] == TODAY.isoformat()
    # Nothing known, nothing written: HSDS has no nulls.
    assert "organization" not in bare and "organization_id" not in bare
    assert (bare["schedules"], bare["service_areas"], bare["service_at_locations"], bare["languages"]) == (
        [],
        [],
        [],
        [],
    )
    assert bare["cost_options"][0]["option"] == "kostenlos" and "amount" not in bare["cost_options"][0]
    assert "null" not in json.dumps(services).replace('"places_left": null', "").replace(
        '"registration_deadline": null', ""
    )
    series, days = weekly["schedules"]
    assert {k: series[k] for k in ("freq", "byday", "dtstart", "opens_at", "closes_at")} == {
        "freq": "WEEKLY",
        "byday": "TU",
        "dtstart": TODAY.isoformat(),
        "opens_at": "16:00",
        "closes_at": "17:00",
    }
    assert "until" not in series and "valid_to" not in series
    assert (days["valid_from"], days["valid_to"]) == (
        (TODAY + datetime.timedelta(days=30)).isoformat(),
        (TODAY + datetime.timedelta(days=34)).isoformat(),
    )
    assert weekly["organization"]["description"] == ""  # required by HSDS, not written by this provider
    assert "email" not in weekly["organization"]


@pytest.mark.skipif(FULL_COMPILED is None, reason="the full compiled HSDS schemas are not beside the repository")
def test_the_export_is_valid_against_the_full_compiled_schema(client, offers):
    schema = json.loads((FULL_COMPILED / "service.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FORMATS)
    for service in json.loads(client.get("/api/v1/offers.hsds.json").content):
        assert not [e.message for e in validator.iter_errors(service)]


def test_ids_stay_the_same_across_requests_and_edits(client, offers):
    before = json.loads(client.get("/api/v1/offers.hsds.json").content)
    offer = offers["full"]
    offer.title = "Babytreff Saarn (neu)"
    offer.save_revision().publish()
    after = json.loads(client.get("/api/v1/offers.hsds.json").content)
    assert [all_ids(s) for s in after] == [all_ids(s) for s in before]
    for hsds_id in all_ids(after):
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", hsds_id)
    # One provider, one organization id wherever it appears.
    assert after[0]["organization"]["id"] == after[0]["organization_id"]
