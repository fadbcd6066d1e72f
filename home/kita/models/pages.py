"""Kitas and childminders (Kindertagespflege): one concrete DaycarePage so that one query searches both."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.address import Coordinates, PostalAddress, address_panel, coordinates_panel, postcode_field
from core.hours import WEEKDAYS
from core.translatable import LocalizedSnippet, originals_only


class AgeGroup(models.TextChoices):
    U3 = "u3", _("unter 3 Jahren (U3)")
    UE3 = "ue3", _("ab 3 Jahren (Ü3)")


class KitaFocus(LocalizedSnippet, TranslatableMixin):
    """Pedagogical focus (Montessori, Waldorf, bilingual, …): an editable taxonomy."""

    name = models.CharField(max_length=80, verbose_name=_("Name"))
    slug = models.SlugField(max_length=80, verbose_name=_("Kurzname (URL)"))

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("Pädagogischer Schwerpunkt")
        verbose_name_plural = _("Pädagogische Schwerpunkte")
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="kitafocus_name_per_locale"),
            models.UniqueConstraint(fields=["locale", "slug"], name="kitafocus_slug_per_locale"),
        ]

    def __str__(self) -> str:
        return self.name


class KitaIndexPage(RoutablePageMixin, Page):
    """/de/kita/: search over Kitas and childminders, the staff form and place alerts."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True, verbose_name=_("Einleitung"))
    application_note = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        verbose_name=_("Hinweis zur Anmeldung"),
        help_text=_("Wo Eltern ihr Kind offiziell anmelden; das Portal dient nur der Orientierung."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("application_note")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["kita.KitaPage", "kita.ChildminderPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Kita-Suche")

    def get_context(self, request, *args, **kwargs):
        from home.kita.views import daycare_search_context

        context = super().get_context(request, *args, **kwargs)
        context.update(daycare_search_context(request=request, index=self))
        return context

    @path("karte/", name="map-points")
    def map_points(self, request):
        from home.kita.views import daycare_map_points

        return daycare_map_points(request=request, index=self)

    @path("meldung/", name="report")
    def report_places(self, request):
        from home.kita.views import report_places

        return report_places(request, index=self)

    @path("benachrichtigung/", name="alert")
    def alert_signup(self, request):
        from home.kita.views import alert_signup

        return alert_signup(request, index=self)

    @path("benachrichtigung/<str:action>/<str:token>/", name="alert-action")
    def alert_action(self, request, action, token):
        from home.kita.views import alert_action

        return alert_action(request, index=self, action=action, token=token)


class DaycarePage(Coordinates, Page):
    """What Kitas and childminders share; never created on its own. The coordinates are here (a childminder has
    an approximate location but no address); the Kita adds the postal address."""

    summary = models.TextField(max_length=400, blank=True, verbose_name=_("Kurzbeschreibung"))
    district = models.ForeignKey(
        "home.District", null=True, on_delete=models.SET_NULL, related_name="daycares", verbose_name=_("Stadtteil")
    )
    # Pages choose the German originals; readers see their translated names (core.translatable).
    focus = ParentalManyToManyField(
        KitaFocus,
        blank=True,
        limit_choices_to=originals_only,
        related_name="daycares",
        verbose_name=_("Schwerpunkte"),
    )
    languages = ParentalManyToManyField(
        "directory.Language",
        blank=True,
        limit_choices_to=originals_only,
        related_name="daycares",
        verbose_name=_("Sprachen"),
    )
    inclusion_places = models.PositiveSmallIntegerField(default=0, verbose_name=_("Inklusionsplätze"))
    lunch = models.BooleanField(default=True, verbose_name=_("Mittagessen"))
    phone = models.CharField(max_length=50, blank=True, verbose_name=_("Telefon"))
    email = models.EmailField(blank=True, verbose_name=_("E-Mail"))
    website = models.URLField(blank=True, verbose_name=_("Website"))
    open_days = models.CharField(max_length=300, blank=True, verbose_name=_("Tage der offenen Tür"))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Foto"),
    )

    is_creatable = False
    parent_page_types = ["kita.KitaIndexPage"]
    subpage_types: list[str] = []
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("district")]

    shared_panels = [
        FieldPanel("summary"),
        InlinePanel("capacities", heading=_("Altersgruppen und Plätze"), label=_("Altersgruppe"), min_num=1),
        InlinePanel("opening_hours", heading=_("Öffnungszeiten"), label=_("Tag")),
        FieldPanel("focus", widget=forms.CheckboxSelectMultiple),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("inclusion_places"), FieldPanel("lunch")]),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading=_("Kontakt")),
        FieldPanel("open_days"),
        FieldPanel("photo"),
        InlinePanel("staff", heading=_("Konten, die freie Plätze melden"), label=_("Konto")),
    ]

    class Meta:
        verbose_name = _("Betreuungsangebot")

    def get_context(self, request, *args, **kwargs):
        from home.kita.selectors import stale_before

        context = super().get_context(request, *args, **kwargs)
        context["stale_before"] = stale_before()
        return context

    @cached_property
    def capacity_list(self) -> list:
        """The age groups, read once per page (the places, their report form and the facts all list them)."""
        return list(self.capacities.all())

    @cached_property
    def free_place_list(self) -> list:
        """The reported free places, read once (not once per age group)."""
        return list(self.free_places.all())

    @property
    def kita_details(self) -> KitaPage | None:
        """The Kita part (carrier, address) without a query when the list fetched it; None for a childminder."""
        try:
            return self.kitapage
        except KitaPage.DoesNotExist:
            return None


