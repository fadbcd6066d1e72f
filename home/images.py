"""Pictures on pages: the alternative text every shown image needs (the page's own, else the image's description)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

ALT_TEXT_MISSING = _(
    "Bitte geben Sie einen Alternativtext an: was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen. "
    "Ohne ihn erscheint das Bild nicht."
)


def alt_text_field() -> models.CharField:
    return models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("Alternativtext des Bildes"),
        help_text=_("Was auf dem Bild zu sehen ist, in einem kurzen Satz. Leer: die Beschreibung des Bildes."),
    )


def image_alt(image, alt: str) -> str:
    """The text a screen reader announces for `image` on this page; empty when there is none (never the file name)."""
    if image is None:
        return ""
    return (alt or "").strip() or (getattr(image, "description", "") or "").strip()


def require_alt_text(image, alt: str, *, field: str = "image_alt") -> None:
    """A German validation error on `field` when an image is chosen without any alternative text."""
    if image is not None and not image_alt(image, alt):
        raise ValidationError({field: ALT_TEXT_MISSING})
