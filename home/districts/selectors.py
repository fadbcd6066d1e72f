"""District pages: everything for families in one Stadtteil, gathered with a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch
from django.utils import timezone

from home.changing_places.models import ChangingPlacePage
from home.contact_points.models import ContactPointPage
from home.contact_points.selectors import Occurrence, contact_points, live_events, occurrences
from home.districts.models import DistrictIndexPage
from home.kita.models import DaycarePage
from home.models import District, LocalInstitution
from home.offers.selectors import current_offers

EVENT_DAYS = 28


def districts_by_borough() -> list[tuple[str, list[District]]]:
    districts = District.objects.order_by("borough", "name")
    return [(borough, list(group)) for borough, group in groupby(districts, key=lambda d: d.borough)]


def district_url(district: District | None) -> str | None:
    """The district's page, or None when the portal has no district pages (yet)."""
    if district is None:
        return None
    index = DistrictIndexPage.objects.live().first()
    if index is None:
        return None
    return index.url + index.reverse_subpage("district", args=[district.slug])


@dataclass
class DistrictOverview:
    district: District
    contact_points: list[ContactPointPage]
    partners: list[LocalInstitution]
    events: list[Occurrence]
    offers: list
    offer_count: int
    kitas: list[DaycarePage]
    childminder_count: int
    free_place_count: int
    institutions: list[tuple[str, list[LocalInstitution]]]
    changing_places: list[ChangingPlacePage] = field(default_factory=list)


def district_overview(*, district: District, today: datetime.date | None = None, offer_limit: int = 12) -> DistrictOverview:
    today = today or timezone.localdate()
    points = list(contact_points(district=district).prefetch_related(
        Prefetch("partners", queryset=LocalInstitution.objects.select_related("district")),
    ))
    partners = sorted({partner for point in points for partner in point.partners.all()}, key=lambda p: p.name)
    events = occurrences(
        start=today, end=today + datetime.timedelta(days=EVENT_DAYS),
        events=live_events(start=today, district=district), points=points,
    )
    offers = current_offers(today=today).filter(district=district).order_by("title")
    daycares = list(
        DaycarePage.objects.live().public().filter(district=district).select_related("kitapage").prefetch_related("free_places")
        .order_by("title")
    )
    kitas = [daycare for daycare in daycares if daycare.kita_details is not None]
    free = sum(1 for daycare in daycares if any(row.free_places > 0 for row in daycare.free_places.all()))
    institutions = LocalInstitution.objects.filter(district=district).order_by("kind", "name")
    grouped = [
        (str(LocalInstitution.Kind(kind).label), list(group)) for kind, group in groupby(institutions, key=lambda i: i.kind)
    ]
    places = list(
        ChangingPlacePage.objects.live().public().filter(district=district).prefetch_related("hours", "hour_exceptions")
        .order_by("title")
    )
    return DistrictOverview(
        district=district, contact_points=points, partners=partners, events=events,
        offers=list(offers[:offer_limit]), offer_count=offers.count(), kitas=kitas,
        childminder_count=len(daycares) - len(kitas), free_place_count=free, institutions=grouped,
        changing_places=places,
    )