class KitaPage(PostalAddress, DaycarePage):
    carrier = models.ForeignKey(
        "directory.Provider",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kitas",
        verbose_name=_("Träger"),
    )
    postcode = postcode_field(blank=False)  # a Kita has a full postal address

    is_creatable = True
    content_panels = (
        Page.content_panels
        + [
            FieldPanel("carrier"),
            address_panel(before=[FieldPanel("district")]),
        ]
        + DaycarePage.shared_panels
    )

    class Meta:
        verbose_name = _("Kita")
        verbose_name_plural = _("Kitas")


class ChildminderPage(DaycarePage):
    """A Tagesmutter or Tagesvater. Privacy by design: there is no field for the home address at all."""

    is_creatable = True
    content_panels = (
        Page.content_panels
        + [
            MultiFieldPanel(
                [FieldPanel("district"), coordinates_panel()],
                heading=_("Lage (nur ungefähr)"),
                help_text=_("Nur der Stadtteil und eine ungefähre Lage werden gespeichert, nie die Wohnadresse."),
            ),
        ]
        + DaycarePage.shared_panels
    )

    class Meta:
        verbose_name = _("Kindertagespflege")
        verbose_name_plural = _("Kindertagespflege")

    def save(self, *args, **kwargs):
        # Rounded to about a kilometre, so that the map cannot lead to the front door.
        for name in ("latitude", "longitude"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, round(value, 2))
        return super().save(*args, **kwargs)


class AgeGroupCapacity(Orderable):
    daycare = ParentalKey(DaycarePage, on_delete=models.CASCADE, related_name="capacities")
    group = models.CharField(max_length=4, choices=AgeGroup.choices, verbose_name=_("Altersgruppe"))
    places = models.PositiveSmallIntegerField(verbose_name=_("Plätze"))
    min_age_months = models.PositiveSmallIntegerField(default=0, verbose_name=_("Aufnahme ab (Monate)"))

    panels = [FieldRowPanel([FieldPanel("group"), FieldPanel("places"), FieldPanel("min_age_months")])]

    class Meta(Orderable.Meta):
        unique_together = [("daycare", "group")]


class OpeningHours(Orderable):
    daycare = ParentalKey(DaycarePage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS, verbose_name=_("Tag"))
    opens = models.TimeField(verbose_name=_("von"))
    closes = models.TimeField(verbose_name=_("bis"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        unique_together = [("daycare", "weekday")]


class StaffAssignment(Orderable):
    """An account (role Kita-Leitung) that may report free places for this Kita or childminder."""

    daycare = ParentalKey(DaycarePage, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="daycare_assignments")

    panels = [FieldPanel("user")]


class PlaceReport(models.Model):
    """Every report of free places is kept: who said how many, and when."""

    daycare = models.ForeignKey(DaycarePage, on_delete=models.CASCADE, related_name="place_reports")
    group = models.CharField(max_length=4, choices=AgeGroup.choices)
    free_places = models.PositiveSmallIntegerField()
    reported_at = models.DateTimeField(auto_now_add=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-reported_at", "-pk"]


class FreePlaces(models.Model):
    """The latest report per daycare and age group, kept beside the history so that search needs no subquery."""

    daycare = models.ForeignKey(DaycarePage, on_delete=models.CASCADE, related_name="free_places")
    group = models.CharField(max_length=4, choices=AgeGroup.choices)
    free_places = models.PositiveSmallIntegerField()
    reported_at = models.DateTimeField()

    class Meta:
        unique_together = [("daycare", "group")]
        ordering = ["group"]
