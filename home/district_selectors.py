"""District pages: everything for families in one Stadtteil, gathered from the sections the apps register."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.utils import timezone

from core.page_cache import Deferred, cached_fragment
from core.registry import DistrictSection, district_sections
from home.models import District, DistrictIndexPage, LocalInstitution


def districts_by_borough() -> list[tuple[str, list[District]]]:
    districts = District.objects.order_by("borough", "name")
    return [(borough, list(group)) for borough, group in groupby(districts, key=lambda d: d.borough)]


def district_url(district: District | None) -> str | None:
    """The district's page, or None when the portal has no district pages (yet)."""
    if district is None:
        return None

    def url() -> str | None:
        index = DistrictIndexPage.objects.live().first()
        return None if index is None else index.url + index.reverse_subpage("district", args=[district.slug])

    return cached_fragment("district-url", url, parts=(district.slug,))  # every Familienpunkt, Kita, place links it


@dataclass
class DistrictOverview:
    district: District
    sections: list[tuple[DistrictSection, Deferred]]
    institutions: Deferred

    @property
    def links(self) -> list[tuple[str, str]]:
        return [link for section, _context in self.sections for link in section.links]


def _institutions(district: District) -> list[tuple[str, list[LocalInstitution]]]:
    institutions = LocalInstitution.objects.filter(district=district).order_by("kind", "name")
    return [
        (str(LocalInstitution.Kind(kind).label), list(group))
        for kind, group in groupby(institutions, key=lambda i: i.kind)
    ]


def district_overview(*, district: District, today: datetime.date | None = None) -> DistrictOverview:
    """Every app's section for `district`, read when the template first uses it. The page keeps each section's HTML
    until content changes or the day ends ({% fragment %} in home/district.html): a district page gathers from six
    apps, and reading all of them anew for every visitor was most of its cost."""
    today = today or timezone.localdate()
    sections = [
        (section, Deferred(lambda section=section: section.context(district, today))) for section in district_sections
    ]
    return DistrictOverview(
        district=district, sections=sections, institutions=Deferred(lambda: _institutions(district))
    )
