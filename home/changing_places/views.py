"""Thin views of the nursing and changing places: directory, detail, suggestion and report forms."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.submit_once import submit_once
from home.changing_places.forms import PlaceFilterForm, ReportForm, SuggestPlaceForm
from home.changing_places.selectors import PlaceFilters, places_search
from home.changing_places.services import can_contribute, place_report, place_suggest
from home.district_selectors import district_url

PER_PAGE = 30


def changing_place_list_context(*, request: HttpRequest, index) -> dict:
    form = PlaceFilterForm(request.GET)
    form.is_valid()
    filters = PlaceFilters.from_form(form.cleaned_data)
    results = places_search(filters=filters, index=index)
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("seite"))
    params = request.GET.copy()
    params.pop("seite", None)
    return {
        "filter_form": form,
        "places": page,
        "result_count": len(results),
        "page_query": params.urlencode(),
        "filters_active": any(value for key, value in request.GET.items() if key != "seite"),
        "suggest_url": index.url + index.reverse_subpage("suggest"),
        "map_points": [
            {"title": place.title, "url": place.url, "lat": float(place.latitude), "lon": float(place.longitude)}
            for place in results
            if place.latitude is not None
        ],
    }


def changing_place_context(*, request: HttpRequest, place) -> dict:
    point = (
        {"title": place.title, "url": place.url, "lat": float(place.latitude), "lon": float(place.longitude)}
        if place.latitude is not None
        else None
    )
    return {
        "report_url": place.url + place.reverse_subpage("report"),
        "district_url": district_url(place.district),
        "map_points": [point] if point else [],
    }


def _login_or_confirm(request: HttpRequest):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_contribute(request.user):
        messages.warning(
            request, _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse. Dann können Sie Orte vorschlagen und melden.")
        )
        return redirect("profile")
    return None


@submit_once
def suggest_place(request: HttpRequest, *, index) -> HttpResponse:
    if not request.user.is_authenticated:
        # Guests are told why an account is needed, instead of landing on the login form without a word.
        context = index.get_context(request)
        context.update({"index": index, "login_needed": True, "next": request.get_full_path()})
        return TemplateResponse(request, "changing_places/suggest.html", context)
    if (refusal := _login_or_confirm(request)) is not None:
        return refusal
    form = SuggestPlaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            place_suggest(user=request.user, index=index, data=form.cleaned_data, periods=form.periods())
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(
                request,
                _("Danke! Die Redaktion prüft Ihren Vorschlag. Sobald er bestätigt ist, erscheint der Ort hier."),
            )
            return redirect(index.url)
    context = index.get_context(request)
    context.update({"form": form, "index": index})
    return TemplateResponse(request, "changing_places/suggest.html", context)


@submit_once
def report_place(request: HttpRequest, *, place) -> HttpResponse:
    if (refusal := _login_or_confirm(request)) is not None:
        return refusal
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            place_report(
                user=request.user, place=place, reason=form.cleaned_data["reason"], comment=form.cleaned_data["comment"]
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Danke für Ihren Hinweis! Die Redaktion prüft ihn."))
            return redirect(place.url)
    context = place.get_context(request)
    context.update({"form": form})
    return TemplateResponse(request, "changing_places/report.html", context)
