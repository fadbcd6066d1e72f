from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import District


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    menu_label = _("Stadtteile")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "borough", "latitude", "longitude"]
    search_fields = ["name"]


register_snippet(DistrictViewSet)
