"""Organizations (Träger) and languages, shared by the offer directory and the Kita search (HSDS: organization, language)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.translatable import LocalizedSnippet


class Provider(index.Indexed, models.Model):
    """An organization that runs offers; its maintainers may edit its offers (never publish them)."""

    class Kind(models.TextChoices):
        MUNICIPAL = "staedtisch", _("städtisch")
        NON_PROFIT = "freier-traeger", _("freier Träger")
        ASSOCIATION = "verein", _("Verein")
        CHURCH = "kirche", _("Kirche")
        PRIVATE = "privat", _("privat")

    name = models.CharField(max_length=200, unique=True, verbose_name=_("Name"))
    slug = models.SlugField(max_length=200, unique=True, verbose_name=_("Kurzname (URL)"))
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("Art"))
    description = models.TextField(blank=True, max_length=1000, verbose_name=_("Beschreibung"))
    contact_name = models.CharField(max_length=150, blank=True, verbose_name=_("Ansprechperson"))
    email = models.EmailField(blank=True, verbose_name=_("E-Mail"))
    phone = models.CharField(max_length=50, blank=True, verbose_name=_("Telefon"))
    website = models.URLField(blank=True, verbose_name=_("Website"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Logo"),
    )
    maintainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="maintained_providers",
        verbose_name=_("Konten, die Angebote pflegen dürfen"),
        help_text=_("Diese Konten (Rolle Anbieter) bearbeiten die Angebote dieser Organisation."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("website"),
            ],
            heading=_("Kontakt"),
        ),
        FieldPanel("logo"),
        FieldPanel("maintainers"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Anbieter")
        verbose_name_plural = _("Anbieter")

    def __str__(self) -> str:
        return self.name


class Language(LocalizedSnippet, TranslatableMixin):
    """A language an offer is held in (ISO 639-1 code)."""

    code = models.CharField(max_length=8, verbose_name=_("Sprachcode (ISO 639-1)"))
    name = models.CharField(max_length=60, verbose_name=_("Name"))

    panels = [FieldPanel("code"), FieldPanel("name")]
    # The code stays the same in every language: imports, filters and the API match by it.
    translatable_fields = [SynchronizedField("code"), TranslatableField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")
        constraints = [models.UniqueConstraint(fields=["locale", "code"], name="language_code_per_locale")]

    def __str__(self) -> str:
        return self.name
