"""District pages: everything for families in one Stadtteil, gathered from the sections the apps register."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.utils import timezone

from core.registry import DistrictSection, district_sections
from home.models import District, DistrictIndexPage, LocalInstitution


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
    sections: list[tuple[DistrictSection, dict]]
    institutions: list[tuple[str, list[LocalInstitution]]]

    @property
    def links(self) -> list[tuple[str, str]]:
        return [link for section, _context in self.sections for link in section.links]


def district_overview(*, district: District, today: datetime.date | None = None) -> DistrictOverview:
    today = today or timezone.localdate()
    sections = [(section, section.context(district, today)) for section in district_sections]
    institutions = LocalInstitution.objects.filter(district=district).order_by("kind", "name")
    grouped = [
        (str(LocalInstitution.Kind(kind).label), list(group))
        for kind, group in groupby(institutions, key=lambda i: i.kind)
    ]
    return DistrictOverview(district=district, sections=sections, institutions=grouped)
