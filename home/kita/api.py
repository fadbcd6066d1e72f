"""Read-only open data: /api/v1/kitas and /api/v1/childminders with the search page's filters."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from home.kita.models import DaycarePage
from home.kita.selectors import DaycareFilters, daycare_search
from home.kita.views import filters_from_request

PER_PAGE = 50


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
            {"group": f.group, "free": f.free_places, "reported_at": f.reported_at.isoformat()} for f in daycare.free_places.all()
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
        return JsonResponse({"errors": {name: [str(e) for e in errors] for name, errors in form.errors.items()}}, status=400)
    filters = DaycareFilters(**{**vars(filters), "kind": kind})
    page = Paginator(daycare_search(filters=filters), PER_PAGE).get_page(request.GET.get("seite"))
    base_url = request.build_absolute_uri("/")[:-1]
    params = request.GET.copy()

    def link(number: int) -> str:
        params["seite"] = number
        return f"{base_url}{request.path}?{params.urlencode()}"

    return JsonResponse({
        "count": page.paginator.count, "page": page.number, "pages": page.paginator.num_pages,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": [daycare_item(d, base_url=base_url) for d in page],
    }, json_dumps_params={"ensure_ascii": False})


@require_GET
def kitas(request: HttpRequest) -> JsonResponse:
    return _listing(request, "kita")


@require_GET
def childminders(request: HttpRequest) -> JsonResponse:
    return _listing(request, "tagespflege")
