"""The search's part of the admin: the Redaktion's synonym groups and the weekly report of what people search for."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from search import selectors
from search.analytics import KEEP_WEEKS, week_of
from search.models import SearchSynonym

REPORT_PERMISSION = "portal_search.view_searchqueryweek"


class SearchSynonymViewSet(ModelViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Suchbegriffe: Synonyme")
    add_to_admin_menu = True
    menu_order = 290
    form_fields = ["terms", "note", "active"]
    list_display = ["__str__", "note", "active", "updated_at"]
    list_filter = ["active"]
    search_fields = ["terms", "note"]
    search_backend_name = None  # a handful of rows: the database's LIKE is enough, no index to keep


def _week(value: str, current: datetime.date) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return current
    return min(week_of(day), current)


def query_report(request: HttpRequest) -> TemplateResponse:
    """What people searched for in one week (default: this one), most frequent first, and what found nothing."""
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    current = week_of(timezone.localdate())
    week = _week(request.GET.get("woche", ""), current)
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("sprache", "")
    language = language if language in languages else ""
    previous = week - datetime.timedelta(weeks=1)
    following = week + datetime.timedelta(weeks=1)
    return TemplateResponse(
        request,
        "search/query_report.html",
        {
            "week": week,
            "week_end": week + datetime.timedelta(days=6),
            "language": language,
            "languages": list(languages.items()),
            "top": selectors.weekly_top(week, language or None),
            "without_results": selectors.weekly_without_results(week, language or None),
            "totals": selectors.weekly_totals(week, language or None),
            "previous": previous if previous >= current - datetime.timedelta(weeks=KEEP_WEEKS) else None,
            "following": following if following <= current else None,
        },
    )
