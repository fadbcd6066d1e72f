"""Translations waiting for the Redaktion: every page in another language inside the approval workflow."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.registry import review_sources
from core.review import page_review_source


def _languages(pages) -> dict[int, str]:
    return {page.pk: page.locale.get_display_name() for page in pages}


review_sources.register(
    page_review_source(
        key="uebersetzungen",
        label=_("Übersetzungen"),
        page_model=Page,
        kind_label=_("Übersetzung"),
        translations=True,
        note_for=_languages,
        order=50,
    )
)
