from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Mechanisms every feature uses and none owns: outbox, hours, holidays, geo, paging, sanitizing, registries."""

    name = "core"
    verbose_name = _("Grundfunktionen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core.translatable import connect_signals

        connect_signals()
