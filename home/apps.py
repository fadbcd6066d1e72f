from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Inhalte")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from home import registry, signals  # noqa: F401  (connects receivers, registers contributions)
