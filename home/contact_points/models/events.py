"""Events of a contact point (Mütter-Café, Babytreff, Infoabend): single dates or series."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.contact_points import recurrence

MAX_SERIES_DAYS = 2 * 366


class EventPage(Page):
    class Repeat(models.TextChoices):
        NONE = recurrence.NONE, _("einmalig")
        WEEKLY = recurrence.WEEKLY, _("jede Woche")
        BIWEEKLY = recurrence.BIWEEKLY, _("alle zwei Wochen")
        MONTHLY = recurrence.MONTHLY, _("jeden Monat am gleichen Wochentag")

    class Registration(models.TextChoices):
        NONE = "", _("ohne Anmeldung")
        WANTED = "erwuenscht", _("Anmeldung erwünscht")
        REQUIRED = "erforderlich", _("Anmeldung erforderlich")

    summary = models.TextField(max_length=400, verbose_name=_("Kurzbeschreibung"))
    description = RichTextField(features=["bold", "italic", "link", "ul"], blank=True, verbose_name=_("Beschreibung"))
    audience = models.CharField(
        max_length=200, blank=True, verbose_name=_("Für wen"), help_text=_("z. B. „Eltern mit Babys bis 1 Jahr“")
    )
    venue = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("Ort"),
        help_text=_("Raum im Familienpunkt oder ein anderer Ort; leer = im Familienpunkt."),
    )
    start_date = models.DateField(verbose_name=_("(erster) Termin"))
    start_time = models.TimeField(verbose_name=_("Beginn"))
    end_time = models.TimeField(verbose_name=_("Ende"))
    repeat = models.CharField(
        max_length=10, choices=Repeat.choices, blank=True, default="", verbose_name=_("Wiederholung")
    )
    repeat_until = models.DateField(null=True, blank=True, verbose_name=_("wiederholen bis"))
    skip_holidays = models.BooleanField(default=True, verbose_name=_("entfällt an Feiertagen"))
    registration = models.CharField(
        max_length=12, choices=Registration.choices, blank=True, default="", verbose_name=_("Anmeldung")
    )
    registration_info = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("So melden Sie sich an"),
        help_text=_("Telefon, E-Mail oder Link, Anmeldeschluss"),
    )
    capacity = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("Plätze"))
    cost = models.CharField(max_length=100, blank=True, default="kostenlos", verbose_name=_("Kosten"))
    last_date = models.DateField(null=True, editable=False)
    # The nightly housekeeping (home.services.past_pages_unpublish) takes the page offline after its last date.
    unpublish_after_last_date = True

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("audience"),
        FieldPanel("venue"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_until"), FieldPanel("skip_holidays")]),
            ],
            heading=_("Termine"),
        ),
        InlinePanel("cancellations", heading=_("Fällt aus am"), label=_("Datum")),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldPanel("registration_info"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("cost")]),
            ],
            heading=_("Anmeldung und Kosten"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.FilterField("last_date")]
    parent_page_types = ["contact_points.ContactPointPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("Das Ende muss nach dem Beginn liegen.")
        if self.repeat:
            if self.repeat_until is None:
                errors["repeat_until"] = _("Bitte geben Sie an, bis wann die Reihe läuft.")
            elif self.start_date and self.repeat_until < self.start_date:
                errors["repeat_until"] = _("Das Ende der Reihe liegt vor dem ersten Termin.")
            elif self.start_date and (self.repeat_until - self.start_date).days > MAX_SERIES_DAYS:
                errors["repeat_until"] = _("Eine Reihe läuft höchstens zwei Jahre; legen Sie danach eine neue an.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.last_date = self.start_date if not self.repeat else self.repeat_until or self.start_date
        return super().save(*args, **kwargs)

    def permissions_for_user(self, user):
        from home.contact_points.models.pages import TeamPermissionTester

        return TeamPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        from home.contact_points.views import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(event=self))
        return context

    @property
    def contact_point(self):
        return self.get_parent().specific

    def occurrence_dates(
        self, start: datetime.date | None = None, end: datetime.date | None = None
    ) -> list[datetime.date]:
        return recurrence.occurrence_dates(
            self.start_date,
            self.repeat,
            self.repeat_until,
            cancelled=[row.date for row in self.cancellations.all()],
            skip_holidays=self.skip_holidays,
            start=start,
            end=end,
        )

    def upcoming_dates(self, limit: int = 8) -> list[datetime.date]:
        return self.occurrence_dates(start=timezone.localdate())[:limit]

    @property
    def upcoming_cancellations(self):
        today = timezone.localdate()
        return [row for row in self.cancellations.all() if row.date >= today]


class EventCancellation(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="cancellations")
    date = models.DateField(verbose_name=_("Datum"))
    note = models.CharField(max_length=120, blank=True, verbose_name=_("Grund"))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("note")])]
