from .alerts import AlertNotification, PlaceAlert
from .pages import (
    AgeGroupCapacity,
    ChildminderPage,
    DaycarePage,
    FreePlaces,
    KitaFocus,
    KitaIndexPage,
    KitaPage,
    OpeningHours,
    PlaceReport,
    StaffAssignment,
)

__all__ = [
    "AgeGroupCapacity",
    "AlertNotification",
    "ChildminderPage",
    "DaycarePage",
    "FreePlaces",
    "KitaFocus",
    "KitaIndexPage",
    "KitaPage",
    "OpeningHours",
    "PlaceAlert",
    "PlaceReport",
    "StaffAssignment",
]
