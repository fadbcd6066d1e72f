from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "community.notifications"
    label = "notifications"
    verbose_name = _("Benachrichtigungen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from community.notifications import registry  # noqa: F401  (what this app contributes to the shared registries)
