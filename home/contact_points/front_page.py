"""The contact points' panels for the front page: what is on this week, which Familienpunkte are open now."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.registry import FrontPagePanel, front_page_panels
from home.front_page import section_page

WEEK_DAYS = 7
MAX_EVENTS = 6


def _index(request, home):
    from home.contact_points.models import ContactPointIndexPage

    return section_page(request, home, ContactPointIndexPage)


def _points(request, index) -> list:
    """The Familienpunkte below `index` with their hours, fetched once per request for both panels."""
    from home.contact_points.selectors import contact_points

    cached = getattr(request, "_front_page_contact_points", None)
    if cached is None or cached[0] != index.pk:
        cached = (index.pk, list(contact_points().filter(path__startswith=index.path)))
        request._front_page_contact_points = cached
    return cached[1]


def events_this_week(request, home) -> dict | None:
    """The next seven days' dates below this home page (the reader's language tree), soonest first."""
    from home.contact_points.selectors import live_events, occurrences

    index = _index(request, home)
    if index is None:
        return None
    today = timezone.localdate()
    points = _points(request, index)
    found = occurrences(
        start=today,
        end=today + datetime.timedelta(days=WEEK_DAYS - 1),
        events=live_events(start=today, under=index),
        points=points,
    )
    return {
        "occurrences": found[:MAX_EVENTS],
        "more": max(len(found) - MAX_EVENTS, 0),
        "events_url": index.url + index.reverse_subpage("events"),
    }


def open_now(request, home) -> dict | None:
    """Every Familienpunkt with its opening status, the open ones first (then by when they open next)."""
    index = _index(request, home)
    if index is None:
        return None
    now = timezone.now()
    points = _points(request, index)
    statuses = [(point, point.opening_at(now)) for point in points]
    far = now + datetime.timedelta(days=365)
    statuses.sort(key=lambda row: (not row[1].is_open, row[1].next_opening or far, row[0].title))
    return {
        "open": [(point, status) for point, status in statuses if status.is_open],
        "closed": [(point, status) for point, status in statuses if not status.is_open],
        "index_url": index.url,
    }


front_page_panels.register(
    FrontPagePanel(
        key="termine_woche",
        label=_("Was ist los diese Woche?"),
        template="contact_points/front_page/events.html",
        context=events_this_week,
        order=20,
    )
)
front_page_panels.register(
    FrontPagePanel(
        key="familienpunkte_offen",
        label=_("Familienpunkte: jetzt geöffnet"),
        template="contact_points/front_page/open_now.html",
        context=open_now,
        order=30,
    )
)
