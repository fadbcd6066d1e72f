from wagtail.snippets.views.snippets import SnippetViewSet

from home.kita.models import KitaFocus


class KitaFocusViewSet(SnippetViewSet):
    model = KitaFocus
    icon = "tag"
    list_display = ["name", "slug"]
