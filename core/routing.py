"""Wagtail's page routing, remembered (issue 20).

Wagtail finds a page by walking the tree: the site's root in the reader's language, then one query for each path
segment and one for each page's specific type, five or more queries before a page does any work of its own. The
answer only changes when pages change, so it is kept under the content version (core/page_cache.py) like the
navigation: which page a path leads to, its type, and how many segments it consumed, and that page itself. The page
then routes the rest of the path itself (RoutablePageMixin's sub-pages cost no query).
Whether a view restriction applies is kept with the route (core/restrictions.py); a restricted page goes through
Wagtail's own check on every request. Liveness is part of the route: an unpublished page raises the version."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from core.page_cache import cached_fragment, site_for_request
from core.restrictions import is_restricted, mark_unrestricted


def _found(request: HttpRequest, site, components: list[str], path: str) -> tuple[int, int, int, bool] | None:
    result = Page.route_for_request(request, path)  # the usual walk; Wagtail keeps it on the request too
    if result is None:
        return None
    page = result[0]
    # The walk loaded the page: keep it for the next request as well (see prime_route).
    cached_fragment("route-page", lambda: page, parts=(page.pk,))
    return page.pk, page.content_type_id, page.depth - site.root_page.depth, is_restricted(page)


def prime_route(request: HttpRequest, path: str) -> None:
    """Give Wagtail's serve view its route (`request._wagtail_route_for_request`) from the cache when it is there."""
    site = site_for_request(request)
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return
    components = [component for component in path.split("/") if component]
    found = cached_fragment(
        "route", lambda: _found(request, site, components, path), parts=(site.pk, get_language(), tuple(components))
    )
    if found is None or hasattr(request, "_wagtail_route_for_request"):
        return  # not a page, or just routed the usual way
    page_id, content_type_id, consumed, restricted = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()  # Django keeps content types in memory
    if model is None:
        return
    # The page itself is kept too (as a copy per request): an unchanged page costs no query to load.
    page = cached_fragment("route-page", lambda: model.objects.filter(pk=page_id).first(), parts=(page_id,))
    if page is None:
        return  # gone since: route the usual way
    try:
        request._wagtail_route_for_request = page.route(request, components[consumed:])
    except Http404:
        request._wagtail_route_for_request = None
        return
    if not restricted:
        mark_unrestricted(request, page)


class CachedRouteMiddleware:
    """Primes the route just before Wagtail's serve view runs (process_view knows the path it was given)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve:
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            prime_route(request, path)
        return None
