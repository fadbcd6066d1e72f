from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Gemeinschaft")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from community import signals  # noqa: F401  (connects receivers)
