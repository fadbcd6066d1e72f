from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class LocalInstitution(index.Indexed, models.Model):
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
    street = models.CharField(max_length=200, blank=True, verbose_name=_("Straße und Hausnummer"))
    postcode = models.CharField(max_length=10, blank=True, verbose_name=_("PLZ"))
    phone = models.CharField(max_length=50, blank=True, verbose_name=_("Telefon"))
    website = models.URLField(blank=True, verbose_name=_("Website"))
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True, verbose_name=_("Breitengrad"))
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True, verbose_name=_("Längengrad"))

    panels = [
        FieldPanel("name"), FieldPanel("kind"), FieldPanel("district"), FieldPanel("description"),
        MultiFieldPanel([FieldPanel("street"), FieldPanel("postcode"),
                         FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])], heading=_("Adresse")),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("website")], heading=_("Kontakt")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("kind"),
                     index.FilterField("district")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Einrichtung im Stadtteil")
        verbose_name_plural = _("Einrichtungen im Stadtteil")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"
