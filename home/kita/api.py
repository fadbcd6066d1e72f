"""Read-only open data: /api/v1/kitas and /api/v1/childminders with the search page's filters."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from core.api_paging import filter_errors_response, paginated_response
from home.kita.models import DaycarePage
from home.kita.selectors import DaycareFilters, daycare_search
from home.kita.views import filters_from_request


def daycare_item(daycare: DaycarePage, *, base_url: str) -> dict:
    kita = daycare.kita_details
    item = {
        "id": daycare.pk,
        "name": daycare.title,
        "url": base_url + daycare.url,
        "district": {"slug": daycare.district.slug, "name": daycare.district.name} if daycare.district_id else None,
        # Childminders' coordinates are stored rounded to about a kilometre; there is no address to publish.
        "latitude": None if daycare.latitude is None else float(daycare.latitude),
        "longitude": None if daycare.longitude is None else float(daycare.longitude),
        "age_groups": [
            {"group": c.group, "places": c.places, "min_age_months": c.min_age_months} for c in daycare.capacities.all()
        ],
        "free_places": [
            {"group": f.group, "free": f.free_places, "reported_at": f.reported_at.isoformat()}
            for f in daycare.free_places.all()
        ],
        "opening_hours": [
            {"weekday": h.weekday, "opens": h.opens.strftime("%H:%M"), "closes": h.closes.strftime("%H:%M")}
            for h in daycare.opening_hours.all()
        ],
        "focus": [f.slug for f in daycare.focus.all()],
        "inclusion_places": daycare.inclusion_places,
        "lunch": daycare.lunch,
        "contact": {"phone": daycare.phone, "email": daycare.email, "website": daycare.website},
    }
    if kita is not None:
        item["carrier"] = {"name": kita.carrier.name, "kind": kita.carrier.kind} if kita.carrier_id else None
        item["address"] = {"street": kita.street, "postcode": kita.postcode, "city": kita.city}
    return item


def _listing(request: HttpRequest, kind: str) -> JsonResponse:
    form, filters = filters_from_request(request)
    if form.errors:
        return filter_errors_response(form)
    filters = DaycareFilters(**{**vars(filters), "kind": kind})
    return paginated_response(
        request, daycare_search(filters=filters), lambda daycare, base_url: daycare_item(daycare, base_url=base_url)
    )


@require_GET
def kitas(request: HttpRequest) -> JsonResponse:
    return _listing(request, "kita")


@require_GET
def childminders(request: HttpRequest) -> JsonResponse:
    return _listing(request, "tagespflege")
