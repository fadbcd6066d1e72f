from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from home.district_selectors import district_overview
from home.models import District


def district_page(request: HttpRequest, *, index, district_slug: str) -> HttpResponse:
    district = District.objects.filter(slug=district_slug).first()
    if district is None:
        raise Http404
    context = {
        "page": index,
        "self": index,
        "request": request,
        "district": district,
        "overview": district_overview(district=district),
    }
    return TemplateResponse(request, "home/district.html", context)
