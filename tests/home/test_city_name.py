"""The city's name comes from the portal settings: rename it there and texts, imports and messages follow."""

import pytest
from machina.apps.forum.models import Forum
from wagtail.models import Site

from home.models import PortalSettings
from home.offers.exchange import parse_csv
from home.offers.models import OfferPage
from home.offers.services import offers_import
from home.selectors import city_name
from tests.factories import district, kita_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def musterstadt(home_page):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.city_name = "Musterstadt"
    settings.save()
    return settings


def test_city_name_reads_the_portal_settings(musterstadt):
    assert city_name() == "Musterstadt"


def test_city_name_before_the_settings_are_saved_is_the_settings_default(home_page):
    PortalSettings.objects.all().delete()
    assert city_name() == PortalSettings._meta.get_field("city_name").default


def test_forum_index_names_the_city_from_the_settings(client, musterstadt):
    Forum.objects.create(name="Kita & Schule", type=Forum.FORUM_POST)
    html = client.get("/de/forum/").content.decode()
    assert "Eltern aus Musterstadt fragen und antworten" in html


def test_an_offer_imported_without_a_city_gets_the_settings_city(musterstadt, offers_page):
    district("saarn")
    text = "external_id,title,summary,categories,district,street,postcode\next-1,Kinderturnen,Turnen für Kinder.,sport,saarn,Schulweg 1,45481\n"
    rows = parse_csv(text)
    assert rows[0].record.city == ""  # reading knows no city; saving the offer fills it
    report = offers_import(rows=rows, index=offers_page, dry_run=False)
    assert report.ok, report.errors
    assert OfferPage.objects.get(external_id="ext-1").city == "Musterstadt"


def test_an_imported_city_is_kept(musterstadt, offers_page):
    text = "external_id,title,summary,categories,city\next-2,Ausflug,Ein Ausflug.,sport,Essen\n"
    offers_import(rows=parse_csv(text), index=offers_page, dry_run=False)
    assert OfferPage.objects.get(external_id="ext-2").city == "Essen"


@pytest.mark.parametrize("url", ["/de/angebote/", "/de/kita/"])
def test_postcode_outside_the_city_names_the_settings_city(client, musterstadt, offers_page, home_page, url):
    kita_index(home_page)
    html = client.get(url, {"plz": "10115", "sortierung": "entfernung"}).content.decode()
    assert "Diese Postleitzahl gehört nicht zu Musterstadt." in html


def test_offer_api_postcode_error_names_the_settings_city(client, musterstadt, offers_page):
    response = client.get("/api/v1/offers", {"plz": "10115"})
    assert response.status_code == 400
    assert response.json()["errors"]["plz"][0].startswith("Diese Postleitzahl gehört nicht zu Musterstadt.")
