from wagtail.snippets.views.snippets import SnippetViewSet

from home.directory.models import Language, Provider


class ProviderViewSet(SnippetViewSet):
    model = Provider
    icon = "group"
    list_display = ["name", "kind", "email"]
    list_filter = ["kind"]
    search_fields = ["name"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "code"]
