from .districts import District
from .institutions import LocalInstitution
from .outbox import OutboxMessage, TaskClaim
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

from home.contact_points.models import (  # noqa: E402  isort: skip
    ContactPointClosure,
    ContactPointHours,
    ContactPointIndexPage,
    ContactPointPage,
    ContactPointService,
    ContactPointStaff,
    EventCancellation,
    EventPage,
    VolunteerRole,
    VolunteerShift,
    VolunteerSignup,
)
from home.changing_places.models import (  # noqa: E402  isort: skip
    ChangingPlaceClosure,
    ChangingPlaceHours,
    ChangingPlaceIndexPage,
    ChangingPlacePage,
    ChangingPlaceReport,
)
from home.districts.models import DistrictIndexPage  # noqa: E402  isort: skip

__all__ = [
    "OutboxMessage",
    "TaskClaim",
    "ChangingPlaceClosure", "ChangingPlaceHours", "ChangingPlaceIndexPage", "ChangingPlacePage", "ChangingPlaceReport",
    "ContactPointClosure", "ContactPointHours", "ContactPointIndexPage", "ContactPointPage", "ContactPointService",
    "ContactPointStaff", "DistrictIndexPage", "EventCancellation", "EventPage", "LocalInstitution",
    "VolunteerRole", "VolunteerShift", "VolunteerSignup",
    "AgeGroupCapacity", "AlertNotification", "ChildminderPage", "DaycarePage", "FreePlaces", "KitaFocus",
    "KitaIndexPage", "KitaPage", "OpeningHours", "PlaceAlert", "PlaceReport", "StaffAssignment",
    "ContentPage", "District", "HolidayPeriod", "HomePage", "Language", "OfferCategory", "OfferDate",
    "OfferIndexPage", "OfferPage", "PortalSettings", "Provider", "StaleOfferNotice",
]
