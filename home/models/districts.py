from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class District(index.Indexed, models.Model):
    """A Stadtteil (Sozialraum): offers, Kitas and contact points are found by it."""

    name = models.CharField(max_length=100, unique=True, verbose_name=_("Name"))
    slug = models.SlugField(max_length=100, unique=True, verbose_name=_("Kurzname (URL)"))
    borough = models.CharField(max_length=100, blank=True, verbose_name=_("Stadtbezirk"))
    latitude = models.DecimalField(max_digits=8, decimal_places=5, verbose_name=_("Breitengrad"))
    longitude = models.DecimalField(max_digits=8, decimal_places=5, verbose_name=_("Längengrad"))

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("borough"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Mittelpunkt")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Stadtteil")
        verbose_name_plural = _("Stadtteile")

    def __str__(self) -> str:
        return self.name
