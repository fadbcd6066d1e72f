"""Reads of the Kita and childminder directory, shared by the search page, the API and the place alerts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from core.geo import KM_PER_DEGREE_LAT, Point, distance_origin, squared_distance_expression
from core.restrictions import public
from home.directory.models import Provider
from home.kita.ages import age_group_on, completed_months
from home.kita.forms import next_kita_year_start
from home.kita.models import AgeGroupCapacity, DaycarePage, FreePlaces, KitaFocus, OpeningHours
from home.kita.models.pages import AgeGroup, ChildminderPage, KitaPage
from home.models import District

WORKDAYS = range(5)


@dataclass(frozen=True)
class DaycareFilters:
    kind: str = ""  # "", "kita", "tagespflege"
    district: District | None = None
    origin: Point | None = None
    radius_km: int | None = None
    birth: datetime.date | None = None
    start: datetime.date | None = None
    needed_from: datetime.time | None = None
    needed_until: datetime.time | None = None
    free_only: bool = False
    focus: KitaFocus | None = None
    carrier: Provider | None = None

    @classmethod
    def from_form(cls, cleaned: dict) -> DaycareFilters:
        radius = cleaned.get("umkreis")
        return cls(
            kind=cleaned.get("art") or "",
            # With a radius the district is where the circle is drawn from, not a boundary.
            district=None if radius else cleaned.get("stadtteil"),
            origin=distance_origin(cleaned),
            radius_km=radius,
            birth=cleaned.get("geburtsdatum"),
            start=cleaned.get("beginn"),
            needed_from=cleaned.get("von"),
            needed_until=cleaned.get("bis"),
            free_only=bool(cleaned.get("frei")),
            focus=cleaned.get("schwerpunkt"),
            carrier=cleaned.get("traeger"),
        )

    @property
    def start_date(self) -> datetime.date:
        return self.start or next_kita_year_start(timezone.localdate())

    @property
    def age_group(self) -> AgeGroup | None:
        return age_group_on(self.birth, self.start_date) if self.birth else None


def stale_before() -> datetime.datetime:
    """Reports older than this are marked as possibly outdated."""
    return timezone.now() - datetime.timedelta(weeks=settings.KITA_REPORT_STALE_WEEKS)


def daycare_search(*, filters: DaycareFilters, index=None) -> QuerySet[DaycarePage]:
    """Live Kitas and childminders matching the filters, nearest first where a starting point is known."""
    daycares = public(DaycarePage.objects.live())
    if index is not None:
        daycares = daycares.child_of(index)
    if filters.kind == "kita":
        daycares = daycares.type(KitaPage)
    elif filters.kind == "tagespflege":
        daycares = daycares.type(ChildminderPage)
    if filters.district:
        daycares = daycares.filter(district=filters.district)
    if filters.focus:
        daycares = daycares.filter(focus=filters.focus)
    if filters.carrier:
        daycares = daycares.filter(kitapage__carrier=filters.carrier)
    if filters.birth:
        group = filters.age_group
        if group is None:
            return daycares.none()
        months = completed_months(filters.birth, filters.start_date)
        daycares = daycares.filter(
            Exists(
                AgeGroupCapacity.objects.filter(
                    daycare=OuterRef("pk"), group=group, places__gt=0, min_age_months__lte=months
                )
            )
        )
        if filters.free_only:
            daycares = daycares.filter(
                Exists(FreePlaces.objects.filter(daycare=OuterRef("pk"), group=group, free_places__gt=0))
            )
    elif filters.free_only:
        daycares = daycares.filter(Exists(FreePlaces.objects.filter(daycare=OuterRef("pk"), free_places__gt=0)))
    if filters.needed_from or filters.needed_until:
        needed = Q()
        if filters.needed_from:
            needed &= Q(opens__lte=filters.needed_from)
        if filters.needed_until:
            needed &= Q(closes__gte=filters.needed_until)
        for day in WORKDAYS:  # the family needs these hours on every working day
            daycares = daycares.filter(Exists(OpeningHours.objects.filter(needed, daycare=OuterRef("pk"), weekday=day)))
    if filters.origin is not None:
        daycares = daycares.annotate(
            distance_sort=Case(
                When(latitude__isnull=True, then=Value(1e9)), default=squared_distance_expression(filters.origin)
            )
        )
        if filters.radius_km:
            daycares = daycares.filter(distance_sort__lte=(filters.radius_km / KM_PER_DEGREE_LAT) ** 2)
        ordering = ["distance_sort", "title"]
    else:
        ordering = ["title"]
    return (
        daycares.order_by(*ordering, "pk")
        .select_related("district", "kitapage", "kitapage__carrier")
        .prefetch_related(
            "capacities",
            "focus",
            Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday")),
            Prefetch("free_places", queryset=FreePlaces.objects.order_by("group")),
        )
    )


def daycares_for_staff(*, user) -> QuerySet[DaycarePage]:
    """The Kitas and childminders this account may report free places for."""
    return (
        DaycarePage.objects.live()
        .filter(staff__user=user)
        .distinct()
        .order_by("title")
        .prefetch_related("capacities", Prefetch("free_places", queryset=FreePlaces.objects.order_by("group")))
    )
