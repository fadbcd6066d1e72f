"""Translations waiting for the Redaktion: every page in another language inside the approval workflow."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.registry import ReviewSource, review_sources
from core.review import page_review_count, page_review_items, reviews_pages


def _languages(pages) -> dict[int, str]:
    return {page.pk: page.locale.get_display_name() for page in pages}


review_sources.register(
    ReviewSource(
        key="uebersetzungen",
        label=_("Übersetzungen"),
        allowed=reviews_pages,
        items=lambda user: page_review_items(
            user=user,
            page_model=Page,
            kind="uebersetzungen",
            kind_label=_("Übersetzung"),
            translations=True,
            note_for=_languages,
        ),
        count=lambda user: page_review_count(user=user, page_model=Page, translations=True),
        order=50,
    )
)
