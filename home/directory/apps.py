from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "home.directory"
    label = "directory"
    verbose_name = _("Verzeichnis")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from home.directory import registry  # noqa: F401  (what this app contributes to the shared registries)
