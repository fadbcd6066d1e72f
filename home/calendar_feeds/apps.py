from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarFeedsConfig(AppConfig):
    name = "home.calendar_feeds"
    label = "calendar_feeds"
    verbose_name = _("Kalender-Import")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from home.calendar_feeds import registry  # noqa: F401  (what this app contributes to the shared registries)
