from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import EditorialStreamBlock, HomeStreamBlock
from home.icons import illustration_choices


class HomePage(Page):
    """The city's start page: greeting and search box, then what the Redaktion places: notices, tiles, live panels."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True, verbose_name=_("Begrüßung"))
    hero_illustration = models.CharField(
        max_length=40,
        blank=True,
        default="familie",
        choices=illustration_choices,
        verbose_name=_("Illustration neben der Begrüßung"),
    )
    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("hero_illustration"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each section page names the home page in its own parent_page_types, so a feature app
    # brings its section without this list having to know it (and leaving it out leaves no dangling name).
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def get_context(self, request, *args, **kwargs):
        from django.utils import timezone

        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate().isoformat()
        # Read from the stored data: a block is only turned into its value (pages and pictures loaded) when its
        # fragment is rendered anew. Notices past their last day vanish without an editor having to remember them.
        context["front_blocks"] = [
            FrontBlock(self.body, position, raw)
            for position, raw in enumerate(self.body.raw_data)
            if not (raw["type"] == "notice" and (raw.get("value") or {}).get("until") and raw["value"]["until"] < today)
        ]
        return context


class FrontBlock:
    """One block of the home page as the template needs it: its type, id and stored value at once, the block itself
    (`bound`, for {% include_block %}) only when asked."""

    def __init__(self, stream, position: int, raw: dict) -> None:
        self.block_type = raw["type"]
        self.id = raw.get("id")
        self.value = raw.get("value") or {}
        self._stream, self._position = stream, position

    @cached_property
    def bound(self):
        return self._stream[self._position]


class ContentPage(Page):
    """An editorial page: imprint, privacy, guides, the areas' introductions."""

    intro = models.TextField(blank=True, max_length=500, verbose_name=_("Einleitung"))
    body = StreamField(EditorialStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
