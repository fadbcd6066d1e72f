"""StreamField blocks shared by the portal's content pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
CAPTION_EXTENSION = "vtt"


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


class VideoBlock(blocks.StructBlock):
    """A video the portal serves itself (a document in the media library): no outside player, CDN or cookie (DSGVO).
    The text version is required, so that nobody depends on seeing or hearing the video."""

    title = blocks.CharBlock(max_length=120, label=_("Titel des Videos"))
    video = DocumentChooserBlock(label=_("Videodatei (MP4 oder WebM)"))
    captions = DocumentChooserBlock(
        required=False,
        label=_("Untertitel (WebVTT-Datei)"),
        help_text=_("Eine .vtt-Datei mit den Untertiteln in der Sprache der Seite."),
    )
    poster = ImageChooserBlock(required=False, label=_("Vorschaubild"))
    transcript = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol"],
        label=_("Textfassung"),
        help_text=_(
            "Was im Video gesagt und gezeigt wird, als Text – für alle, die das Video nicht sehen oder hören können."
        ),
    )

    class Meta:
        icon = "media"
        template = "components/blocks/video_block.html"
        label = _("Video")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        video, captions = value.get("video"), value.get("captions")
        if video is not None and video.file_extension.lower() not in VIDEO_TYPES:
            errors["video"] = ValidationError(_("Bitte wählen Sie eine Videodatei im Format MP4 oder WebM."))
        if captions is not None and captions.file_extension.lower() != CAPTION_EXTENSION:
            errors["captions"] = ValidationError(_("Bitte wählen Sie eine Untertitel-Datei im Format WebVTT (.vtt)."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        video = value.get("video")
        context["video_type"] = VIDEO_TYPES.get(video.file_extension.lower(), "") if video else ""
        return context


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "link", "document-link", "ul", "ol"], label=_("Absatz")
    )
    image = ImageBlock(label=_("Bild"))
    info_box = InfoBoxBlock()
    links = blocks.ListBlock(LinkBlock(), label=_("Linkliste"), template="components/blocks/links_block.html")


class EditorialStreamBlock(BaseStreamBlock):
    """The Redaktion's pages add videos; offers keep the base blocks (providers cannot upload documents)."""

    video = VideoBlock()
