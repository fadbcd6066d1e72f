"""Event drafts waiting for the Redaktion (Familienpunkt teams' events go through the approval workflow)."""

from django.utils.translation import gettext_lazy as _

from core.registry import ReviewSource, review_sources
from core.review import page_review_count, page_review_items, reviews_pages
from home.contact_points.models import EventPage


def _label(page):
    return _("Termin (Änderung)") if page.live else _("Termin (Entwurf)")


review_sources.register(
    ReviewSource(
        key="termine",
        label=_("Termine"),
        allowed=reviews_pages,
        items=lambda user: page_review_items(
            user=user,
            page_model=EventPage,
            kind="termine",
            kind_label=_("Termin"),
            translations=False,
            label_for=_label,
        ),
        count=lambda user: page_review_count(user=user, page_model=EventPage, translations=False),
        order=40,
    )
)
