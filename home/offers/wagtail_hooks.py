from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.offers.admin_panels import StaleOffersPanel
from home.offers.admin_views import import_offers_report_view, import_offers_view


@hooks.register("register_admin_urls")
def offer_import_urls():
    return [
        path("angebote/import/", import_offers_view, name="offers_import"),
        path("angebote/import/bericht.csv", import_offers_report_view, name="offers_import_report"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("offers.import_offers")


@hooks.register("register_admin_menu_item")
def offer_import_menu_item():
    return ImportMenuItem(_("Angebote importieren"), reverse("offers_import"), icon_name="upload", order=260)


@hooks.register("construct_homepage_panels")
def stale_offers_panel(request, panels):
    panels.append(StaleOffersPanel(request.user))
