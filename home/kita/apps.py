from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KitaConfig(AppConfig):
    name = "home.kita"
    label = "kita"
    verbose_name = _("Kitas und Kindertagespflege")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from home.kita import registry  # noqa: F401  (what this app contributes to the shared registries)
