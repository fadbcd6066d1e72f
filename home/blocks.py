"""StreamField blocks shared by the portal's content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", _("Ebene 2")), ("h3", _("Ebene 3"))], default="h2", label=_("Ebene"))

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        label = _("Überschrift")


class InfoBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], label=_("Text"))

    class Meta:
        icon = "help"
        template = "components/blocks/info_box_block.html"
        label = _("Hinweis-Kasten")


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label=_("Seite im Portal"))
    url = blocks.URLBlock(required=False, label=_("Externe Adresse"))
    text = blocks.CharBlock(max_length=120, label=_("Linktext"))

    class Meta:
        icon = "link"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "link", "document-link", "ul", "ol"], label=_("Absatz")
    )
    image = ImageBlock(label=_("Bild"))
    info_box = InfoBoxBlock()
    links = blocks.ListBlock(LinkBlock(), label=_("Linkliste"), template="components/blocks/links_block.html")
