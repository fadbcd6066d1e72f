"""Read-only open data: /api/v1/offers (JSON, the list page's filters) and full exports as CSV and HSDS JSON."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from core.api_paging import filter_errors_response, paginated_response
from home.offers.exchange import format_date_line, offers_to_csv
from home.offers.hsds import services_export
from home.offers.models import OfferPage
from home.offers.selectors import offers_search, published_offers
from home.offers.views import filters_from_request


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")[:-1]


def offer_item(offer: OfferPage, *, base_url: str) -> dict:
    return {
        "id": offer.pk,
        "title": offer.title,
        "summary": offer.summary,
        "url": base_url + offer.url,
        "categories": [{"slug": c.slug, "name": c.name} for c in offer.categories.all()],
        "age_min_months": offer.age_min_months,
        "age_max_months": offer.age_max_months,
        "district": {"slug": offer.district.slug, "name": offer.district.name} if offer.district_id else None,
        "location": {
            "venue": offer.venue,
            "street": offer.street,
            "postcode": offer.postcode,
            "city": offer.city,
            "latitude": None if offer.latitude is None else float(offer.latitude),
            "longitude": None if offer.longitude is None else float(offer.longitude),
        },
        "dates": [format_date_line(line) for line in offer.dates.all()],
        "first_date": offer.first_date.isoformat() if offer.first_date else None,
        "last_date": offer.last_date.isoformat() if offer.last_date else None,
        "registration": {
            "required": offer.registration_required,
            "info": offer.registration_info,
            "deadline": offer.registration_deadline.isoformat() if offer.registration_deadline else None,
            "places_left": offer.places_left,
        },
        "cost": {
            "kind": offer.cost_kind,
            "price": None if offer.price is None else str(offer.price),
            "reduced_with_pass": offer.reduced_with_pass,
            "note": offer.cost_note,
        },
        "languages": [language.code for language in offer.languages.all()],
        "accessibility": {
            "barrier_free": offer.barrier_free,
            "accessible_toilet": offer.accessible_toilet,
            "changing_table": offer.changing_table,
        },
        "provider": {"name": offer.provider.name, "website": offer.provider.website} if offer.provider_id else None,
        "last_checked": offer.last_checked.isoformat(),
    }


@require_GET
def offers_list(request: HttpRequest) -> JsonResponse:
    form, filters = filters_from_request(request)
    if form.errors:
        return filter_errors_response(form)
    return paginated_response(
        request, offers_search(filters=filters), lambda offer, base_url: offer_item(offer, base_url=base_url)
    )


@require_GET
def offers_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        offers_to_csv(published_offers(), base_url=_base_url(request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="angebote.csv"'
    return response


@require_GET
def offers_hsds(request: HttpRequest) -> HttpResponse:
    services = services_export(published_offers(), base_url=_base_url(request))
    response = HttpResponse(
        json.dumps(services, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="angebote.hsds.json"'
    return response
