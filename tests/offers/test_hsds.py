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
    assert full["assured_date"] == offers["full"].last_checked.isoformat()
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


def test_every_object_of_the_hsds_api_is_valid(client, offers):
    info = get_json(client, f"{API}/")
    assert_valid(info, response_schema("/"))
    assert info["version"] == "3.0"
    openapi = get_json(client, info["openapi_url"].replace("http://testserver", ""))
    assert set(openapi["paths"]) >= {"/services", "/services/{id}", "/organizations", "/taxonomy_terms"}
    assert openapi["servers"] == [{"url": "http://testserver/api/v1/hsds"}]
    assert get_json(client, info["profile"].replace("http://testserver", ""))["extension_field"] == "x_familienportal"

    def listed(path: str, expected: int, params=None) -> list[dict]:
        page = get_json(client, API + path, params)
        assert_valid(page, response_schema(path))
        assert (page["total_items"], page["size"], page["empty"]) == (expected, expected, expected == 0)
        return page["contents"]

    services = listed("/services", 3)
    assert [s["name"] for s in services] == ["Babytreff Saarn", "Elterntelefon", "Kinderturnen Styrum"]
    assert "schedules" not in services[0]  # the list has one-to-one fields only, as openapi.json says
    assert listed("/services", 3, {"full": "true"})[0]["schedules"]
    for summary in services:
        detail = get_json(client, f"{API}/services/{summary['id']}")
        assert_valid(detail, response_schema("/services/{id}"))
        assert (detail["id"], detail["name"]) == (summary["id"], summary["name"])

    organizations = listed("/organizations", 2)  # the unpublished offer's provider stays private
    assert [o["name"] for o in organizations] == ["Familienverein Saarn", "Gemeinde St. Mariae"]
    for summary in organizations:
        detail = get_json(client, f"{API}/organizations/{summary['id']}")
        assert_valid(detail, OFFICIAL + "organization.json")
        for service in detail["services"]:
            assert_valid(service, OFFICIAL + "compiled/service.json")
        assert [s["organization_id"] for s in detail["services"]] == [summary["id"]]

    places = listed("/service_at_locations", 2)  # the telephone service has no place
    for summary in places:
        detail = get_json(client, f"{API}/service_at_locations/{summary['id']}")
        # openapi.json names compiled/service.json for this answer (a slip in the specification): the object is a
        # service_at_location with its service, checked against both schemas that fit.
        assert_valid(detail, OFFICIAL + "service_at_location.json")
        assert_valid(detail["service"], OFFICIAL + "compiled/service.json")
        assert detail["location"]["id"] == summary["location_id"]

    (taxonomy,) = listed("/taxonomies", 1)
    assert_valid(get_json(client, f"{API}/taxonomies/{taxonomy['id']}"), response_schema("/taxonomies/{id}"))
    terms = get_json(client, f"{API}/taxonomy_terms", {"per_page": 200})
    assert_valid(terms, response_schema("/taxonomy_terms"))
    assert "beratung" in [t["code"] for t in terms["contents"]]
    for term in terms["contents"]:
        assert term["taxonomy_id"] == taxonomy["id"]
        assert_valid(get_json(client, f"{API}/taxonomy_terms/{term['id']}"), response_schema("/taxonomy_terms/{id}"))


def test_services_filter_by_term_organization_and_search(client, offers):
    full = get_json(client, f"{API}/services/" + get_json(client, f"{API}/services")["contents"][0]["id"])
    term = full["attributes"][0]["taxonomy_term_id"]
    assert [s["name"] for s in get_json(client, f"{API}/services", {"taxonomy_term_id": term})["contents"]] == [
        "Babytreff Saarn"
    ]
    by_provider = get_json(client, f"{API}/services", {"organization_id": full["organization_id"]})
    assert [s["name"] for s in by_provider["contents"]] == ["Babytreff Saarn"]
    assert [s["name"] for s in get_json(client, f"{API}/services", {"search": "turnen"})["contents"]] == [
        "Kinderturnen Styrum"
    ]
    assert get_json(client, f"{API}/services", {"taxonomy_id": "unbekannt"})["empty"] is True


def test_pages_follow_the_hsds_envelope(client, offers_page):
    for number in range(5):
        make_offer(offers_page, title=f"Kurs {number}")
    first = get_json(client, f"{API}/services", {"per_page": 2})
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 5,
        "total_pages": 3,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    last = get_json(client, f"{API}/services", {"per_page": 2, "page": 3})
    assert ([s["name"] for s in last["contents"]], last["last_page"], last["first_page"]) == (["Kurs 4"], True, False)
    beyond = get_json(client, f"{API}/services", {"per_page": 2, "page": 4})
    assert (beyond["contents"], beyond["size"], beyond["empty"], beyond["total_items"]) == ([], 0, True, 5)


