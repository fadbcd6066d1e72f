"""Nursing and changing places (Wickel- und Stillorte): parents suggest and report, the Redaktion confirms."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from core.address import Address, address_panel
from core.hours import HasOpeningHours, OpeningExceptionBase, OpeningPeriodBase

FACILITIES = [
    ("changing_table", _("Wickeltisch")),
    ("nursing_room", _("Stillraum")),
    ("bottle_warmer", _("Fläschchen wärmen")),
    ("step_free", _("stufenlos erreichbar")),
    ("family_toilet", _("Kindertoilette")),
    ("free_of_charge", _("ohne Verzehr / kostenlos")),
]


class ChangingPlaceIndexPage(RoutablePageMixin, Page):
    """/de/wickeln-stillen/: directory and map; parents suggest new places below it."""

    intro = models.TextField(blank=True, max_length=500, verbose_name=_("Einleitung"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["changing_places.ChangingPlacePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Wickeln & Stillen (Übersicht)")

    def get_context(self, request, *args, **kwargs):
        from home.changing_places.views import changing_place_list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(changing_place_list_context(request=request, index=self))
        return context

    @path("vorschlagen/", name="suggest")
    def suggest(self, request):
        from home.changing_places.views import suggest_place

        return suggest_place(request, index=self)


class ChangingPlacePage(Address, HasOpeningHours, RoutablePageMixin, Page):
    class Kind(models.TextChoices):
        PUBLIC = "oeffentlich", _("öffentliches Gebäude")
        SHOP = "geschaeft", _("Geschäft")
        CAFE = "gastronomie", _("Café / Restaurant")
        FAMILY = "familie", _("Familieneinrichtung")
        OTHER = "sonstiges", _("Sonstiges")

    kind = models.CharField(max_length=12, choices=Kind.choices, verbose_name=_("Art des Ortes"))
    district = models.ForeignKey(
        "home.District",
        null=True,
        on_delete=models.SET_NULL,
        related_name="changing_places",
        verbose_name=_("Stadtteil"),
    )
    location_hint = models.CharField(
        max_length=200, blank=True, verbose_name=_("Wo genau?"), help_text=_("z. B. „1. OG neben dem Aufzug“")
    )
    changing_table = models.BooleanField(default=False, verbose_name=_("Wickeltisch"))
    nursing_room = models.BooleanField(default=False, verbose_name=_("Stillraum"))
    bottle_warmer = models.BooleanField(default=False, verbose_name=_("Fläschchen wärmen"))
    step_free = models.BooleanField(default=False, verbose_name=_("stufenlos erreichbar"))
    family_toilet = models.BooleanField(default=False, verbose_name=_("Kindertoilette"))
    free_of_charge = models.BooleanField(default=True, verbose_name=_("ohne Verzehr / kostenlos"))
    note = models.TextField(max_length=500, blank=True, verbose_name=_("Hinweise"))
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("vorgeschlagen von"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        address_panel(before=[FieldPanel("district")], after=[FieldPanel("location_hint")], heading=_("Lage")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("changing_table"), FieldPanel("nursing_room"), FieldPanel("bottle_warmer")]),
                FieldRowPanel([FieldPanel("step_free"), FieldPanel("family_toilet"), FieldPanel("free_of_charge")]),
            ],
            heading=_("Ausstattung"),
        ),
        InlinePanel("hours", heading=_("Öffnungszeiten"), label=_("Zeitraum")),
        FieldPanel("open_on_holidays"),
        InlinePanel("hour_exceptions", heading=_("Abweichende Tage"), label=_("Tag")),
        FieldPanel("note"),
        FieldPanel("suggested_by", read_only=True),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("street"),
        index.SearchField("note"),
        index.FilterField("district"),
    ]
    parent_page_types = ["changing_places.ChangingPlaceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Wickel- und Stillort")
        verbose_name_plural = _("Wickel- und Stillorte")

    def get_context(self, request, *args, **kwargs):
        from home.changing_places.views import changing_place_context

        context = super().get_context(request, *args, **kwargs)
        context.update(changing_place_context(request=request, place=self))
        return context

    @path("melden/", name="report")
    def report(self, request):
        from home.changing_places.views import report_place

        return report_place(request, place=self)

    @property
    def facilities(self) -> list[str]:
        return [str(label) for name, label in FACILITIES if getattr(self, name)]


class ChangingPlaceHours(OpeningPeriodBase):
    page = ParentalKey(ChangingPlacePage, on_delete=models.CASCADE, related_name="hours")


class ChangingPlaceClosure(OpeningExceptionBase):
    page = ParentalKey(ChangingPlacePage, on_delete=models.CASCADE, related_name="hour_exceptions")


class ChangingPlaceReport(models.Model):
    """A parent's note that a place is outdated; the Redaktion resolves it in the admin."""

    class Reason(models.TextChoices):
        GONE = "gibt-es-nicht-mehr", _("Den Ort gibt es nicht mehr")
        HOURS = "oeffnungszeiten", _("Öffnungszeiten stimmen nicht")
        FACILITIES = "ausstattung", _("Ausstattung stimmt nicht")
        OTHER = "sonstiges", _("Etwas anderes")

    place = models.ForeignKey(
        ChangingPlacePage, on_delete=models.CASCADE, related_name="reports", verbose_name=_("Ort")
    )
    reason = models.CharField(max_length=20, choices=Reason.choices, verbose_name=_("Was stimmt nicht?"))
    comment = models.TextField(max_length=1000, blank=True, verbose_name=_("Genauer"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("gemeldet von")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("gemeldet am"))
    resolved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("erledigt am"))
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("erledigt von"),
    )
    resolution = models.CharField(max_length=300, blank=True, verbose_name=_("Was wurde getan?"))

    panels = [FieldPanel("resolution")]

    class Meta:
        ordering = ["resolved_at", "-created_at"]
        verbose_name = _("Hinweis zu einem Wickelort")
        verbose_name_plural = _("Hinweise zu Wickelorten")

    def __str__(self) -> str:
        return f"{self.place.title}: {self.get_reason_display()}"
