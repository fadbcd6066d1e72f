from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessibilityConfig(AppConfig):
    name = "home.accessibility"
    label = "accessibility"
    verbose_name = _("Barrierefreiheit")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from home.accessibility import registry, signals  # noqa: F401  (registers contributions, connects receivers)
