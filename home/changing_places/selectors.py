from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from core.geo import Point, attach_distances, distance_origin
from core.restrictions import public
from home.changing_places.forms import EQUIPMENT
from home.changing_places.models import ChangingPlaceIndexPage, ChangingPlacePage, ChangingPlaceReport


@dataclass(frozen=True)
class PlaceFilters:
    equipment: tuple[str, ...] = ()
    open_now: bool = False
    district: object = None
    origin: Point | None = None

    @classmethod
    def from_form(cls, cleaned: dict) -> PlaceFilters:
        return cls(
            equipment=tuple(cleaned.get("ausstattung") or ()),
            open_now=bool(cleaned.get("offen")),
            district=cleaned.get("stadtteil"),
            origin=distance_origin(cleaned),
        )


def live_places(*, index: ChangingPlaceIndexPage | None = None) -> QuerySet[ChangingPlacePage]:
    places = (
        public(ChangingPlacePage.objects.live()).select_related("district").prefetch_related("hours", "hour_exceptions")
    )
    return places.descendant_of(index) if index is not None else places


def places_search(
    *, filters: PlaceFilters, index: ChangingPlaceIndexPage | None = None, at: datetime.datetime | None = None
) -> list[ChangingPlacePage]:
    """Filtered places, nearest first when there is an origin; "open now" is worked out per place from its hours."""
    places = live_places(index=index)
    fields = {key: field for key, _label, field in EQUIPMENT}
    for key in filters.equipment:
        places = places.filter(**{fields[key]: True})
    if filters.district is not None:
        places = places.filter(district=filters.district)
    results = list(places.order_by("title"))
    for place in results:
        place.status = place.opening_at(at)
    if filters.open_now:
        results = [place for place in results if place.status.is_open]
    attach_distances(results, filters.origin)
    if filters.origin is not None:
        results.sort(key=lambda place: (place.distance is None, place.distance or 0, place.title))
    return results


def open_report_count() -> int:
    return ChangingPlaceReport.objects.filter(resolved_at__isnull=True).count()


def suggestions_of(*, user) -> QuerySet[ChangingPlacePage]:
    """The places a parent suggested, newest first, so they can follow what the Redaktion made of them."""
    return ChangingPlacePage.objects.filter(suggested_by=user).order_by("-pk")[:20]
