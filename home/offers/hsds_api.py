"""The HSDS 3.0 API over the published offers, as Open Referral's openapi.json defines it: /api/v1/hsds/…

Lists come in HSDS's page envelope (total_items, total_pages, page_number, size, first_page, last_page, empty,
contents); bad parameters get 400 with German messages in the shape of the other endpoints, unknown ids 404."""

from __future__ import annotations

import copy
import datetime
import json
import math
import re
from collections.abc import Callable, Iterable
from functools import cache, wraps

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.api_paging import PER_PAGE
from home.offers import hsds
from home.offers.exchange import HSDS_EXTENSION
from home.offers.selectors import (
    offer_categories,
    offer_providers,
    offers_modified_after,
    offers_search_words,
    offers_with_place,
    published_offers,
)

MAX_PER_PAGE = 200


class BadParameter(Exception):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name, self.message = name, message


def _json(data, *, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def hsds_view(view: Callable) -> Callable:
    """GET only; a bad parameter answers 400 and an unknown id 404, both as JSON."""

    @require_GET
    @wraps(view)
    def inner(request: HttpRequest, *args, **kwargs):
        try:
            # PostgreSQL refuses text with NUL characters: a clear 400 instead of a server error.
            for name, value in request.GET.items():
                if "\x00" in value:
                    raise BadParameter(name, _("Der Wert enthält ein unzulässiges Steuerzeichen."))
            if request.GET.get("format", "json") != "json":
                raise BadParameter("format", _("Dieses Format wird nicht unterstützt; erlaubt ist nur „json“."))
            return view(request, *args, **kwargs)
        except BadParameter as problem:
            return _json({"errors": {problem.name: [problem.message]}}, status=400)
        except Http404:
            return _json({"error": _("Unter dieser Kennung gibt es keinen Eintrag.")}, status=404)

    return inner


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")[:-1]


def _number(request: HttpRequest, name: str, *, default: int, highest: int | None = None) -> int:
    text = request.GET.get(name, "").strip()
    if not text:
        return default
    if not re.fullmatch(r"[0-9]+", text) or int(text) < 1:
        raise BadParameter(name, _("Bitte geben Sie eine ganze Zahl ab 1 an."))
    if highest is not None and int(text) > highest:
        raise BadParameter(name, _("Höchstens %(highest)s Einträge pro Seite.") % {"highest": highest})
    return int(text)


def _flag(request: HttpRequest, name: str) -> bool:
    text = request.GET.get(name, "").strip().lower()
    if text in ("", "false", "0"):
        return False
    if text in ("true", "1"):
        return True
    raise BadParameter(name, _("Erlaubt sind „true“ und „false“."))


def _moment(request: HttpRequest) -> datetime.datetime | None:
    """modified_after: an ISO 8601 date-time (a date means its start); without an offset, the portal's time."""
    text = request.GET.get("modified_after", "").strip()
    if not text:
        return None
    try:
        moment = parse_datetime(text)
        if moment is None and (day := parse_date(text)) is not None:
            moment = datetime.datetime.combine(day, datetime.time.min)
    except ValueError:
        moment = None
    if moment is None:
        raise BadParameter(
            "modified_after",
            _("Bitte geben Sie einen Zeitpunkt nach ISO 8601 an, z. B. 2026-05-01T08:00:00+02:00."),
        )
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _pk_for(hsds_id: str, candidates: Iterable[int], to_id: Callable[[int], str]) -> int | None:
    """The primary key behind an HSDS id: ids are hashes, so the (few thousand) candidates are hashed and compared."""
    return next((pk for pk in candidates if to_id(pk) == hsds_id), None)


def _paged(request: HttpRequest, items, serialize: Callable[[object], dict]) -> JsonResponse:
    per_page = _number(request, "per_page", default=PER_PAGE, highest=MAX_PER_PAGE)
    page = _number(request, "page", default=1)
    total = items.count() if isinstance(items, QuerySet) else len(items)
    start = (page - 1) * per_page
    contents = [serialize(item) for item in items[start : start + per_page]] if start < total else []
    total_pages = math.ceil(total / per_page)
    return _json(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


# --- API information -----------------------------------------------------------------------------


@cache
def _official_openapi() -> dict:
    return json.loads((hsds.SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8"))


@hsds_view
def api_info(request: HttpRequest) -> JsonResponse:
    base = _base_url(request) + "/api/v1/hsds"
    return _json({"version": hsds.HSDS_VERSION, "profile": base + "/profile", "openapi_url": base + "/openapi.json"})


@hsds_view
def openapi(request: HttpRequest) -> JsonResponse:
    """Open Referral's description of the API, with this portal's name, licence and address filled in."""
    document = copy.deepcopy(_official_openapi())
    document["info"] = {
        "title": _("Familienportal: Angebote für Familien (HSDS 3.0)"),
        "version": "1",
        "description": _("Die veröffentlichten Angebote des Familienportals im Format HSDS 3.0 (Open Referral)."),
        "license": {"name": "Datenlizenz Deutschland – Namensnennung – Version 2.0", "identifier": "DL-DE-BY-2.0"},
    }
    document["servers"] = [{"url": _base_url(request) + "/api/v1/hsds"}]
    return _json(document)


@hsds_view
def profile(request: HttpRequest) -> JsonResponse:
    """What this portal adds to HSDS 3.0 (docs/hsds.md says the same for people)."""
    return _json(
        {
            "name": "familienportal",
            "hsds_version": hsds.HSDS_VERSION,
            "extension_field": HSDS_EXTENSION,
            "service": {
                "external_id": _("Kennung des Angebots beim Anbieter oder im Importsystem"),
                "district": _("Kurzname des Stadtteils"),
                "registration_required": _("Anmeldung erforderlich (true/false)"),
                "registration_deadline": _("Anmeldeschluss (Datum) oder null"),
                "places_left": _("Freie Plätze oder null"),
                "reduced_with_pass": _("Ermäßigt mit dem Sozialpass der Stadt (true/false)"),
                "last_checked": _("Zuletzt von der Redaktion geprüft (Datum, auch assured_date)"),
                "timezone": _("Zeitzone der Uhrzeiten in schedules (IANA)"),
            },
            "organization": {
                "slug": _("Kurzname des Anbieters"),
                "kind": _("Art des Anbieters: staedtisch, freier-traeger, verein, kirche, privat"),
            },
        }
    )


# --- services ------------------------------------------------------------------------------------


def _filtered_offers(request: HttpRequest) -> QuerySet:
    """search, modified_after, taxonomy_term_id, taxonomy_id and organization_id, as HSDS names them."""
    offers = published_offers()
    if query := request.GET.get("search", "").strip():
        offers = offers_search_words(offers, query=query)
    if (moment := _moment(request)) is not None:
        offers = offers_modified_after(offers, moment=moment)
    if term := request.GET.get("taxonomy_term_id", "").strip():
        pk = _pk_for(term, offer_categories().values_list("pk", flat=True), hsds.taxonomy_term_id)
        offers = offers.filter(categories=pk).distinct() if pk else offers.none()
    if (taxonomy := request.GET.get("taxonomy_id", "").strip()) and taxonomy != hsds.taxonomy_id():
        offers = offers.none()
    if provider := request.GET.get("organization_id", "").strip():
        pk = _pk_for(provider, offer_providers().values_list("pk", flat=True), hsds.organization_id)
        offers = offers.filter(provider=pk) if pk else offers.none()
    return offers


def _offer(hsds_id: str, to_id: Callable[[int], str] = hsds.service_id, offers: QuerySet | None = None):
    offers = published_offers() if offers is None else offers
    pk = _pk_for(hsds_id, offers.values_list("pk", flat=True), to_id)
    if pk is None:
        raise Http404
    return offers.get(pk=pk)


@hsds_view
def services(request: HttpRequest) -> JsonResponse:
    base_url, full = _base_url(request), _flag(request, "full")
    write = hsds.service if full else hsds.service_basic
    return _paged(request, _filtered_offers(request), lambda offer: write(offer, base_url=base_url))


@hsds_view
def service(request: HttpRequest, id: str) -> JsonResponse:
    return _json(hsds.service(_offer(id), base_url=_base_url(request)))


@hsds_view
def service_at_locations(request: HttpRequest) -> JsonResponse:
    base_url, full = _base_url(request), _flag(request, "full")
    write = hsds.service if full else hsds.service_basic
    return _paged(
        request,
        offers_with_place(_filtered_offers(request)),
        lambda offer: hsds.service_at_location(offer, service=write(offer, base_url=base_url)),
    )


@hsds_view
def service_at_location(request: HttpRequest, id: str) -> JsonResponse:
    offer = _offer(id, hsds.service_at_location_id, offers_with_place(published_offers()))
    base_url = _base_url(request)
    return _json(hsds.service_at_location(offer, service=hsds.service(offer, base_url=base_url)))


# --- organizations -------------------------------------------------------------------------------


def _provider(hsds_id: str):
    providers = offer_providers()
    pk = _pk_for(hsds_id, providers.values_list("pk", flat=True), hsds.organization_id)
    if pk is None:
        raise Http404
    return providers.get(pk=pk)


@hsds_view
def organizations(request: HttpRequest) -> JsonResponse:
    providers = offer_providers()
    if query := request.GET.get("search", "").strip():
        providers = providers.filter(name__icontains=query)
    full = _flag(request, "full") or _flag(request, "full_service")
    return _paged(request, providers, lambda provider: hsds.organization(provider, full=full))


@hsds_view
def organization(request: HttpRequest, id: str) -> JsonResponse:
    provider, base_url = _provider(id), _base_url(request)
    write = hsds.service if _flag(request, "full_service") else hsds.service_basic
    offers = published_offers().filter(provider=provider)
    return _json(hsds.organization(provider, full=True, services=[write(offer, base_url=base_url) for offer in offers]))


# --- taxonomies ----------------------------------------------------------------------------------


@hsds_view
def taxonomies(request: HttpRequest) -> JsonResponse:
    return _paged(request, [hsds.taxonomy()], lambda taxonomy: taxonomy)


@hsds_view
def taxonomy(request: HttpRequest, id: str) -> JsonResponse:
    if id != hsds.taxonomy_id():
        raise Http404
    return _json(hsds.taxonomy())


@hsds_view
def taxonomy_terms(request: HttpRequest) -> JsonResponse:
    terms = offer_categories()
    if query := request.GET.get("search", "").strip():
        terms = terms.filter(name__icontains=query)
    taxonomy_id = request.GET.get("taxonomy_id", "").strip()
    # The portal's terms have no parents: every term is a top term, none has the parent asked for.
    if (taxonomy_id and taxonomy_id != hsds.taxonomy_id()) or request.GET.get("parent_id", "").strip():
        terms = terms.none()
    _flag(request, "top_only")
    return _paged(request, terms, hsds.taxonomy_term)


@hsds_view
def taxonomy_term(request: HttpRequest, id: str) -> JsonResponse:
    terms = offer_categories()
    pk = _pk_for(id, terms.values_list("pk", flat=True), hsds.taxonomy_term_id)
    if pk is None:
        raise Http404
    return _json(hsds.taxonomy_term(terms.get(pk=pk)))
