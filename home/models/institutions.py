from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from core.address import Address, address_panel, street_field


class LocalInstitution(Address, index.Indexed, models.Model):
    """A school, family centre, library or counselling service in a district (Sozialraum), kept by the Redaktion."""

    class Kind(models.TextChoices):
        SCHOOL = "schule", _("Schule")
        FAMILY_CENTRE = "familienzentrum", _("Familienzentrum")
        LIBRARY = "bibliothek", _("Bibliothek")
        COUNSELLING = "beratung", _("Beratungsstelle")
        YOUTH = "jugend", _("Jugendeinrichtung")
        HEALTH = "gesundheit", _("Gesundheit")
        SPORT = "sport", _("Sportverein")
        OTHER = "sonstige", _("Sonstige Einrichtung")

    name = models.CharField(max_length=200, verbose_name=_("Name"))
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("Art"))
    district = models.ForeignKey(
        "home.District", on_delete=models.PROTECT, related_name="institutions", verbose_name=_("Stadtteil")
    )
    description = models.TextField(max_length=500, blank=True, verbose_name=_("Beschreibung"))
    street = street_field(blank=True)  # a citywide service may have no address of its own
    phone = models.CharField(max_length=50, blank=True, verbose_name=_("Telefon"))
    website = models.URLField(blank=True, verbose_name=_("Website"))

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("district"),
        FieldPanel("description"),
        address_panel(),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("website")], heading=_("Kontakt")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("district"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Einrichtung im Stadtteil")
        verbose_name_plural = _("Einrichtungen im Stadtteil")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"