def test_modified_after_returns_what_was_published_since(client, offers):
    OfferPage.objects.update(last_published_at=datetime.datetime(2026, 1, 10, 12, tzinfo=datetime.UTC))
    OfferPage.objects.filter(pk=offers["weekly"].pk).update(
        last_published_at=datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC)
    )
    since = get_json(client, f"{API}/services", {"modified_after": "2026-02-01T00:00:00+01:00"})
    assert [(s["name"], s["last_modified"]) for s in since["contents"]] == [
        ("Kinderturnen Styrum", "2026-03-01T09:00:00.000Z")
    ]
    # "On or after" (openapi.json), with the offset taken into account.
    assert get_json(client, f"{API}/services", {"modified_after": "2026-03-01T10:00:00+01:00"})["total_items"] == 1
    assert get_json(client, f"{API}/services", {"modified_after": "2026-03-01T09:00:01Z"})["total_items"] == 0
    assert get_json(client, f"{API}/services", {"modified_after": "2026-01-01"})["total_items"] == 3
    # Publishing again is a change: the offer comes back.
    offers["bare"].save_revision().publish()
    again = get_json(client, f"{API}/services", {"modified_after": "2026-02-01T00:00:00Z"})
    assert [s["name"] for s in again["contents"]] == ["Elterntelefon", "Kinderturnen Styrum"]
    places = get_json(client, f"{API}/service_at_locations", {"modified_after": "2026-02-01T00:00:00Z"})
    assert [p["service"]["name"] for p in places["contents"]] == ["Kinderturnen Styrum"]


@pytest.mark.parametrize(
    "params, name, message",
    [
        ({"page": "0"}, "page", "Bitte geben Sie eine ganze Zahl ab 1 an."),
        ({"per_page": "viele"}, "per_page", "Bitte geben Sie eine ganze Zahl ab 1 an."),
        ({"per_page": "5000"}, "per_page", "Höchstens 200 Einträge pro Seite."),
        (
            {"modified_after": "gestern"},
            "modified_after",
            "Bitte geben Sie einen Zeitpunkt nach ISO 8601 an, z. B. 2026-05-01T08:00:00+02:00.",
        ),
        ({"modified_after": "2026-13-45"}, "modified_after", None),
        ({"full": "vielleicht"}, "full", "Erlaubt sind „true“ und „false“."),
        ({"format": "ndjson"}, "format", "Dieses Format wird nicht unterstützt; erlaubt ist nur „json“."),
    ],
)
def test_bad_parameters_get_400_in_german(client, offers, params, name, message):
    errors = get_json(client, f"{API}/services", params, status=400)["errors"]
    assert list(errors) == [name]
    if message:
        assert errors[name] == [message]


@pytest.mark.parametrize("kind", ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"])
def test_unknown_ids_get_404_json(client, offers, kind):
    answer = get_json(client, f"{API}/{kind}/00000000-0000-0000-0000-000000000000", status=404)
    assert answer == {"error": "Unter dieser Kennung gibt es keinen Eintrag."}


def test_unpublished_offers_are_not_served_by_id(client, offers):
    from home.offers.hsds import service_id

    draft = OfferPage.objects.get(title="Entwurf")
    get_json(client, f"{API}/services/{service_id(draft.pk)}", status=404)
    offers["full"].unpublish()
    get_json(client, f"{API}/services/{service_id(offers['full'].pk)}", status=404)


def test_the_service_list_costs_a_fixed_number_of_queries(client, offers_page, django_assert_max_num_queries):
    provider = ProviderFactory()
    for number in range(12):
        make_offer(
            offers_page,
            title=f"Kurs {number}",
            provider=provider,
            district=district("saarn"),
            categories=["sport", "bildung"],
            languages=["de", "tr"],
            venue="Halle",
            dates=[{"start_date": TODAY, "weekday": number % 7}],
        )
    client.get(f"{API}/services", {"full": "true"})  # warm the site's routes and the private sections
    with django_assert_max_num_queries(6):
        page = get_json(client, f"{API}/services", {"full": "true"})
    assert page["total_items"] == 12
    with django_assert_max_num_queries(6):
        assert get_json(client, f"{API}/service_at_locations", {"full": "true"})["total_items"] == 12
