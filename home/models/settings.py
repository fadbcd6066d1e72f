from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Site-wide facts the editors keep current: the city, how to reach the team, the legal pages."""

    # The only place the city is named: the first portal's, until the editors set their own.
    city_name = models.CharField(max_length=100, default="Mülheim an der Ruhr", verbose_name=_("Stadt"))
    portal_name = models.CharField(max_length=100, default="Familienportal", verbose_name=_("Name des Portals"))
    contact_name = models.CharField(max_length=150, blank=True, verbose_name=_("Ansprechstelle"))
    contact_email = models.EmailField(blank=True, verbose_name=_("E-Mail"))
    contact_phone = models.CharField(max_length=50, blank=True, verbose_name=_("Telefon"))
    contact_address = models.TextField(blank=True, max_length=300, verbose_name=_("Anschrift"))
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Impressum"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Datenschutzerklärung"),
    )

    panels = [
        FieldPanel("portal_name"),
        FieldPanel("city_name"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel([FieldPanel("imprint_page"), FieldPanel("privacy_page")], heading=_("Rechtliches")),
    ]

    class Meta:
        verbose_name = _("Portal-Einstellungen")

    @classmethod
    def for_site(cls, site):
        """Every page reads these: kept with the navigation under the content version (core/page_cache.py), so a
        saved change shows on the next request and a page costs no query for them."""
        from core.page_cache import cached_fragment

        if site is None:
            return super().for_site(site)
        return cached_fragment("portal-settings", lambda: super(PortalSettings, cls).for_site(site), parts=(site.pk,))
