"""schema.org JSON-LD for an offer page: an Event where it has dates, else a Service."""

from __future__ import annotations

import datetime

from home.offers.models import OfferPage


def _place(offer: OfferPage) -> dict:
    place = {
        "@type": "Place",
        "name": offer.venue or offer.city,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": offer.street,
            "postalCode": offer.postcode,
            "addressLocality": offer.city,
            "addressCountry": "DE",
        },
    }
    if offer.latitude is not None and offer.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(offer.latitude),
            "longitude": float(offer.longitude),
        }
    return place


def _iso(day: datetime.date, time: datetime.time | None) -> str:
    return datetime.datetime.combine(day, time).isoformat() if time else day.isoformat()


def offer_json_ld(*, offer: OfferPage, url: str) -> dict:
    dates = offer.date_lines
    data: dict = {
        "@context": "https://schema.org",
        "name": offer.title,
        "description": offer.summary,
        "url": url,
        "isAccessibleForFree": offer.cost_kind == OfferPage.CostKind.FREE,
        "inLanguage": [language.code for language in offer.spoken_languages] or ["de"],
    }
    if offer.provider_id:
        organization = {"@type": "Organization", "name": offer.provider.name}
        if offer.provider.website:
            organization["url"] = offer.provider.website
    else:
        organization = None
    if offer.cost_kind == OfferPage.CostKind.PRICE and offer.price is not None:
        data["offers"] = {"@type": "Offer", "price": str(offer.price), "priceCurrency": "EUR", "url": url}
    if offer.age_min_months is not None or offer.age_max_months is not None:
        audience = {"@type": "PeopleAudience"}
        if offer.age_min_months is not None:
            audience["suggestedMinAge"] = round(offer.age_min_months / 12, 1)
        if offer.age_max_months is not None:
            audience["suggestedMaxAge"] = round(offer.age_max_months / 12, 1)
        data["audience"] = audience
    if dates:
        first = min(dates, key=lambda d: d.start_date)
        data.update(
            {
                "@type": "Event",
                "startDate": _iso(first.start_date, first.start_time),
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "eventStatus": "https://schema.org/EventScheduled",
                "location": _place(offer),
            }
        )
        if offer.last_date:
            last = max(dates, key=lambda d: d.last_day or d.start_date)
            data["endDate"] = _iso(offer.last_date, last.end_time)
        if organization:
            data["organizer"] = organization
    else:
        data.update(
            {
                "@type": "Service",
                "areaServed": offer.city,
                "availableChannel": {"@type": "ServiceChannel", "serviceLocation": _place(offer)},
            }
        )
        if organization:
            data["provider"] = organization
    return data
