from .pages import OfferDate, OfferIndexPage, OfferPage
from .snippets import HolidayPeriod, Language, OfferCategory, Provider
from .stale import StaleOfferNotice

__all__ = [
    "HolidayPeriod", "Language", "OfferCategory", "OfferDate", "OfferIndexPage", "OfferPage", "Provider",
    "StaleOfferNotice",
]
