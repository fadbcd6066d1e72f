from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookmarksConfig(AppConfig):
    name = "community.bookmarks"
    label = "bookmarks"
    verbose_name = _("Merkliste")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from community.bookmarks import registry  # noqa: F401  (what this app contributes to the shared registries)
