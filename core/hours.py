"""Opening hours as inline rows of a page: several periods a day, past midnight, and dated exceptions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from core.opening_hours import DayException, OpeningStatus, WeeklyPeriod, opening_status, week_table

WEEKDAYS = [
    (0, _("Montag")),
    (1, _("Dienstag")),
    (2, _("Mittwoch")),
    (3, _("Donnerstag")),
    (4, _("Freitag")),
    (5, _("Samstag")),
    (6, _("Sonntag")),
]


class OpeningPeriodBase(Orderable):
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS, verbose_name=_("Tag"))
    opens = models.TimeField(verbose_name=_("von"))
    closes = models.TimeField(
        verbose_name=_("bis"),
        help_text=_("Früher als „von“ = über Mitternacht; gleich „von“ = rund um die Uhr."),
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        abstract = True

    def as_period(self) -> WeeklyPeriod:
        return WeeklyPeriod(self.weekday, self.opens, self.closes)


class OpeningExceptionBase(Orderable):
    date = models.DateField(verbose_name=_("Datum"))
    closed = models.BooleanField(default=True, verbose_name=_("geschlossen"))
    opens = models.TimeField(null=True, blank=True, verbose_name=_("abweichend von"))
    closes = models.TimeField(null=True, blank=True, verbose_name=_("abweichend bis"))
    note = models.CharField(
        max_length=120, blank=True, verbose_name=_("Hinweis"), help_text=_("z. B. „Betriebsausflug“")
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["date"]

    def clean(self):
        super().clean()
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError(_("Bitte geben Sie die abweichenden Zeiten an oder wählen Sie „geschlossen“."))

    def as_exception(self) -> DayException:
        return DayException(self.date, self.closed, self.opens, self.closes, self.note)


class HasOpeningHours(models.Model):
    """For pages with `hours` and `hour_exceptions` inlines; lists prefetch both so that the status costs no query."""

    open_on_holidays = models.BooleanField(
        default=False,
        verbose_name=_("an Feiertagen geöffnet"),
        help_text=_("Sonst gilt der Ort an gesetzlichen Feiertagen in NRW als geschlossen."),
    )

    class Meta:
        abstract = True

    @cached_property
    def opening(self) -> OpeningStatus:
        return self.opening_at(None)

    @cached_property
    def hour_rows(self) -> list:
        """The weekly hours, read once per page (the status, the table and the JSON-LD all need them)."""
        return list(self.hours.all())

    @cached_property
    def exception_rows(self) -> list:
        return list(self.hour_exceptions.all())

    def opening_at(self, at) -> OpeningStatus:
        return opening_status(
            [row.as_period() for row in self.hour_rows],
            [row.as_exception() for row in self.exception_rows],
            at=at,
            open_on_holidays=self.open_on_holidays,
        )

    @property
    def weekly_hours(self):
        return week_table(row.as_period() for row in self.hour_rows)

    @property
    def upcoming_exceptions(self):
        today = timezone.localdate()
        return [row for row in self.exception_rows if row.date >= today][:6]
