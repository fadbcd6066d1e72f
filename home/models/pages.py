from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import EditorialStreamBlock


class HomePage(Page):
    """The city's start page: greeting, search box and the portal's areas."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True, verbose_name=_("Begrüßung"))
    body = StreamField(EditorialStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each section page names the home page in its own parent_page_types, so a feature app
    # brings its section without this list having to know it (and leaving it out leaves no dangling name).
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")


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
