"""District pages (Sozialraum): one index page whose routes show each Stadtteil with everything in it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page


class DistrictIndexPage(RoutablePageMixin, Page):
    """/de/stadtteile/ lists the districts; /de/stadtteile/<slug>/ is a district's page, built from the directories."""

    intro = models.TextField(blank=True, max_length=500, verbose_name=_("Einleitung"))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Stadtteile (Übersicht)")

    def get_context(self, request, *args, **kwargs):
        from home.district_selectors import districts_by_borough

        context = super().get_context(request, *args, **kwargs)
        context["boroughs"] = districts_by_borough()
        return context

    @path("<slug:district_slug>/", name="district")
    def district(self, request, district_slug):
        from home.views import district_page

        return district_page(request, index=self, district_slug=district_slug)
