"""Reads for contact points, their events and volunteer roles; lists fetch related rows up front."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from core.restrictions import public
from home.contact_points.models import ContactPointPage, EventPage, VolunteerRole, VolunteerShift, VolunteerSignup


@dataclass(frozen=True)
class Occurrence:
    event: EventPage
    contact_point: ContactPointPage | None
    date: datetime.date


def contact_points(*, district=None) -> QuerySet[ContactPointPage]:
    pages = (
        public(ContactPointPage.objects.live())
        .select_related("district")
        .prefetch_related(
            "hours",
            "hour_exceptions",
            "services",
        )
        .order_by("title")
    )
    if district is not None:
        pages = pages.filter(district=district)
    return pages


def live_events(*, start: datetime.date, under: Page | None = None, district=None) -> QuerySet[EventPage]:
    """Published events that are not over by `start`, optionally below one contact point or in one district."""
    events = public(EventPage.objects.live()).filter(last_date__gte=start).prefetch_related("cancellations")
    if under is not None:
        events = events.descendant_of(under)
    if district is not None:
        paths = list(ContactPointPage.objects.live().filter(district=district).values_list("path", flat=True))
        if not paths:
            return events.none()
        below = Q()
        for path in paths:
            below |= Q(path__startswith=path)
        events = events.filter(below)
    return events


def occurrences(
    *,
    start: datetime.date,
    end: datetime.date,
    events=None,
    points: list[ContactPointPage] | None = None,
    limit: int | None = None,
) -> list[Occurrence]:
    """Every date between start and end, sorted; each knows its contact point without a query per event."""
    events = list(events if events is not None else live_events(start=start))
    if points is None:
        points = list(
            ContactPointPage.objects.live().filter(path__in={event.path[: -Page.steplen] for event in events})
        )
    by_path = {point.path: point for point in points}
    found = [
        Occurrence(event, by_path.get(event.path[: -Page.steplen]), day)
        for event in events
        for day in event.occurrence_dates(start=start, end=end)
    ]
    found.sort(key=lambda o: (o.date, o.event.start_time, o.event.title))
    return found[:limit] if limit is not None else found


def volunteer_board(
    *, contact_point: ContactPointPage, user, today: datetime.date | None = None
) -> list[VolunteerRole]:
    """Active roles with their upcoming shifts; each shift carries `taken` and `mine` (the reader's sign-up or None)."""
    today = today or timezone.localdate()
    shifts = VolunteerShift.objects.filter(date__gte=today).annotate(
        taken=Count("signups", filter=Q(signups__cancelled_at__isnull=True))
    )
    roles = list(
        contact_point.volunteer_roles.filter(active=True).prefetch_related(Prefetch("shifts", queryset=shifts))
    )
    mine = {}
    if user.is_authenticated:
        mine = {
            signup.shift_id: signup
            for signup in VolunteerSignup.objects.filter(user=user, cancelled_at__isnull=True, shift__role__in=roles)
        }
    for role in roles:
        for shift in role.shifts.all():
            shift.mine = mine.get(shift.pk)
            shift.free = max(shift.capacity - shift.taken, 0)
    return roles


def signups_of(*, user, today: datetime.date | None = None) -> QuerySet[VolunteerSignup]:
    today = today or timezone.localdate()
    return VolunteerSignup.objects.filter(user=user, cancelled_at__isnull=True, shift__date__gte=today).select_related(
        "shift__role__contact_point"
    )
