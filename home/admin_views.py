from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import LocalInstitution


class LocalInstitutionViewSet(SnippetViewSet):
    model = LocalInstitution
    icon = "home"
    list_display = ["name", "kind", "district"]
    list_filter = ["kind", "district"]
    search_fields = ["name"]
