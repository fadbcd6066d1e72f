from .districts import District
from .pages import ContentPage, HomePage
from .settings import PortalSettings

# Offers live in their own package (home/offers/); Django finds models through this module.
from home.offers.models import (  # noqa: E402  isort: skip
    HolidayPeriod,
    Language,
    OfferCategory,
    OfferDate,
    OfferIndexPage,
    OfferPage,
    Provider,
    StaleOfferNotice,
)

from home.kita.models import (  # noqa: E402  isort: skip
    AgeGroupCapacity,
    AlertNotification,
    ChildminderPage,
    DaycarePage,
    FreePlaces,
    KitaFocus,
    KitaIndexPage,
    KitaPage,
    OpeningHours,
    PlaceAlert,
    PlaceReport,
    StaffAssignment,
)

__all__ = [
    "AgeGroupCapacity", "AlertNotification", "ChildminderPage", "DaycarePage", "FreePlaces", "KitaFocus",
    "KitaIndexPage", "KitaPage", "OpeningHours", "PlaceAlert", "PlaceReport", "StaffAssignment",
    "ContentPage", "District", "HolidayPeriod", "HomePage", "Language", "OfferCategory", "OfferDate",
    "OfferIndexPage", "OfferPage", "PortalSettings", "Provider", "StaleOfferNotice",
]
