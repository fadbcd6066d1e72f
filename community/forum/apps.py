from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumPortalConfig(AppConfig):
    name = "community.forum"
    label = "forum_portal"
    verbose_name = _("Elternforum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from community.forum import registry  # noqa: F401  (what this app contributes to the shared registries)
