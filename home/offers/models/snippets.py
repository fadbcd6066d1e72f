"""Offer taxonomy and school holidays (HSDS: taxonomy_term), kept by the Redaktion."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class OfferCategory(models.Model):
    name = models.CharField(max_length=80, unique=True, verbose_name=_("Name"))
    slug = models.SlugField(max_length=80, unique=True, verbose_name=_("Kurzname (URL)"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("Reihenfolge"))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("Angebotskategorie")
        verbose_name_plural = _("Angebotskategorien")

    def __str__(self) -> str:
        return self.name


class HolidayPeriod(models.Model):
    """School holidays in NRW, so that a parent can ask for "Herbstferien" instead of dates."""

    name = models.CharField(max_length=80, verbose_name=_("Name"), help_text=_("z. B. Herbstferien 2026"))
    start = models.DateField(verbose_name=_("Erster Ferientag"))
    end = models.DateField(verbose_name=_("Letzter Ferientag"))

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("start"), FieldPanel("end")])]

    class Meta:
        ordering = ["start"]
        verbose_name = _("Ferienzeit")
        verbose_name_plural = _("Ferienzeiten")
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="holiday_end_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.start:%d.%m.}–{self.end:%d.%m.%Y})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Der letzte Ferientag liegt vor dem ersten.")})
