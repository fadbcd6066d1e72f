"""The offer list page and offer pages (HSDS: service, location, schedule, cost_option, accessibility)."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.address import Address, address_panel, street_field
from core.hours import WEEKDAYS
from core.permissions import OwnPagesPermissionTester
from core.translatable import originals_only
from home.blocks import BaseStreamBlock
from home.images import alt_text_field, image_alt, require_alt_text


class OfferIndexPage(RoutablePageMixin, Page):
    """/de/angebote/: every offer with filters, map and a calendar feed of the filtered list."""

    intro = models.TextField(blank=True, max_length=500, verbose_name=_("Einleitung"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["offers.OfferPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Angebotsliste")

    def get_context(self, request, *args, **kwargs):
        from home.offers.views import offer_list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(offer_list_context(request=request, index=self))
        return context

    @path("karte/", name="map-points")
    def map_points(self, request):
        from home.offers.views import offer_list_map_points

        return offer_list_map_points(request=request, index=self)

    @path("kalender/", name="calendar")
    def calendar_feed(self, request):
        from home.offers.views import offer_list_calendar

        return offer_list_calendar(request=request, index=self)


class ProviderPermissionTester(OwnPagesPermissionTester):
    """Provider accounts (no publish right) may touch only the offers of organizations they maintain."""

    def is_own(self) -> bool:
        return bool(self.page.provider_id and self.page.provider.maintainers.filter(pk=self.user.pk).exists())


class OfferPageForm(WagtailAdminPageForm):
    """A provider account can only choose (and keep) an organization it maintains."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not user.is_superuser and not user.has_perm("directory.change_provider"):
            self.fields["provider"].queryset = user.maintained_providers.all()
            self.fields["provider"].required = True

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("age_min_months"), cleaned.get("age_max_months")
        if start is not None and end is not None and end < start:
            self.add_error("age_max_months", _("Das Höchstalter liegt unter dem Mindestalter."))
        return cleaned


