"""Offer taxonomy and school holidays (HSDS: taxonomy_term), kept by the Redaktion and translated like pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.translatable import LocalizedSnippet


class OfferCategory(LocalizedSnippet, TranslatableMixin):
    name = models.CharField(max_length=80, verbose_name=_("Name"))
    slug = models.SlugField(max_length=80, verbose_name=_("Kurzname (URL)"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("Reihenfolge"))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    # One slug in every language: filter addresses and imports keep working whatever the reader's language.
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug"), SynchronizedField("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("Angebotskategorie")
        verbose_name_plural = _("Angebotskategorien")
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="offercategory_name_per_locale"),
            models.UniqueConstraint(fields=["locale", "slug"], name="offercategory_slug_per_locale"),
        ]

    def __str__(self) -> str:
        return self.name

    def localized_sort_key(self) -> tuple:
        return (self.sort_order, *super().localized_sort_key())


class HolidayPeriod(LocalizedSnippet, TranslatableMixin):
    """School holidays in NRW, so that a parent can ask for "Herbstferien" instead of dates."""

    name = models.CharField(max_length=80, verbose_name=_("Name"), help_text=_("z. B. Herbstferien 2026"))
    start = models.DateField(verbose_name=_("Erster Ferientag"))
    end = models.DateField(verbose_name=_("Letzter Ferientag"))

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("start"), FieldPanel("end")])]
    translatable_fields = [TranslatableField("name"), SynchronizedField("start"), SynchronizedField("end")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["start"]
        verbose_name = _("Ferienzeit")
        verbose_name_plural = _("Ferienzeiten")
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="holiday_end_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.localized_name} ({self.start:%d.%m.}–{self.end:%d.%m.%Y})"

    def choice_label(self) -> str:
        return str(self)

    def localized_sort_key(self) -> tuple:
        return (self.start, *super().localized_sort_key())

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Der letzte Ferientag liegt vor dem ersten.")})
