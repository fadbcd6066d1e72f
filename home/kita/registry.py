"""What the Kita search contributes: grants, its reference data, a district section, demo Kitas, staff data."""

import datetime

from django.utils.translation import gettext_lazy as _

from community.accounts.roles import REDAKTION
from core.registry import (
    AdminSnippets,
    Bookmarkable,
    DemoStep,
    DistrictSection,
    PersonalData,
    RoleGrants,
    bookmarkable,
    demo_steps,
    directory_snippets,
    district_sections,
    personal_data,
    role_grants,
)
from core.restrictions import public
from home.kita import demo, front_page  # noqa: F401  (front_page registers the home page panels)
from home.kita.admin_views import KitaFocusViewSet

role_grants.register(RoleGrants(REDAKTION, model_permissions={"kita.kitafocus": ("add", "change", "delete", "view")}))
directory_snippets.register(AdminSnippets((KitaFocusViewSet,), order=60))


def _district_daycares(district, today: datetime.date) -> dict:
    from home.kita.models import DaycarePage, KitaIndexPage

    daycares = list(
        public(DaycarePage.objects.live())
        .filter(district=district)
        .select_related("kitapage")
        .prefetch_related("free_places")
        .order_by("title")
    )
    kitas = [daycare for daycare in daycares if daycare.kita_details is not None]
    free = sum(1 for daycare in daycares if any(row.free_places > 0 for row in daycare.free_places.all()))
    index = KitaIndexPage.objects.live().first()
    return {
        "kitas": kitas,
        "childminder_count": len(daycares) - len(kitas),
        "free_place_count": free,
        "kita_url": index.url if index else None,
    }


district_sections.register(
    DistrictSection(
        links=(("kitas", _("Kitas")),),
        template="kita/district_section.html",
        context=_district_daycares,
        order=40,
    )
)
demo_steps.register(DemoStep("kita", demo.seed, order=50))


def _kita_staff(user) -> dict:
    from home.kita.models import PlaceReport, StaffAssignment

    return {
        "kitas": list(StaffAssignment.objects.filter(user=user).values_list("daycare__title", flat=True)),
        "platzmeldungen": [
            {
                "kita": r.daycare.title,
                "gruppe": r.get_group_display(),
                "freie_plaetze": r.free_places,
                "am": r.reported_at.isoformat(),
            }
            for r in PlaceReport.objects.filter(reported_by=user).select_related("daycare").order_by("reported_at")
        ],
    }


personal_data.register(
    PersonalData(
        models=("kita.StaffAssignment", "kita.PlaceReport"),
        key="kita_leitung",
        export=_kita_staff,
        order=70,
    )
)
# Kitas and childminders have no dates of their own: they are kept on the list, but not in its calendar.
bookmarkable.register(Bookmarkable(model="kita.KitaPage", kind="kitas", label=_("Kitas"), order=30))
bookmarkable.register(
    Bookmarkable(model="kita.ChildminderPage", kind="tagespflege", label=_("Kindertagespflege"), order=31)
)
