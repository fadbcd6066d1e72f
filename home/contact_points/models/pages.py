"""Familienpunkte: the city's physical contact points for families, and their online twin."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.address import Address, address_panel, postcode_field
from core.hours import HasOpeningHours, OpeningExceptionBase, OpeningPeriodBase
from core.permissions import OwnPagesPermissionTester
from home.images import alt_text_field, image_alt, require_alt_text


class TeamPermissionTester(OwnPagesPermissionTester):
    """A contact point's team (no publish right) drafts events only below the contact points it belongs to."""

    def is_own(self) -> bool:
        page = self.page
        path = page.path if isinstance(page, ContactPointPage) else page.path[: -page.steplen]  # an event's parent
        return ContactPointStaff.objects.filter(user=self.user, page__path=path).exists()


class ContactPointIndexPage(RoutablePageMixin, Page):
    """/de/familienpunkte/: the contact points, the events calendar and the feed of all events."""

    intro = models.TextField(blank=True, max_length=500, verbose_name=_("Einleitung"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["contact_points.ContactPointPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Familienpunkte (Übersicht)")

    def get_context(self, request, *args, **kwargs):
        from home.contact_points.views import contact_point_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(contact_point_index_context(request=request, index=self))
        return context

    @path("termine/", name="events")
    def events(self, request):
        from home.contact_points.views import event_calendar_page

        return event_calendar_page(request, index=self)

    @path("kalender/", name="calendar")
    def calendar(self, request):
        from home.contact_points.views import events_ics

        return events_ics(request, index=self, contact_point=None)


class ContactPointPage(Address, HasOpeningHours, RoutablePageMixin, Page):
    """One Familienpunkt: where, when open, which counselling is there, facilities, events and volunteer roles."""

    summary = models.TextField(max_length=400, blank=True, verbose_name=_("Kurzbeschreibung"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bild"),
        help_text=_("Zum Beispiel das Haus oder der Eingang, damit Familien den Familienpunkt wiedererkennen."),
    )
    image_alt = alt_text_field()
    district = models.ForeignKey(
        "home.District",
        null=True,
        on_delete=models.SET_NULL,
        related_name="contact_points",
        verbose_name=_("Stadtteil"),
    )
    postcode = postcode_field(blank=False)  # a Familienpunkt has a full postal address
    phone = models.CharField(max_length=50, blank=True, verbose_name=_("Telefon"))
    email = models.EmailField(blank=True, verbose_name=_("E-Mail"))
    appointments = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        verbose_name=_("Termine vereinbaren"),
        help_text=_("Wie Familien einen Beratungstermin bekommen: Telefon, offene Sprechstunde, online."),
    )
    body = RichTextField(
        features=["h2", "h3", "bold", "italic", "link", "ul", "ol"], blank=True, verbose_name=_("Text")
    )
    step_free = models.BooleanField(default=False, verbose_name=_("stufenloser Zugang"))
    accessible_toilet = models.BooleanField(default=False, verbose_name=_("barrierefreies WC"))
    accessibility_note = models.TextField(max_length=500, blank=True, verbose_name=_("Hinweise zur Barrierefreiheit"))
    changing_table = models.BooleanField(default=False, verbose_name=_("Wickeltisch"))
    nursing_room = models.BooleanField(default=False, verbose_name=_("Stillraum"))
    parents_cafe = models.BooleanField(default=False, verbose_name=_("Elterncafé"))
    partners = ParentalManyToManyField(
        "home.LocalInstitution",
        blank=True,
        related_name="contact_points",
        verbose_name=_("Kooperationspartner"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Bild")),
        address_panel(before=[FieldPanel("district")]),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("appointments")], heading=_("Kontakt")),
        InlinePanel("hours", heading=_("Öffnungszeiten"), label=_("Zeitraum")),
        FieldPanel("open_on_holidays"),
        InlinePanel("hour_exceptions", heading=_("Abweichende Tage"), label=_("Tag")),
        InlinePanel("services", heading=_("Beratung und Dienste vor Ort"), label=_("Dienst")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("step_free"), FieldPanel("accessible_toilet")]),
                FieldPanel("accessibility_note"),
            ],
            heading=_("Barrierefreiheit"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("changing_table"), FieldPanel("nursing_room"), FieldPanel("parents_cafe")])],
            heading=_("Für Eltern mit Baby"),
        ),
        FieldPanel("body"),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        InlinePanel("staff", heading=_("Team (verwaltet Helfer-Anmeldungen)"), label=_("Konto")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("district")]
    parent_page_types = ["contact_points.ContactPointIndexPage"]
    subpage_types = ["contact_points.EventPage"]

    class Meta:
        verbose_name = _("Familienpunkt")
        verbose_name_plural = _("Familienpunkte")

    def permissions_for_user(self, user):
        return TeamPermissionTester(user, self)

    def clean(self):
        super().clean()
        require_alt_text(self.image, self.image_alt)

    @property
    def image_alt_text(self) -> str:
        return image_alt(self.image, self.image_alt)

    def get_context(self, request, *args, **kwargs):
        from home.contact_points.views import contact_point_context

        context = super().get_context(request, *args, **kwargs)
        context.update(contact_point_context(request=request, contact_point=self))
        return context

    @path("kalender/", name="calendar")
    def calendar(self, request):
        from home.contact_points.views import events_ics

        return events_ics(request, index=None, contact_point=self)

    @re_path(r"^helfen/(?P<shift_id>\d+)/anmelden/$", name="volunteer-signup")
    def volunteer_signup(self, request, shift_id):
        from home.contact_points.views import volunteer_signup

        return volunteer_signup(request, contact_point=self, shift_id=int(shift_id))


class ContactPointHours(OpeningPeriodBase):
    page = ParentalKey(ContactPointPage, on_delete=models.CASCADE, related_name="hours")


class ContactPointClosure(OpeningExceptionBase):
    page = ParentalKey(ContactPointPage, on_delete=models.CASCADE, related_name="hour_exceptions")


class ContactPointService(Orderable):
    """A service present at the contact point (Familienhebammen, Sozialer Dienst, …) with its consultation hours."""

    page = ParentalKey(ContactPointPage, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(max_length=120, verbose_name=_("Dienst"))
    description = models.CharField(max_length=300, blank=True, verbose_name=_("Beschreibung"))
    consultation_hours = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("Sprechzeiten"),
        help_text=_("z. B. „Di 9–12 Uhr, offene Sprechstunde“"),
    )
    appointment = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=pgettext_lazy("Beratung", "Termin"),
        help_text=_("z. B. „nur nach Vereinbarung: 0208 …“"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("consultation_hours"), FieldPanel("appointment")]),
    ]


class ContactPointStaff(Orderable):
    """An account of the contact point's team: it sees and manages the volunteer sign-ups of this contact point."""

    page = ParentalKey(ContactPointPage, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_point_assignments"
    )

    panels = [FieldPanel("user")]
