"""What the contact points contribute: grants, two district sections, the profile's shifts, demo content."""

import datetime

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from community.accounts.roles import FAMILIENPUNKT_TEAM, REDAKTION
from core.registry import (
    Bookmarkable,
    DemoStep,
    DistrictSection,
    PersonalData,
    ProfileSection,
    RoleGrants,
    bookmarkable,
    calendar_targets,
    demo_steps,
    district_sections,
    personal_data,
    profile_sections,
    role_grants,
)
from home.contact_points import demo, front_page, review  # noqa: F401  (front_page: home page panels; review: its part of the review inbox)

VOLUNTEERING = {
    "contact_points.volunteerrole": ("add", "change", "delete", "view"),
    "contact_points.volunteershift": ("add", "change", "delete", "view"),
    "contact_points.volunteersignup": ("change", "view"),
}
role_grants.register(
    RoleGrants(
        REDAKTION,
        model_permissions={
            **VOLUNTEERING,
            "contact_points.volunteerrole": ("add", "change", "delete", "view", "manage_all_volunteering"),
        },
    )
)
# Events below the contact points, as drafts for the Redaktion (never publish); volunteering scoped to the
# contact points the account is on the team of (home.contact_points.admin_views).
role_grants.register(
    RoleGrants(
        FAMILIENPUNKT_TEAM,
        model_permissions=VOLUNTEERING,
        section_permissions={"contact_points.ContactPointPage": ("add_page", "change_page")},
    )
)

EVENT_DAYS = 28


def _district_contact_points(district, today: datetime.date) -> dict:
    from home.contact_points.selectors import contact_points, live_events, occurrences
    from home.models import LocalInstitution

    points = list(
        contact_points(district=district).prefetch_related(
            Prefetch("partners", queryset=LocalInstitution.objects.select_related("district")),
        )
    )
    partners = sorted({partner for point in points for partner in point.partners.all()}, key=lambda p: p.name)
    events = occurrences(
        start=today,
        end=today + datetime.timedelta(days=EVENT_DAYS),
        events=live_events(start=today, district=district),
        points=points,
    )
    return {"contact_points": points, "partners": partners, "events": events}


district_sections.register(
    DistrictSection(
        links=(("familienpunkte", _("Familienpunkte")), ("termine", _("Termine"))),
        template="contact_points/district_section.html",
        context=_district_contact_points,
        order=10,
    )
)


def _profile_shifts(user) -> dict:
    from home.contact_points.selectors import signups_of

    return {"signups": signups_of(user=user)}


profile_sections.register(
    ProfileSection(template="contact_points/profile_section.html", context=_profile_shifts, order=10)
)


def _signups(user) -> list[dict]:
    from home.contact_points.models import VolunteerSignup

    return [
        {
            "aufgabe": s.shift.role.title,
            "datum": s.shift.date.isoformat(),
            "nachricht": s.comment,
            "abgesagt": bool(s.cancelled_at),
        }
        for s in VolunteerSignup.objects.filter(user=user).select_related("shift__role")
    ]


def _teams(user) -> list[str]:
    from home.contact_points.models import ContactPointStaff

    return list(ContactPointStaff.objects.filter(user=user).values_list("page__title", flat=True))


personal_data.register(
    PersonalData(models=("contact_points.VolunteerSignup",), key="helfer_schichten", export=_signups, order=50)
)
personal_data.register(
    PersonalData(models=("contact_points.ContactPointStaff",), key="familienpunkt_teams", export=_teams, order=51)
)
demo_steps.register(DemoStep("contact_points", demo.seed, order=60))


def _bookmarked_events(pages: list, base_url: str) -> list:
    from home.contact_points.calendar import event_components

    return event_components(events=pages, base_url=base_url)


bookmarkable.register(
    Bookmarkable(
        model="contact_points.EventPage",
        kind="termine",
        label=_("Termine in Familienpunkten"),
        calendar_events=_bookmarked_events,
        order=20,
    )
)


def _contact_point_calendar_target():
    from core.registry import CalendarTarget
    from home.contact_points.calendar_import import apply_feed_date, owned_contact_point_ids

    return CalendarTarget(
        key="familienpunkt",
        label=_("Familienpunkt"),
        model="contact_points.ContactPointPage",
        owned=owned_contact_point_ids,
        apply=apply_feed_date,
    )


# Dates from a contact point's own calendar feed (home/calendar_feeds) become draft events below it.
calendar_targets.register(_contact_point_calendar_target())
