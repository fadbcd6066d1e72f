from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WikiConfig(AppConfig):
    name = "community.wiki"
    label = "wiki"
    verbose_name = _("Familienwiki")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from community.wiki import registry  # noqa: F401  (what this app contributes to the shared registries)
