"""District pages: everything for families in one Stadtteil on one page, without a query per item."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import LocalInstitution
from tests.factories import (
    changing_place_index,
    contact_point_index,
    district,
    district_index,
    kita_index,
    make_changing_place,
    make_contact_point,
    make_daycare,
    make_event,
    make_offer,
    offer_index,
)

pytestmark = pytest.mark.django_db


def _institution(name, kind, place):
    return LocalInstitution.objects.create(name=name, kind=kind, district=place)


def _fill(home_page, place, number: int, suffix: str = ""):
    """`number` of each kind of thing in `place`."""
    soon = timezone.localdate() + datetime.timedelta(days=2)
    point = make_contact_point(
        contact_point_index(home_page),
        title=f"Familienpunkt {place.name}{suffix}",
        district=place,
        slug=f"fp-{place.slug}{suffix}",
        services=["Familienhebammen", "Sozialer Dienst"],
        partners=[_institution(f"Partnerschule {place.name}{suffix} {n}", "schule", place) for n in range(number)],
    )
    for n in range(number):
        make_event(
            point,
            title=f"Elterncafé {place.name}{suffix} {n}",
            start_date=soon,
            repeat="weekly",
            until=soon + datetime.timedelta(weeks=8),
        )
        make_offer(offer_index(home_page), title=f"Babyschwimmen {place.name}{suffix} {n}", district=place)
        make_daycare(
            kita_index(home_page),
            title=f"Kita {place.name}{suffix} {n}",
            district=place,
            lat=str(place.latitude),
            lon=str(place.longitude),
        )
        make_changing_place(
            changing_place_index(home_page), title=f"Wickelraum {place.name}{suffix} {n}", district=place
        )
        _institution(f"Bibliothek {place.name}{suffix} {n}", "bibliothek", place)
    return point


def test_a_parent_in_styrum_sees_everything_for_styrum(client, home_page):
    styrum, saarn = district("styrum"), district("saarn")
    _fill(home_page, styrum, 1)
    _fill(home_page, saarn, 1)
    index = district_index(home_page)
    html = client.get(index.url + "styrum/").content.decode()
    for expected in (
        "Für Familien in <bdi>Styrum</bdi>",
        "Familienpunkt Styrum",
        "Familienhebammen",
        "Partnerschule Styrum 0",
        "Elterncafé Styrum 0",
        "Babyschwimmen Styrum 0",
        "Kita Styrum 0",
        "Wickelraum Styrum 0",
        "Bibliothek Styrum 0",
        "jetzt",
    ):
        assert expected in html, expected
    assert "Saarn 0" not in html
    assert "?stadtteil=styrum" in html  # onward to the filtered offer list and Kita search
    overview = client.get(index.url).content.decode()
    assert index.url + "styrum/" in overview and index.url + "saarn/" in overview
    assert client.get(index.url + "gibt-es-nicht/").status_code == 404


def test_contact_point_links_to_its_district_page(client, home_page):
    district_index(home_page)
    point = _fill(home_page, district("styrum"), 1)
    assert "/de/stadtteile/styrum/" in client.get(point.url).content.decode()


def test_district_page_queries_do_not_grow_with_content(client, home_page, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # counts what rendering costs; the page cache has its own tests
    styrum = district("styrum")
    index = district_index(home_page)
    _fill(home_page, styrum, 1)
    client.get(index.url + "styrum/")
    with CaptureQueriesContext(connection) as few:
        client.get(index.url + "styrum/")
    _fill(home_page, styrum, 5, suffix="b")
    client.get(index.url + "styrum/")  # warm again: the writes made the shared parts stale
    with CaptureQueriesContext(connection) as many:
        html = client.get(index.url + "styrum/").content.decode()
    assert "Elterncafé Styrumb 4" in html and "Familienpunkt Styrumb" in html
    # 37: one query finds the page's versions in the other languages (language links, hreflang, fallback note).
    assert len(many) == len(few) <= 37, "\n".join(q["sql"][:150] for q in many.captured_queries)
