"""Distances inside one city, computed locally: no geocoding service ever sees a family's address (DSGVO)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import ExpressionWrapper, F, FloatField, Value
from django.db.models.functions import Cast
from django.http import JsonResponse
from django.utils.functional import SimpleLazyObject

KM_PER_DEGREE_LAT = 111.2

# Approximate centres of Mülheim an der Ruhr's postcode areas: city data, not code. A portal for another city
# replaces this table with its own postcodes (the error messages already name the city from the portal settings).
POSTCODE_CENTRES = {
    "45468": (51.4295, 6.8810),
    "45470": (51.4120, 6.9060),
    "45472": (51.4370, 6.9300),
    "45473": (51.4530, 6.9120),
    "45475": (51.4560, 6.8940),
    "45476": (51.4510, 6.8590),
    "45478": (51.4260, 6.8430),
    "45479": (51.4160, 6.8680),
    "45481": (51.3880, 6.8760),
}


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


def distance_km(a: Point, b: Point) -> float:
    """Equirectangular distance; within a city it differs from the great circle by metres."""
    x = (b.longitude - a.longitude) * math.cos(math.radians((a.latitude + b.latitude) / 2))
    y = b.latitude - a.latitude
    return math.hypot(x, y) * KM_PER_DEGREE_LAT


def squared_distance_expression(origin: Point, lat_field: str = "latitude", lon_field: str = "longitude"):
    """A database expression ordering rows by distance from `origin` (SQLite and PostgreSQL alike)."""
    cos_lat = math.cos(math.radians(origin.latitude))
    d_lat = Cast(F(lat_field), FloatField()) - Value(origin.latitude)
    d_lon = (Cast(F(lon_field), FloatField()) - Value(origin.longitude)) * Value(cos_lat)
    return ExpressionWrapper(d_lat * d_lat + d_lon * d_lon, output_field=FloatField())


def attach_distances(items, origin: Point | None) -> None:
    """Set `.distance` (km, or None without coordinates or origin) on each item for display."""
    for item in items:
        item.distance = (
            distance_km(origin, Point(float(item.latitude), float(item.longitude)))
            if origin is not None and item.latitude is not None
            else None
        )


def result_page(results, *, number, origin: Point | None, per_page: int) -> SimpleLazyObject:
    """Page `number` of a directory's results with distances, read only when first used: a list page keeps its
    rendered results until content changes (`{% fragment %}`), and a kept one needs none of this."""

    def read():
        page = Paginator(results, per_page).get_page(number)
        attach_distances(page, origin)
        return page

    return SimpleLazyObject(read)


def has_map_points(pages) -> bool:
    """Whether the two-click map has anything to show: a list page names its markers' address (map_points_response)
    instead of carrying them, so its weight does not grow with the number of results."""
    return pages.filter(latitude__isnull=False, longitude__isnull=False).exists()


def map_points_response(pages, *, base_url: str) -> JsonResponse:
    """The markers of a filtered list, fetched by the map only after "Karte laden" (home/static/portal/js/map.js)."""
    return JsonResponse(map_points(pages, base_url=base_url), safe=False)


def map_points(pages, *, base_url: str, limit: int = 500) -> list[dict]:
    """Markers for the two-click map: every located result (not only the current page), one query."""
    return [
        {"title": title, "url": f"{base_url}{slug}/", "lat": float(lat), "lon": float(lon)}
        for title, slug, lat, lon in pages.filter(latitude__isnull=False, longitude__isnull=False).values_list(
            "title", "slug", "latitude", "longitude"
        )[:limit]
    ]


def distance_origin(cleaned: dict) -> Point | None:
    """Where distances are measured from: the browser's location, else a postcode, else the chosen district."""
    if cleaned.get("lat") is not None and cleaned.get("lon") is not None:
        return Point(cleaned["lat"], cleaned["lon"])
    if cleaned.get("plz"):
        return Point(*POSTCODE_CENTRES[cleaned["plz"]])
    if cleaned.get("stadtteil"):
        district = cleaned["stadtteil"]
        return Point(float(district.latitude), float(district.longitude))
    return None


def postcode_clean(value: str, *, city, hint: str = "") -> str:
    """A postcode typed into a form: empty, or one of the city's (distances are measured from its centre).

    `city` is a callable giving the city's name; it is asked only for the error message (it costs a query)."""
    from django import forms
    from django.utils.translation import gettext as _

    postcode = value.strip()
    if postcode and postcode not in POSTCODE_CENTRES:
        message = _("Diese Postleitzahl gehört nicht zu %(city)s.") % {"city": city()}
        raise forms.ValidationError(f"{message} {hint}".strip())
    return postcode
