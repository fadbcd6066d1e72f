"""Offers as Open Referral HSDS 3.0: one service per offer with its organization, location, schedules, costs,
languages, area and taxonomy terms, for the export and the HSDS API (docs/hsds.md describes the profile).

Every object carries a stable id: a UUID (the schemas ask for format "uuid") derived from the portal's address and
the row's primary key, so the same object has the same id in every response and every export. Fields the schemas
have no place for sit in `x_familienportal`, which HSDS allows (its schemas do not forbid additional properties)."""

from __future__ import annotations

import datetime
import uuid
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from core.translatable import base_language, default_language
from home.offers.exchange import ACCESSIBILITY, HSDS_EXTENSION, WEEKDAY_CODES, body_text
from home.offers.models import OfferCategory, OfferPage

HSDS_VERSION = "3.0"
SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema"
# The portal serves one city in North Rhine-Westphalia (its holidays are NRW's, core/holidays.py); HSDS requires it.
STATE_PROVINCE = "Nordrhein-Westfalen"
COUNTRY = "DE"
TAXONOMY_KEY = "offer-categories"


def hsds_id(*key: object) -> str:
    """The HSDS id of the object named by `key` (e.g. "offer", 12, "schedule", 40): a name-based UUID, so ids stay
    the same across requests and exports, and two portals (two base URLs) never share one."""
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, settings.PORTAL_BASE_URL)
    return str(uuid.uuid5(namespace, ":".join(str(part) for part in key)))


def service_id(offer_pk: int) -> str:
    return hsds_id("offer", offer_pk)


def organization_id(provider_pk: int) -> str:
    return hsds_id("provider", provider_pk)


def taxonomy_id() -> str:
    return hsds_id("taxonomy", TAXONOMY_KEY)


def taxonomy_term_id(category_pk: int) -> str:
    return hsds_id("offer-category", category_pk)


def service_at_location_id(offer_pk: int) -> str:
    return hsds_id("offer", offer_pk, "service_at_location")


def _present(fields: dict) -> dict:
    """HSDS has no nulls (every field is typed string, number, …): an unknown value is left out."""
    return {key: value for key, value in fields.items() if value is not None}


def _text(value: str) -> str | None:
    return value.strip() or None


def modified_at(offer: OfferPage) -> datetime.datetime | None:
    """When the public offer last changed: its last publication (a saved draft changes nothing a reader sees)."""
    return offer.last_published_at or offer.latest_revision_created_at


