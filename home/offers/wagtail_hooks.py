from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.offers.admin_panels import StaleOffersPanel
from home.offers.admin_views import (
    import_offers_view,
    import_run_confirm_view,
    import_run_report_view,
    import_run_status_view,
    import_run_view,
    may_see_own_offers,
    own_offers_export_view,
    own_offers_view,
)
from home.offers.models import OfferPage
from home.offers.selectors import sees_all_offers


@hooks.register("register_admin_urls")
def offer_import_urls():
    return [
        path("angebote/import/", import_offers_view, name="offers_import"),
        path("angebote/import/<int:pk>/", import_run_view, name="offers_import_run"),
        path("angebote/import/<int:pk>/status.json", import_run_status_view, name="offers_import_run_status"),
        path("angebote/import/<int:pk>/bericht.csv", import_run_report_view, name="offers_import_run_report"),
        path("angebote/import/<int:pk>/importieren/", import_run_confirm_view, name="offers_import_run_confirm"),
        path("angebote/meine/", own_offers_view, name="offers_mine"),
        path("angebote/meine/export.<str:format>", own_offers_export_view, name="offers_mine_export"),
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


class OwnOffersMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_own_offers(request.user)


@hooks.register("register_admin_menu_item")
def own_offers_menu_item():
    return OwnOffersMenuItem(_("Meine Angebote"), reverse("offers_mine"), icon_name="list-ul", order=250)


@hooks.register("construct_explorer_page_queryset")
def providers_list_only_their_offers(parent_page, pages, request):
    # The page permissions already keep others' offers closed; the listing should not show them either.
    if sees_all_offers(request.user):
        return pages
    return pages.exclude(pk__in=OfferPage.objects.exclude(provider__maintainers=request.user).values("pk"))
