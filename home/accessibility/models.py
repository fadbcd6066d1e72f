"""The accessibility statement with its feedback form (BGG NRW § 10b, BITV; EU model statement 2018/1523) and the
guide to the portal that exists in Leichte Sprache and can carry a video in German Sign Language (BITV § 4)."""

from __future__ import annotations

from django.conf.locale import LANG_INFO
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.accessibility.blocks import BarrierBlock, GuideSectionBlock
from home.blocks import EditorialStreamBlock, VideoBlock


class AccessibilityStatementPage(RoutablePageMixin, Page):
    """/de/barrierefreiheit/: how accessible the portal is, its known barriers, and the form to report one.

    Status and dates are the same in every language (wagtail-localize synchronises choices and dates); the texts
    are translated like any other page."""

    class Status(models.TextChoices):
        FULL = "vollstaendig", _("vollständig barrierefrei")
        PARTIAL = "teilweise", _("teilweise barrierefrei")
        NONE = "nicht", _("nicht barrierefrei")

    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PARTIAL, verbose_name=_("Stand der Vereinbarkeit")
    )
    created_on = models.DateField(verbose_name=_("Erklärung erstellt am"))
    reviewed_on = models.DateField(verbose_name=_("Zuletzt überprüft am"))
    assessment = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Grundlage der Bewertung"),
        help_text=_("z. B. „Selbstbewertung nach dem BITV-Test“ oder „Prüfung durch …“"),
    )
    body = StreamField(EditorialStreamBlock(), blank=True, verbose_name=_("Erklärung"))
    barriers = StreamField(
        [("barrier", BarrierBlock())],
        blank=True,
        verbose_name=_("Nicht barrierefreie Inhalte"),
        help_text=_("Jede bekannte Barriere mit Begründung und, wenn möglich, einer Alternative."),
    )
    feedback_intro = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Text zum Feedback"),
        help_text=_("Steht über dem Formular „Barriere melden“; die Kontaktdaten kommen aus den Portal-Einstellungen."),
    )
    enforcement = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        verbose_name=_("Schlichtungsverfahren"),
        help_text=_("Wohin sich Menschen wenden können, wenn die Antwort der Redaktion nicht hilft."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("created_on"), FieldPanel("reviewed_on"), FieldPanel("assessment")],
            heading=_("Stand der Barrierefreiheit"),
        ),
        FieldPanel("body"),
        FieldPanel("barriers"),
        FieldPanel("feedback_intro"),
        FieldPanel("enforcement"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body"), index.SearchField("barriers")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")

    @path("", name="statement")
    def statement(self, request):
        from home.accessibility.views import statement_page

        return statement_page(request, page=self)

    @path("danke/", name="thanks")
    def thanks(self, request):
        from home.accessibility.views import statement_thanks

        return statement_thanks(request, page=self)


class EasyLanguageGuidePage(Page):
    """ "So nutzen Sie das Familienportal": what is in the portal, how to find one's way, how accessible it is and
    how to tell us about a barrier. Its translation into the Leichte Sprache locale is the portal's explanation in
    easy German; a video in German Sign Language can be added in every language."""

    intro = models.TextField(blank=True, max_length=400, verbose_name=_("Einleitung"))
    sign_language_video = StreamField(
        [("video", VideoBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("Video in Deutscher Gebärdensprache"),
        help_text=_("Ein Video, das den Inhalt dieser Seite in Gebärdensprache erklärt (optional)."),
    )
    sections = StreamField([("section", GuideSectionBlock())], verbose_name=_("Abschnitte"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("sign_language_video"),
        FieldPanel("sections"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("sections")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Erklärung des Portals (Leichte Sprache)")
        verbose_name_plural = _("Erklärungen des Portals (Leichte Sprache)")


class AccessibilityFeedback(models.Model):
    """A barrier someone reported through the statement's form. Not tied to an account: name and e-mail address
    are optional and only there for an answer."""

    class Status(models.TextChoices):
        NEW = "neu", _("neu")
        IN_PROGRESS = "in-bearbeitung", _("in Bearbeitung")
        DONE = "erledigt", _("erledigt")

    name = models.CharField(max_length=100, blank=True, verbose_name=_("Name"))
    email = models.EmailField(blank=True, verbose_name=_("E-Mail-Adresse"))
    page_url = models.CharField(max_length=500, blank=True, verbose_name=_("Seite"))
    description = models.TextField(max_length=3000, verbose_name=_("Beschreibung der Barriere"))
    language = models.CharField(max_length=12, verbose_name=_("Sprache"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, verbose_name=_("Status"))
    note = models.TextField(blank=True, max_length=2000, verbose_name=_("Notiz der Redaktion"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("eingegangen am"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("zuletzt geändert am"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Barriere-Meldung")
        verbose_name_plural = _("Barriere-Meldungen")

    def __str__(self) -> str:
        return self.summary

    @property
    def summary(self) -> str:
        text = " ".join(self.description.split())
        return text if len(text) <= 80 else f"{text[:79]}…"

    @property
    def language_name(self) -> str:
        return LANG_INFO.get(self.language, {}).get("name_local", self.language)
