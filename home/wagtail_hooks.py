from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.changing_places.admin_views import ChangingPlaceReportViewSet, OpenReportsPanel
from home.contact_points.admin_views import VolunteeringGroup
from home.kita.models import KitaFocus
from home.models import District, LocalInstitution
from home.offers.admin_panels import StaleOffersPanel
from home.offers.admin_views import import_offers_view
from home.offers.models import HolidayPeriod, Language, OfferCategory, Provider


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    menu_label = _("Stadtteile")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "borough", "latitude", "longitude"]
    search_fields = ["name"]


class ProviderViewSet(SnippetViewSet):
    model = Provider
    icon = "group"
    list_display = ["name", "kind", "email"]
    list_filter = ["kind"]
    search_fields = ["name"]


class OfferCategoryViewSet(SnippetViewSet):
    model = OfferCategory
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code"]


class HolidayPeriodViewSet(SnippetViewSet):
    model = HolidayPeriod
    icon = "date"
    list_display = ["name", "start", "end"]


class KitaFocusViewSet(SnippetViewSet):
    model = KitaFocus
    icon = "tag"
    list_display = ["name", "slug"]


class LocalInstitutionViewSet(SnippetViewSet):
    model = LocalInstitution
    icon = "home"
    list_display = ["name", "kind", "district"]
    list_filter = ["kind", "district"]
    search_fields = ["name"]


class OfferDataGroup(SnippetViewSetGroup):
    items = (LocalInstitutionViewSet, ProviderViewSet, OfferCategoryViewSet, LanguageViewSet, HolidayPeriodViewSet, KitaFocusViewSet)
    menu_icon = "list-ul"
    menu_label = _("Verzeichnisdaten")
    menu_name = "angebotsdaten"
    menu_order = 250


register_snippet(DistrictViewSet)
register_snippet(OfferDataGroup)


@hooks.register("register_admin_urls")
def offer_import_urls():
    return [path("angebote/import/", import_offers_view, name="offers_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("home.import_offers")


@hooks.register("register_admin_menu_item")
def offer_import_menu_item():
    return ImportMenuItem(_("Angebote importieren"), reverse("offers_import"), icon_name="upload", order=260)


@hooks.register("construct_homepage_panels")
def stale_offers_panel(request, panels):
    panels.append(StaleOffersPanel(request.user))


@hooks.register("register_admin_viewset")
def volunteering_viewsets():
    return VolunteeringGroup()


@hooks.register("register_admin_viewset")
def changing_place_report_viewset():
    return ChangingPlaceReportViewSet("changingplacereport")


@hooks.register("construct_homepage_panels")
def changing_place_reports_panel(request, panels):
    if request.user.has_perm("home.change_changingplacereport"):
        panels.append(OpenReportsPanel())
