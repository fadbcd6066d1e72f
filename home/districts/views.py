from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from home.districts.selectors import district_overview
from home.models import District, KitaIndexPage, OfferIndexPage


def district_page(request: HttpRequest, *, index, district_slug: str) -> HttpResponse:
    district = District.objects.filter(slug=district_slug).first()
    if district is None:
        raise Http404
    overview = district_overview(district=district)
    context = {"page": index, "self": index, "request": request}
    offers, kitas = OfferIndexPage.objects.live().first(), KitaIndexPage.objects.live().first()
    context.update({
        "district": district, "overview": overview,
        "offers_url": offers.url if offers else None, "kita_url": kitas.url if kitas else None,
    })
    return TemplateResponse(request, "home/districts/district.html", context)
