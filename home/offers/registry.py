"""What the offer directory contributes: grants, its reference data in the admin, a district section, demo offers."""

import datetime

from django.utils.translation import gettext_lazy as _

from community.accounts.roles import ANBIETER, REDAKTION
from core.registry import (
    AdminSnippets,
    Bookmarkable,
    DemoStep,
    DistrictSection,
    PersonalData,
    RoleGrants,
    bookmarkable,
    calendar_targets,
    demo_steps,
    directory_snippets,
    district_sections,
    page_cache_ignored,
    personal_data,
    role_grants,
)
from home.offers import (
    demo,
    review,  # noqa: F401  (its part of the review inbox)
)
from home.offers.admin_views import HolidayPeriodViewSet, OfferCategoryViewSet

role_grants.register(
    RoleGrants(
        REDAKTION,
        model_permissions={
            "offers.offercategory": ("add", "change", "delete", "view"),
            "offers.holidayperiod": ("add", "change", "delete", "view"),
            "offers.offerpage": ("import_offers",),
        },
    )
)
# Offers only, and only their organization's (OfferPage.permissions_for_user); never publish.
role_grants.register(RoleGrants(ANBIETER, section_permissions={"offers.OfferIndexPage": ("add_page", "change_page")}))
directory_snippets.register(AdminSnippets((OfferCategoryViewSet,), order=30))
directory_snippets.register(AdminSnippets((HolidayPeriodViewSet,), order=50))


def _district_offers(district, today: datetime.date, limit: int = 12) -> dict:
    from home.offers.models import OfferIndexPage
    from home.offers.selectors import current_offers

    offers = current_offers(today=today).filter(district=district).order_by("title")
    index = OfferIndexPage.objects.live().first()
    return {"offers": list(offers[:limit]), "offer_count": offers.count(), "offers_url": index.url if index else None}


district_sections.register(
    DistrictSection(
        links=(("angebote", _("Angebote")),),
        template="offers/district_section.html",
        context=_district_offers,
        order=30,
    )
)
demo_steps.register(DemoStep("offers", demo.seed, order=40))


def _bookmarked_offer_events(pages: list, base_url: str) -> list:
    from home.offers.calendar import offer_events

    return offer_events(offers=pages, base_url=base_url)


bookmarkable.register(
    Bookmarkable(
        model="offers.OfferPage",
        kind="angebote",
        label=_("Angebote"),
        calendar_events=_bookmarked_offer_events,
        order=10,
    )
)


def _offer_calendar_target():
    from core.registry import CalendarTarget
    from home.offers.calendar_import import apply_feed_date, owned_offer_ids

    return CalendarTarget(
        key="angebot", label=_("Angebot"), model="offers.OfferPage", owned=owned_offer_ids, apply=apply_feed_date
    )


# Dates from a provider's own calendar feed (home/calendar_feeds) go into a draft of one of its offers.
calendar_targets.register(_offer_calendar_target())

personal_data.register(
    PersonalData(
        models=("offers.OfferImport",),
        reason="Importläufe der Redaktion und der Anbieter (Datei und Bericht gehören zur Pflege der Angebote); "
        "beim Löschen wird das Konto aus den Einträgen entfernt.",
    )
)
# Import runs are admin pages only; their state changes must not empty the guests' page cache.
page_cache_ignored.register("offers.OfferImport")
