from .imports import OfferImport
from .pages import OfferDate, OfferIndexPage, OfferPage
from .snippets import HolidayPeriod, OfferCategory
from .stale import StaleOfferNotice

__all__ = [
    "HolidayPeriod",
    "OfferCategory",
    "OfferImport",
    "OfferDate",
    "OfferIndexPage",
    "OfferPage",
    "StaleOfferNotice",
]