def _datetime(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- taxonomy -----------------------------------------------------------------------------------


def taxonomy() -> dict:
    return {
        "id": taxonomy_id(),
        "name": _("Angebotskategorien des Familienportals"),
        "description": _("Die Kategorien, nach denen das Familienportal Angebote für Familien ordnet."),
        "version": "1",
    }


def taxonomy_term(category: OfferCategory) -> dict:
    return {
        "id": taxonomy_term_id(category.pk),
        "code": category.slug,
        "name": category.name,
        "description": _("Angebote der Kategorie „%(name)s“ im Familienportal.") % {"name": category.name},
        "taxonomy": taxonomy()["name"],
        "taxonomy_id": taxonomy_id(),
        # Offers point to the German originals (core/translatable.py): the terms are German.
        "language": base_language(default_language()),
    }


# --- organization --------------------------------------------------------------------------------


def organization(provider, *, full: bool = False, services: list[dict] | None = None) -> dict:
    """An organization's own fields; `full` adds its phone and contact person, `services` its services."""
    data = _present(
        {
            "id": organization_id(provider.pk),
            "name": provider.name,
            # Required by HSDS; many providers have none written yet, and HSDS allows the empty text.
            "description": provider.description,
            "email": _text(provider.email),
            "website": _text(provider.website),
        }
    )
    data[HSDS_EXTENSION] = {"slug": provider.slug, "kind": provider.kind}
    if full:
        key = ("provider", provider.pk)
        data["phones"] = (
            [{"id": hsds_id(*key, "phone"), "organization_id": data["id"], "number": provider.phone}]
            if provider.phone.strip()
            else []
        )
        data["contacts"] = (
            [
                _present(
                    {
                        "id": hsds_id(*key, "contact"),
                        "organization_id": data["id"],
                        "name": provider.contact_name,
                        "email": _text(provider.email),
                    }
                )
            ]
            if provider.contact_name.strip()
            else []
        )
    if services is not None:
        data["services"] = services
    return data


# --- service -------------------------------------------------------------------------------------


def _time(value: datetime.time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def schedule(line, *, service: str) -> dict:
    """One schedule line: a day, a date range, or a weekly time between two dates (iCal's WEEKLY with BYDAY)."""
    weekly = line.weekday is not None
    last_day = line.end_date or (None if weekly else line.start_date)
    fields = {
        "id": hsds_id("offer-date", line.pk),
        "service_id": service,
        "valid_from": line.start_date.isoformat(),
        "valid_to": last_day.isoformat() if last_day else None,
        "opens_at": _time(line.start_time),
        # Local times of the portal's city (x_familienportal.timezone): HSDS's UTC offset cannot follow summer time.
        "closes_at": _time(line.end_time),
    }
    if weekly:
        fields |= {
            "freq": "WEEKLY",
            "byday": WEEKDAY_CODES[line.weekday],
            "dtstart": line.start_date.isoformat(),
            "until": line.end_date.isoformat() if line.end_date else None,
        }
    return _present(fields)


def _has_place(offer: OfferPage) -> bool:
    return bool(offer.venue.strip() or offer.street.strip() or offer.latitude is not None)


def location(offer: OfferPage) -> dict:
    key = ("offer", offer.pk, "location")
    data = _present(
        {
            "id": hsds_id(*key),
            "location_type": "physical",
            "name": _text(offer.venue),
            "latitude": None if offer.latitude is None else float(offer.latitude),
            "longitude": None if offer.longitude is None else float(offer.longitude),
        }
    )
    data["addresses"] = (
        [
            {
                "id": hsds_id(*key, "address"),
                "location_id": data["id"],
                "address_1": offer.street,
                "city": offer.city,
                "state_province": STATE_PROVINCE,
                "postal_code": offer.postcode,
                "country": COUNTRY,
                "address_type": "physical",
            }
        ]
        if offer.street.strip() or offer.postcode.strip()
        else []
    )
    data["accessibility"] = [
        {
            "id": hsds_id(*key, "accessibility", name),
            "location_id": data["id"],
            "description": _(label),
            "details": name,
        }
        for name, label in ACCESSIBILITY
        if getattr(offer, name)
    ]
    return data


def service_at_location(offer: OfferPage, *, service: dict | None = None) -> dict | None:
    """Where the offer takes place (None for an offer without any place); `service` nests the service in it."""
    if not _has_place(offer):
        return None
    place = location(offer)
    data = {
        "id": service_at_location_id(offer.pk),
        "service_id": service_id(offer.pk),
        "location_id": place["id"],
        "location": place,
    }
    if service is not None:
        data["service"] = service
    return data


def _cost_option(offer: OfferPage, *, service: str) -> dict:
    return _present(
        {
            "id": hsds_id("offer", offer.pk, "cost"),
            "service_id": service,
            "option": offer.cost_kind,
            "amount": None if offer.price is None else float(offer.price),
            "currency": None if offer.price is None else "EUR",
            "amount_description": _text(offer.cost_note),
        }
    )


def _fees_description(offer: OfferPage) -> str:
    text = offer.get_cost_kind_display()
    if offer.price is not None:
        text += ", " + f"{offer.price:.2f} €".replace(".", ",")
    if offer.reduced_with_pass:
        text += ", " + _("ermäßigt mit dem Sozialpass der Stadt")
    if offer.cost_note.strip():
        text += f" ({offer.cost_note.strip()})"
    return text


def _years(months: int | None) -> float | None:
    return None if months is None else round(months / 12, 2)


def _extension(offer: OfferPage) -> dict:
    return {
        "external_id": offer.external_id,
        "district": offer.district.slug if offer.district_id else "",
        "registration_required": offer.registration_required,
        "registration_deadline": offer.registration_deadline.isoformat() if offer.registration_deadline else None,
        "places_left": offer.places_left,
        "reduced_with_pass": offer.reduced_with_pass,
        "last_checked": offer.last_checked.isoformat(),
        "timezone": settings.TIME_ZONE,
    }


def service_basic(offer: OfferPage, *, base_url: str) -> dict:
    """The service's one-to-one fields (HSDS's service list): no schedules, places or terms."""
    provider = offer.provider if offer.provider_id else None
    path = offer.url
    data = _present(
        {
            "id": service_id(offer.pk),
            "organization_id": None if provider is None else organization_id(provider.pk),
            "name": offer.title,
            "alternate_name": _text(offer.summary),
            "description": body_text(offer),
            "url": None if path is None else base_url + path,
            "status": "active",
            "application_process": _text(offer.registration_info),
            "fees_description": _fees_description(offer),
            "minimum_age": _years(offer.age_min_months),
            "maximum_age": _years(offer.age_max_months),
            "assured_date": offer.last_checked.isoformat(),
            "last_modified": _datetime(modified_at(offer)),
        }
    )
    if provider is not None:
        data["organization"] = organization(provider)
    data[HSDS_EXTENSION] = _extension(offer)
    return data


def service(offer: OfferPage, *, base_url: str) -> dict:
    """The fully nested service: organization, terms, costs, languages, schedules, area and place."""
    data = service_basic(offer, base_url=base_url)
    own_id = data["id"]
    if offer.provider_id:
        data["organization"] = organization(offer.provider, full=True)
    data["attributes"] = [
        {
            "id": hsds_id("offer", offer.pk, "attribute", category.pk),
            "link_id": own_id,
            "link_type": "category",
            "link_entity": "service",
            "taxonomy_term_id": taxonomy_term_id(category.pk),
            "taxonomy_term": taxonomy_term(category),
        }
        for category in offer.categories.all()
    ]
    data["cost_options"] = [_cost_option(offer, service=own_id)]
    data["languages"] = [
        {
            "id": hsds_id("offer", offer.pk, "language", language.code),
            "service_id": own_id,
            "code": language.code,
            "name": language.name,
        }
        for language in offer.languages.all()
    ]
    data["schedules"] = [schedule(line, service=own_id) for line in offer.dates.all()]
    data["service_areas"] = (
        [
            {
                "id": hsds_id("offer", offer.pk, "service_area", offer.district_id),
                "service_id": own_id,
                "name": offer.district.name,
                "extent_type": "text",
                "extent": offer.district.name,
            }
        ]
        if offer.district_id
        else []
    )
    place = service_at_location(offer)
    data["service_at_locations"] = [] if place is None else [place]
    return data


def services_export(offers, *, base_url: str) -> list[dict]:
    """The full export (/api/v1/offers.hsds.json): every published offer as a fully nested service."""
    return [service(offer, base_url=base_url) for offer in offers]
