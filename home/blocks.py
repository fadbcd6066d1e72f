"""StreamField blocks shared by the portal's content pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
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
        # The captions are in the language of the page's text: an alias still shows the German page's files.
        page = (parent_context or {}).get("page")
        language = settings.LANGUAGE_CODE
        if page is not None and getattr(page, "locale_id", None) and not page.alias_of_id:
            language = page.locale.language_code
        context["captions_language"] = language
        context["captions_label"] = get_language_info(language)["name_local"]
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


# --- The home page's blocks -------------------------------------------------------------------------------------


def panel_choices() -> list[tuple[str, str]]:
    """The panels the installed apps register; a callable, so that a new app needs no migration here."""
    from core.registry import front_page_panels

    return [(panel.key, panel.label) for panel in front_page_panels]


def _icon_choices():
    from home.icons import icon_choices

    return icon_choices()


def _illustration_choices():
    from home.icons import illustration_choices

    return illustration_choices()


class PictureBlock(blocks.StructBlock):
    """An image with the alternative text screen readers announce; the text is required, not taken from a title."""

    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        max_length=200,
        label=_("Alternativtext"),
        help_text=_("Was auf dem Bild zu sehen ist, in einem kurzen Satz – für Menschen, die es nicht sehen."),
    )

    class Meta:
        icon = "image"
        label = _("Bild mit Alternativtext")
        template = "components/blocks/picture_block.html"

    def clean(self, value):
        # Our own German message before the child's generic "required": it says what the text is for.
        if value.get("image") is not None and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "Bitte beschreiben Sie das Bild in einem Alternativtext, damit es auch vorgelesen werden kann."
                        )
                    )
                }
            )
        return super().clean(value)


class OptionalPictureBlock(PictureBlock):
    """A picture that may be left out; chosen, it needs its alternative text all the same."""

    def __init__(self, **kwargs):
        super().__init__(
            [
                ("image", ImageChooserBlock(required=False, label=_("Bild"))),
                (
                    "alt_text",
                    blocks.CharBlock(
                        required=False,
                        max_length=200,
                        label=_("Alternativtext"),
                        help_text=_("Pflicht, sobald ein Bild gewählt ist: was darauf zu sehen ist."),
                    ),
                ),
            ],
            **kwargs,
        )


class IntroBlock(blocks.StructBlock):
    """A greeting beside an illustration or a picture, e.g. right under the title."""

    heading = blocks.CharBlock(required=False, max_length=120, label=_("Überschrift"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Text"))
    illustration = blocks.ChoiceBlock(
        choices=_illustration_choices,
        required=False,
        label=_("Illustration"),
        help_text=_("Eine der Zeichnungen des Portals; ein eigenes Bild darunter hat Vorrang."),
    )
    picture = OptionalPictureBlock(label=_("Eigenes Bild"))

    class Meta:
        icon = "pick"
        template = "components/blocks/intro_block.html"
        label = _("Einleitung mit Bild")


class TileBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label=_("Seite im Portal"))
    url = blocks.URLBlock(required=False, label=_("oder externe Adresse"))
    title = blocks.CharBlock(
        required=False, max_length=80, label=_("Titel"), help_text=_("Leer lassen, um den Titel der Seite zu zeigen.")
    )
    text = blocks.CharBlock(required=False, max_length=200, label=_("Kurztext"))
    icon = blocks.ChoiceBlock(choices=_icon_choices, required=False, label=_("Symbol"))
    picture = OptionalPictureBlock(label=_("Bild (optional)"))

    class Meta:
        icon = "link"
        label = _("Kachel")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("page") is None and not value.get("url"):
            errors["page"] = ValidationError(_("Bitte wählen Sie eine Seite oder geben Sie eine Adresse an."))
        if value.get("page") is None and not value.get("title"):
            errors["title"] = ValidationError(_("Eine Kachel mit externer Adresse braucht einen Titel."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class TilesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Überschrift"))
    tiles = blocks.ListBlock(TileBlock(), min_num=1, label=_("Kacheln"))

    class Meta:
        icon = "grip"
        template = "components/blocks/tiles_block.html"
        label = _("Kacheln")


class PanelBlock(blocks.StructBlock):
    """A live list from one of the portal's areas, filled on every visit (events, open Familienpunkte, …)."""

    panel = blocks.ChoiceBlock(choices=panel_choices, label=_("Inhalt"))
    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Eigene Überschrift"),
        help_text=_("Leer lassen für die übliche Überschrift, die auch übersetzt angezeigt wird."),
    )

    class Meta:
        icon = "list-ul"
        template = "components/blocks/panel_block.html"
        label = _("Aktuelles aus dem Portal")


class NoticeBlock(blocks.StructBlock):
    """An urgent notice (closure, heat warning, strike) that disappears by itself after its last day."""

    title = blocks.CharBlock(max_length=120, label=_("Titel"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Text"))
    link_page = blocks.PageChooserBlock(required=False, label=_("Weiterlesen: Seite im Portal"))
    link_url = blocks.URLBlock(required=False, label=_("oder externe Adresse"))
    link_text = blocks.CharBlock(required=False, max_length=80, label=_("Linktext"))
    until = blocks.DateBlock(
        label=_("Anzeigen bis einschließlich"), help_text=_("Danach verschwindet der Hinweis von selbst.")
    )
    level = blocks.ChoiceBlock(
        choices=[("urgent", _("Dringend")), ("info", _("Zur Information"))],
        default="urgent",
        label=_("Art"),
    )

    class Meta:
        icon = "warning"
        template = "components/blocks/notice_block.html"
        label = _("Dringender Hinweis")

    def clean(self, value):
        value = super().clean(value)
        if (value.get("link_page") is not None or value.get("link_url")) and not value.get("link_text"):
            raise StructBlockValidationError(
                block_errors={"link_text": ValidationError(_("Bitte geben Sie einen Linktext an."))}
            )
        return value


class HomeStreamBlock(EditorialStreamBlock):
    """The home page: the editorial blocks plus greeting, tiles, live panels and urgent notices. Its pictures
    always carry an alternative text (no "decorative" escape: on the front page a picture says something)."""

    image = PictureBlock(label=_("Bild"))
    intro = IntroBlock()
    notice = NoticeBlock()
    tiles = TilesBlock()
    panel = PanelBlock()
