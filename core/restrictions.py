"""Which pages guests may see, without asking the database on every request (issue 20).

Wagtail checks view restrictions with two to five queries on every page served (the page's ancestors, their alias
sources, the restrictions) and with one more for every list filtered by `.public()`. Private sections are rare and
change only when an editor sets one, which raises the content version (core/page_cache.py) like any other write.
So the answer is kept under that version: the private sections' paths for lists, and whether a routed page is
restricted at all with the route (core/routing.py). A restricted page still goes through Wagtail's own check."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail import hooks
from wagtail import wagtail_hooks as wagtail_core_hooks  # imported first, so its hook is there to be replaced

from core.page_cache import cached_fragment


def private_paths() -> tuple[str, ...]:
    """Tree paths of the pages that carry a view restriction (each covers its descendants)."""
    from wagtail.models import PageViewRestriction

    return cached_fragment(
        "private-sections", lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def public(queryset: QuerySet) -> QuerySet:
    """Wagtail's `queryset.public()`: pages outside every private section (and not themselves restricted)."""
    paths = private_paths()
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


def is_restricted(page) -> bool:
    """Does any view restriction apply to `page` (its own, an ancestor's, or its alias source's)? Computed the way
    Wagtail's check does; kept with the cached route."""
    return page.get_view_restrictions().exists()


def mark_unrestricted(request, page) -> None:
    request._portal_unrestricted_page_id = page.pk


def check_view_restrictions(callback):
    """Wagtail's `on_serve_page` check, skipped for a page the cached route found unrestricted."""
    wagtails_check = wagtail_core_hooks.check_view_restrictions(callback)

    def inner(page, request, serve_args, serve_kwargs):
        if getattr(request, "_portal_unrestricted_page_id", None) == page.pk:
            return callback(page, request, serve_args, serve_kwargs)
        return wagtails_check(page, request, serve_args, serve_kwargs)

    return inner


def replace_wagtails_check() -> None:
    """Put `check_view_restrictions` where Wagtail registered its own (same place in the chain, same order)."""
    registered = hooks._hooks.get("on_serve_page", [])  # Wagtail has no public way to unregister a hook
    for index, (function, order) in enumerate(registered):
        if function is wagtail_core_hooks.check_view_restrictions:
            registered[index] = (check_view_restrictions, order)
