from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"  # "search" is too generic a label to own in a project with many apps
    verbose_name = _("Suche")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.registry import page_cache_ignored
        from search import registry, signals  # noqa: F401  (grants and what the page cache ignores; receivers)

        # The index follows the content; the content's own writes already refresh the guests' pages. Not the whole
        # app: the Redaktion's synonyms (SearchSynonym) change what a search page shows.
        for model in ("SearchEntry", "SearchTombstone", "SearchWord"):
            page_cache_ignored.register(f"{self.label}.{model}")
        from search.documents import autodiscover

        autodiscover()
