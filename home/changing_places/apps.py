from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangingPlacesConfig(AppConfig):
    name = "home.changing_places"
    label = "changing_places"
    verbose_name = _("Wickeln und Stillen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from home.changing_places import registry, signals  # noqa: F401  (shared registries; connects receivers)
