"""What the nursing and changing places contribute: grants, a district section, the profile's suggestions,
a parent's suggestions and reports in the data download, demo places."""

import datetime

from django.utils.translation import gettext_lazy as _

from community.accounts.roles import REDAKTION
from core.registry import (
    Bookmarkable,
    DemoStep,
    DistrictSection,
    PersonalData,
    ProfileSection,
    RoleGrants,
    bookmarkable,
    demo_steps,
    district_sections,
    personal_data,
    profile_sections,
    role_grants,
)
from home.changing_places import (
    demo,
    review,  # noqa: F401  (its part of the review inbox)
)

role_grants.register(
    RoleGrants(REDAKTION, model_permissions={"changing_places.changingplacereport": ("change", "view")})
)


def _district_places(district, today: datetime.date) -> dict:
    from home.changing_places.selectors import live_places

    places = live_places().filter(district=district).prefetch_related("hours", "hour_exceptions").order_by("title")
    return {"changing_places": list(places)}


district_sections.register(
    DistrictSection(
        links=(("wickeln", _("Wickeln & Stillen")),),
        template="changing_places/district_section.html",
        context=_district_places,
        order=50,
    )
)


def _profile_suggestions(user) -> dict:
    from home.changing_places.selectors import suggestions_of

    return {"suggestions": suggestions_of(user=user)}


profile_sections.register(
    ProfileSection(
        template="changing_places/profile_section.html",
        context=_profile_suggestions,
        order=20,
    )
)


def _suggestions(user) -> list[str]:
    from home.changing_places.models import ChangingPlacePage

    return [p.title for p in ChangingPlacePage.objects.filter(suggested_by=user)]


def _reports(user) -> list[dict]:
    from home.changing_places.models import ChangingPlaceReport

    return [
        {
            "ort": r.place.title,
            "grund": r.get_reason_display(),
            "text": r.comment,
            "gemeldet_am": r.created_at.isoformat(),
            "erledigt_am": r.resolved_at.isoformat() if r.resolved_at else None,
            "ergebnis": r.resolution,
        }
        for r in ChangingPlaceReport.objects.filter(reported_by=user).select_related("place").order_by("created_at")
    ]


personal_data.register(
    PersonalData(models=("changing_places.ChangingPlacePage",), key="ortsvorschlaege", export=_suggestions, order=80)
)
personal_data.register(
    PersonalData(
        models=("changing_places.ChangingPlaceReport",),
        key="hinweise_zu_wickelorten",
        export=_reports,
        order=81,
    )
)
demo_steps.register(DemoStep("changing_places", demo.seed, order=70))
bookmarkable.register(
    Bookmarkable(
        model="changing_places.ChangingPlacePage", kind="wickelorte", label=_("Wickel- und Stillorte"), order=40
    )
)
