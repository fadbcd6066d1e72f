"""Thin views of the offer directory: parse the request, call selectors, render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.geo import has_map_points, map_points_response, result_page
from core.ical import ics_response
from core.page_cache import Deferred
from home.offers.calendar import offers_calendar
from home.offers.forms import OfferFilterForm
from home.offers.models import OfferIndexPage, OfferPage
from home.offers.selectors import OfferFilters, offers_search
from home.offers.services import StillCurrentLinkError, offer_confirm_still_current, offer_for_still_current_token

PER_PAGE = 20


def filters_from_request(request: HttpRequest) -> tuple[OfferFilterForm, OfferFilters]:
    """Invalid fields are reported on the form and ignored in the result; the valid ones still apply."""
    form = OfferFilterForm(request.GET)
    form.is_valid()
    return form, OfferFilters.from_form(form.cleaned_data)


def _query_without(request: HttpRequest, *names: str) -> str:
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def offer_list_context(*, request: HttpRequest, index: OfferIndexPage) -> dict:
    """Everything the list shows is worked out at its first use: the page keeps the filters and results as one
    fragment per query string and day, so a kept list costs neither the form nor a query."""

    def work_out() -> dict:
        form, filters = filters_from_request(request)
        results = offers_search(filters=filters, index=index)
        page = result_page(results, number=request.GET.get("seite"), origin=filters.origin, per_page=PER_PAGE)
        return {"form": form, "results": results, "page": page}

    state = Deferred(work_out)
    base = index.url
    query = _query_without(request, "seite")
    return {
        "filter_form": SimpleLazyObject(lambda: state()["form"]),
        "offers": SimpleLazyObject(lambda: state()["page"]),
        "result_count": SimpleLazyObject(lambda: state()["page"].paginator.count),
        "page_query": query,
        "calendar_url": f"{base}kalender/" + (f"?{query}" if query else ""),
        "map_located": Deferred(lambda: has_map_points(state()["results"])),
        "map_points_url": f"{base}karte/" + (f"?{query}" if query else ""),
        "filters_active": bool(query),
        "today": timezone.localdate(),
    }


def offer_list_map_points(*, request: HttpRequest, index: OfferIndexPage) -> HttpResponse:
    """The map's markers for the filtered list (same parameters as the page), fetched after "Karte laden"."""
    _form, filters = filters_from_request(request)
    return map_points_response(offers_search(filters=filters, index=index), base_url=index.url)


def offer_list_calendar(*, request: HttpRequest, index: OfferIndexPage) -> HttpResponse:
    """The filtered list as a feed a calendar app can subscribe to (same parameters as the page)."""
    _form, filters = filters_from_request(request)
    offers = offers_search(filters=filters, index=index).filter(first_date__isnull=False)
    content = offers_calendar(
        offers=offers, name=_("Angebote für Familien"), base_url=request.build_absolute_uri("/")[:-1]
    )
    return ics_response(content, "angebote.ics")


def offer_calendar(*, request: HttpRequest, offer: OfferPage) -> HttpResponse:
    content = offers_calendar(offers=[offer], name=offer.title, base_url=request.build_absolute_uri("/")[:-1])
    return ics_response(content, f"{slugify(offer.title) or 'angebot'}.ics")


@require_http_methods(["GET", "POST"])
def offer_still_current(request: HttpRequest, token: str) -> HttpResponse:
    """From the reminder mail, without logging in; GET asks, POST renews (mail scanners follow links, not forms)."""
    try:
        offer, waiting = offer_for_still_current_token(token=token)
        if request.method == "POST":
            offer = offer_confirm_still_current(token=token)
            return render(request, "offers/still_current.html", {"offer": offer, "done": True})
    except StillCurrentLinkError as error:
        return render(request, "offers/still_current.html", {"problem": str(error)}, status=400)
    return render(request, "offers/still_current.html", {"offer": offer, "waiting": waiting})
