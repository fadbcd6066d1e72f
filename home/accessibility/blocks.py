"""Blocks of the accessibility statement and of the guide in Leichte Sprache."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class BarrierBlock(blocks.StructBlock):
    """One known barrier as the EU model statement lists it: what, why, and what to use instead."""

    title = blocks.CharBlock(max_length=200, label=_("Was ist nicht barrierefrei?"))
    reason = blocks.TextBlock(label=_("Begründung"))
    alternative = blocks.TextBlock(required=False, label=_("Barrierefreie Alternative"))

    class Meta:
        icon = "warning"
        label = _("Barriere")


class GuideSectionBlock(blocks.StructBlock):
    """A short part of the guide: one heading, a few short sentences, optionally a picture that shows the point."""

    heading = blocks.CharBlock(max_length=80, label=_("Überschrift"))
    text = blocks.RichTextBlock(
        features=["bold", "link", "ul"],
        label=_("Text"),
        help_text=_("Kurze Sätze. Eine Aussage pro Satz. Schwere Wörter erklären."),
    )
    image = ImageBlock(required=False, label=_("Bild"))

    class Meta:
        icon = "doc-full"
        label = _("Abschnitt")