class OfferPage(Address, RoutablePageMixin, Page):
    class CostKind(models.TextChoices):
        FREE = "kostenlos", _("kostenlos")
        PRICE = "preis", _("kostenpflichtig")
        DONATION = "spende", _("gegen Spende")
        # Costs something, but the provider names the price only when asked (common in other sources).
        ON_REQUEST = "auf-anfrage", _("Kosten auf Anfrage")

    summary = models.TextField(max_length=300, verbose_name=_("Kurzbeschreibung"))
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("Beschreibung"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bild"),
    )
    image_alt = alt_text_field()
    provider = models.ForeignKey(
        "directory.Provider",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offers",
        verbose_name=_("Anbieter"),
    )
    # Offers choose the German originals; readers see their translated names (core.translatable).
    categories = ParentalManyToManyField(
        "offers.OfferCategory", limit_choices_to=originals_only, related_name="offers", verbose_name=_("Kategorien")
    )
    age_min_months = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("Mindestalter (Monate)"))
    age_max_months = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("Höchstalter (Monate)"))
    # Location (HSDS location + address; postcode, city and coordinates come from Address)
    district = models.ForeignKey(
        "home.District",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offers",
        verbose_name=_("Stadtteil"),
    )
    venue = models.CharField(max_length=200, blank=True, verbose_name=_("Ort"))
    street = street_field(blank=True)  # an online or phone offer has no street
    # Registration
    registration_required = models.BooleanField(default=False, verbose_name=_("Anmeldung erforderlich"))
    registration_info = models.TextField(blank=True, max_length=500, verbose_name=_("So melden Sie sich an"))
    registration_deadline = models.DateField(null=True, blank=True, verbose_name=_("Anmeldeschluss"))
    places_left = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("Freie Plätze"))
    # Cost
    cost_kind = models.CharField(
        max_length=12, choices=CostKind.choices, default=CostKind.FREE, verbose_name=_("Kosten")
    )
    price = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True, verbose_name=_("Preis (Euro)"))
    reduced_with_pass = models.BooleanField(default=False, verbose_name=_("Ermäßigt mit dem Sozialpass der Stadt"))
    cost_note = models.CharField(max_length=200, blank=True, verbose_name=_("Hinweis zu den Kosten"))
    languages = ParentalManyToManyField(
        "directory.Language",
        blank=True,
        limit_choices_to=originals_only,
        related_name="offers",
        verbose_name=_("Sprachen"),
    )
    # Accessibility
    barrier_free = models.BooleanField(default=False, verbose_name=_("Barrierefreier Zugang"))
    accessible_toilet = models.BooleanField(default=False, verbose_name=_("Barrierefreie Toilette"))
    changing_table = models.BooleanField(default=False, verbose_name=_("Wickeltisch"))
    last_checked = models.DateField(default=datetime.date.today, verbose_name=_("Zuletzt geprüft"))
    external_id = models.CharField(
        max_length=100,
        blank=True,
        db_index=True,
        verbose_name=_("Kennung der Quelle"),
        help_text=_("Für Importe: die Kennung des Angebots im Ursprungssystem."),
    )
    # Derived from the dates on save; lets the listings drop past offers without a nightly job.
    first_date = models.DateField(null=True, blank=True, editable=False)
    last_date = models.DateField(null=True, blank=True, editable=False)
    # The nightly housekeeping (home.services.past_pages_unpublish) takes the page offline after its last date.
    unpublish_after_last_date = True

    base_form_class = OfferPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("provider"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("age_min_months"), FieldPanel("age_max_months")], heading=_("Alter")),
        InlinePanel("dates", heading=_("Termine"), label=_("Termin")),
        address_panel(before=[FieldPanel("district"), FieldPanel("venue")], heading=_("Ort")),
        MultiFieldPanel(
            [
                FieldPanel("registration_required"),
                FieldPanel("registration_info"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("places_left")]),
            ],
            heading=_("Anmeldung"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("cost_kind"), FieldPanel("price")]),
                FieldPanel("reduced_with_pass"),
                FieldPanel("cost_note"),
            ],
            heading=_("Kosten"),
        ),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("barrier_free"), FieldPanel("accessible_toilet"), FieldPanel("changing_table")],
            heading=_("Barrierefreiheit"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Bild")),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("last_checked"), FieldPanel("external_id")]),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("district"),
        index.FilterField("last_date"),
        index.RelatedFields("provider", [index.SearchField("name")]),
        index.RelatedFields("categories", [index.SearchField("name")]),
    ]
    parent_page_types = ["offers.OfferIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        permissions = [("import_offers", _("Kann Angebote importieren"))]

    def permissions_for_user(self, user):
        return ProviderPermissionTester(user, self)

    def clean(self):
        super().clean()
        if self.cost_kind == self.CostKind.PRICE and self.price is None:
            raise ValidationError({"price": _("Bitte geben Sie einen Preis an oder wählen Sie „kostenlos“.")})
        require_alt_text(self.image, self.image_alt)

    @property
    def image_alt_text(self) -> str:
        return image_alt(self.image, self.image_alt)

    def save(self, *args, **kwargs):
        self.first_date, self.last_date = date_bounds(self.dates.all())
        return super().save(*args, **kwargs)

    @property
    def is_dated(self) -> bool:
        return bool(self.dates.all())

    @cached_property
    def date_lines(self) -> list:
        """The schedule lines, read once per page (the page, its facts and its JSON-LD all show them)."""
        return list(self.dates.all())

    @cached_property
    def spoken_languages(self) -> list:
        return list(self.languages.all())

    @property
    def is_stale(self) -> bool:
        return self.last_checked < timezone.localdate() - datetime.timedelta(days=183)

    @path("kalender/", name="calendar")
    def calendar(self, request):
        from home.offers.views import offer_calendar

        return offer_calendar(request=request, offer=self)


class OfferDate(Orderable):
    """One schedule line: a single day, a date range, or a weekly time between two dates (HSDS schedule)."""

    offer = ParentalKey(OfferPage, on_delete=models.CASCADE, related_name="dates")
    start_date = models.DateField(verbose_name=_("Datum / ab"))
    end_date = models.DateField(null=True, blank=True, verbose_name=_("bis"))
    weekday = models.PositiveSmallIntegerField(
        choices=WEEKDAYS,
        null=True,
        blank=True,
        verbose_name=_("wöchentlich am"),
        help_text=_("Leer lassen für einzelne Tage oder einen Zeitraum."),
    )
    start_time = models.TimeField(null=True, blank=True, verbose_name=_("von (Uhrzeit)"))
    end_time = models.TimeField(null=True, blank=True, verbose_name=_("bis (Uhrzeit)"))

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("weekday")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Das Enddatum liegt vor dem Anfangsdatum.")})
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Die Endzeit liegt vor der Anfangszeit.")})

    @property
    def last_day(self) -> datetime.date | None:
        """The last day this line covers; None for a weekly series without an end."""
        if self.weekday is not None:
            return self.end_date
        return self.end_date or self.start_date


def date_bounds(dates) -> tuple[datetime.date | None, datetime.date | None]:
    """First and last day over all schedule lines; last is None when a weekly series has no end (ongoing)."""
    dates = list(dates)
    if not dates:
        return None, None
    first = min(d.start_date for d in dates)
    lasts = [d.last_day for d in dates]
    return first, (None if any(day is None for day in lasts) else max(lasts))
