"""The located models share core.address's fields; an address saved without a city gets the portal's city."""

import pytest
from wagtail.models import Site

from core import address
from core.address import ADDRESS_FIELDS, Address, Coordinates, PostalAddress
from home.changing_places.models import ChangingPlacePage
from home.contact_points.models import ContactPointPage
from home.kita.models import ChildminderPage, KitaPage
from home.models import LocalInstitution, PortalSettings
from home.offers.models import OfferPage
from tests.factories import (
    changing_place_index,
    contact_point_index,
    district,
    kita_index,
    make_changing_place,
    make_contact_point,
    make_daycare,
    make_offer,
)

LOCATED = [OfferPage, KitaPage, ContactPointPage, ChangingPlacePage, LocalInstitution]
# Where a model keeps a required/optional difference on purpose (only `blank` may differ from core.address).
BLANK = {
    (OfferPage, "street"): True,  # online and phone offers
    (LocalInstitution, "street"): True,  # citywide services
    (KitaPage, "postcode"): False,
    (ContactPointPage, "postcode"): False,
}


def definition(field):
    _name, path, args, kwargs = field.deconstruct()
    kwargs.pop("blank", None)
    return path, args, kwargs


@pytest.mark.parametrize("model", LOCATED, ids=lambda m: m.__name__)
def test_every_located_model_has_the_shared_address_fields(model):
    assert issubclass(model, PostalAddress)
    assert any(issubclass(base, Coordinates) for base in model.__mro__)
    for name in ADDRESS_FIELDS:
        shared, field = Address._meta.get_field(name), model._meta.get_field(name)
        assert definition(field) == definition(shared), f"{model.__name__}.{name}"
        assert field.column == name
        assert field.null is shared.null
        assert field.blank is BLANK.get((model, name), shared.blank), f"{model.__name__}.{name}"


def test_shared_fields_as_they_were_before_the_abstract_model():
    fields = {name: Address._meta.get_field(name) for name in ADDRESS_FIELDS}
    assert (fields["street"].max_length, fields["postcode"].max_length, fields["city"].max_length) == (200, 10, 100)
    assert (fields["latitude"].max_digits, fields["latitude"].decimal_places) == (8, 5)
    assert fields["latitude"].null and fields["longitude"].null
    assert fields["city"].blank and fields["city"].get_default() == ""  # no city written into code


def test_childminders_have_coordinates_but_no_address():
    assert issubclass(ChildminderPage, Coordinates)
    assert not issubclass(ChildminderPage, PostalAddress)
    names = {field.name for field in ChildminderPage._meta.get_fields()}
    assert {"latitude", "longitude"} <= names
    assert not {"street", "postcode", "city"} & names


def test_core_address_imports_no_feature_app():
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(address))
    modules = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    modules += [alias.name for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names]
    assert not [m for m in modules if m and m.split(".")[0] in {"home", "community", "search", "site"}]


def test_without_a_city_source_the_city_stays_empty(monkeypatch):
    monkeypatch.setattr(address, "_city_source", None)
    assert address.portal_city() == ""
    place = LocalInstitution(name="Bücherei", kind="bibliothek")
    place.fill_city()
    assert place.city == ""


@pytest.fixture
def musterstadt(home_page):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.city_name = "Musterstadt"
    settings.save()
    return settings


@pytest.mark.django_db
def test_pages_and_institutions_saved_without_a_city_get_the_portal_settings_city(musterstadt, home_page, offers_page):
    saarn = district("saarn")
    offer = make_offer(offers_page, title="Babyschwimmen", street="Schulstraße 3", postcode="45481")
    kita = make_daycare(kita_index(home_page), title="Kita Sonnenschein", district=saarn, lat="51.43", lon="6.88")
    point = make_contact_point(contact_point_index(home_page), district=saarn)
    place = make_changing_place(changing_place_index(home_page), title="Drogerie am Markt", district=saarn)
    institution = LocalInstitution.objects.create(
        name="Grundschule Saarn", kind="schule", district=saarn, street="Schulweg 1"
    )
    for located in (offer, kita, point, place, institution):
        located.refresh_from_db()
        assert located.city == "Musterstadt", type(located).__name__


@pytest.mark.django_db
def test_a_city_that_is_given_is_kept(musterstadt, offers_page):
    offer = make_offer(offers_page, title="Ausflug", city="Essen")
    assert offer.city == "Essen"


@pytest.mark.django_db
def test_the_admin_fills_an_empty_city_when_validating(musterstadt):
    institution = LocalInstitution(name="Stadtteilbibliothek", kind="bibliothek", district=district("saarn"))
    institution.full_clean()
    assert institution.city == "Musterstadt"
