from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.registry import directory_snippets
from home.models import District


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    menu_label = _("Stadtteile")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "borough", "latitude", "longitude"]
    search_fields = ["name"]


class DirectoryDataGroup(SnippetViewSetGroup):
    """One menu for the Redaktion's reference data; the apps register their snippets for it (core.registry)."""

    items = tuple(viewset for entry in directory_snippets for viewset in entry.viewsets)
    menu_icon = "list-ul"
    menu_label = _("Verzeichnisdaten")
    menu_name = "angebotsdaten"
    menu_order = 250


register_snippet(DistrictViewSet)
register_snippet(DirectoryDataGroup)
