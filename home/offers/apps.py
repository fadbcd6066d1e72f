from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "home.offers"
    label = "offers"
    verbose_name = _("Angebote")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from home.offers import (
            registry,  # noqa: F401  (what this app contributes to the shared registries)
            signals,
        )

        signals.replace_wagtail_outcome_mails()
