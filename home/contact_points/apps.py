from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactPointsConfig(AppConfig):
    name = "home.contact_points"
    label = "contact_points"
    verbose_name = _("Familienpunkte")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from home.contact_points import registry  # noqa: F401  (what this app contributes to the shared registries)
