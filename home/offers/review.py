"""Offer changes waiting for the Redaktion, in the review inbox (providers' edits go through the approval workflow)."""

from django.utils.translation import gettext_lazy as _

from core.registry import ReviewSource, review_sources
from core.review import page_review_count, page_review_items, reviews_pages
from home.offers.models import OfferPage


def _label(page):
    return _("Angebot (Änderung)") if page.live else _("Angebot (neu)")


review_sources.register(
    ReviewSource(
        key="angebote",
        label=_("Angebote"),
        allowed=reviews_pages,
        items=lambda user: page_review_items(
            user=user,
            page_model=OfferPage,
            kind="angebote",
            kind_label=_("Angebot"),
            translations=False,
            label_for=_label,
        ),
        count=lambda user: page_review_count(user=user, page_model=OfferPage, translations=False),
        order=10,
    )
)
