"""Offer changes waiting for the Redaktion, in the review inbox (providers' edits go through the approval workflow)."""

from django.utils.translation import gettext_lazy as _

from core.registry import review_sources
from core.review import page_review_source
from home.offers.models import OfferPage


def _label(page):
    return _("Angebot (Änderung)") if page.live else _("Angebot (neu)")


review_sources.register(
    page_review_source(
        key="angebote", label=_("Angebote"), page_model=OfferPage, kind_label=_("Angebot"), label_for=_label, order=10
    )
)
