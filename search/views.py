from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from community.accounts.selectors import has_confirmed_email
from search import analytics
from search.documents import kind_labels
from search.forms import SearchForm
from search.query import PER_PAGE, SearchQuery, SearchResults
from search.selectors import frequent_categories
from search.services import search as run_search

SUGGESTIONS = 8
FACET_NAMES = {
    "typ": _("Art"),
    "stadtteil": _("Stadtteil"),
    "kategorie": _("Kategorie"),
    "alter": _("Alter"),
    "kostenlos": _("Kosten"),
}


def reader_language() -> str:
    """The content language of the request (Leichte Sprache `de-x-ls` is one of its own, not German)."""
    language = get_language() or settings.LANGUAGE_CODE
    if language in dict(settings.LANGUAGES):
        return language
    base = language.split("-")[0]
    return base if base in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _query(request: HttpRequest, form: SearchForm, *, per_page: int = PER_PAGE, prefix: bool = True) -> SearchQuery:
    data = form.cleaned_data
    members = has_confirmed_email(request.user) or request.user.is_staff
    return SearchQuery(
        text=data["q"],
        language=reader_language(),
        audience="members" if members else "public",
        kind=data["typ"],
        district=data["stadtteil"],
        category=data["kategorie"],
        age=data["alter"],
        free=data["kostenlos"],
        page=data["seite"] or 1,
        per_page=per_page,
        prefix=prefix,
    )


def _link(params: dict, **changes) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in ("", None)}
    return "?" + urlencode(merged)


def _facets(results: SearchResults, params: dict) -> list[dict]:
    """Facet groups for the template: every value links to the results with that filter set (no JavaScript)."""
    selected = results.query.filters()
    groups = []
    for name, values in results.facets.items():
        if not values:
            continue
        groups.append(
            {
                "name": name,
                "label": FACET_NAMES[name],
                "values": [
                    {
                        "label": v.label,
                        "count": v.count,
                        "selected": selected.get(name) == v.value,
                        "url": _link(params, **{name: "" if selected.get(name) == v.value else v.value, "seite": ""}),
                    }
                    for v in values
                ],
            }
        )
    return groups


def _counted(response: HttpResponse, results: SearchResults) -> HttpResponse:
    """Count a search as typed: its first page, without filters (further pages and facet clicks refine the same search;
    the suggestions while typing are not searches). Such a page stays out of the guests' page cache: served from
    there, the view would not run and the search would not count."""
    if results.query.page == 1 and not results.query.filters():
        analytics.record(results.query.text, results.query.language, results.total)
        patch_cache_control(response, private=True, no_cache=True)
    return response


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    context: dict = {"form": form, "query": request.GET.get("q", "")[:200], "results": None}
    results = None
    if form.is_valid() and form.cleaned_data["q"]:
        results = run_search(_query(request, form))
        params = {k: v for k, v in request.GET.items() if k in form.fields and v}
        labels = kind_labels()
        context.update(
            results=results,
            facets=_facets(results, params),
            active=[
                {
                    "name": FACET_NAMES[name],
                    "value": labels.get(value, value) if name == "typ" else value,
                    "remove": _link(params, **{name: "", "seite": ""}),
                }
                for name, value in results.query.filters().items()
            ],
            previous=_link(params, seite=results.query.page - 1) if results.query.page > 1 else "",
            next=_link(params, seite=results.query.page + 1) if results.query.page < results.pages else "",
            suggestion_link=_link({"q": results.suggestion}) if results.suggestion else "",
        )
        if not results.total:
            context["categories"] = [
                {"label": category, "url": _link({"q": category})}
                for category in frequent_categories(language=results.query.language, audience=results.query.audience)
            ]
    response = render(request, "search/search.html", context, status=200 if form.is_valid() else 400)
    return _counted(response, results) if results is not None else response


def _hit_json(request: HttpRequest, hit) -> dict:
    return {
        "key": hit.key,
        "type": hit.kind,
        "type_label": hit.kind_label,
        "title": hit.title,
        "title_html": hit.title_html,
        "snippet_html": hit.snippet_html,
        "url": request.build_absolute_uri(hit.url),
        "district": hit.district,
        "categories": hit.categories,
        "language": hit.language,
        "date_start": hit.date_start.isoformat() if hit.date_start else None,
        "date_end": hit.date_end.isoformat() if hit.date_end else None,
        "missing": hit.missing,
        # Near-identical siblings shown with this result (other days, groups or Stadtteile of one provider's offer).
        "siblings": [
            {
                "key": sibling.key,
                "title": sibling.title,
                "url": request.build_absolute_uri(sibling.url),
                "district": sibling.district,
                "date_start": sibling.date_start.isoformat() if sibling.date_start else None,
                "date_end": sibling.date_end.isoformat() if sibling.date_end else None,
            }
            for sibling in hit.siblings
        ],
        "sibling_count": hit.sibling_count,
    }


@require_GET
def api_search(request: HttpRequest) -> JsonResponse:
    """GET /api/v1/search?q=…&typ=&stadtteil=&kategorie=&alter=&kostenlos=1&seite= — the results page as JSON."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": {k: [str(e) for e in v] for k, v in form.errors.items()}}, status=400)
    if not form.cleaned_data["q"]:
        return JsonResponse({"errors": {"q": [gettext_now("Bitte ein Suchwort angeben.")]}}, status=400)
    results = run_search(_query(request, form))
    selected = results.query.filters()
    response = JsonResponse(
        {
            "query": results.query.text,
            "total": results.total,
            "total_is_lower_bound": results.more,  # the database engine counted a bounded set of matches
            "page": results.query.page,
            "pages": results.pages,
            "per_page": results.query.per_page,
            "filters": selected,
            "suggestion": results.suggestion or None,
            "engine": results.engine,
            "notice": results.notice or None,
            "partial": results.partial,
            "results": [_hit_json(request, hit) for hit in results.hits],
            "facets": {
                name: [
                    {"value": v.value, "label": v.label, "count": v.count, "selected": selected.get(name) == v.value}
                    for v in values
                ]
                for name, values in results.facets.items()
            },
        }
    )
    return _counted(response, results)


@require_GET
def api_suggest(request: HttpRequest) -> JsonResponse:
    """GET /api/v1/search/suggest?q=schwimmk — titles for the search box while typing (the last word may be unfinished)."""
    form = SearchForm(request.GET)
    if not form.is_valid() or len(form.cleaned_data["q"]) < 2:
        return JsonResponse({"suggestions": []})
    results = run_search(_query(request, form, per_page=SUGGESTIONS))
    return JsonResponse(
        {"suggestions": [{"title": hit.title, "url": hit.url, "type_label": hit.kind_label} for hit in results.hits]}
    )
