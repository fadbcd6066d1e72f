"""Event drafts waiting for the Redaktion (Familienpunkt teams' events go through the approval workflow)."""

from django.utils.translation import gettext_lazy as _

from core.registry import review_sources
from core.review import page_review_source
from home.contact_points.models import EventPage


def _label(page):
    return _("Termin (Änderung)") if page.live else _("Termin (Entwurf)")


review_sources.register(
    page_review_source(
        key="termine", label=_("Termine"), page_model=EventPage, kind_label=_("Termin"), label_for=_label, order=40
    )
)
