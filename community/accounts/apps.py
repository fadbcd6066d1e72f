from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "community.accounts"
    label = "accounts"
    verbose_name = _("Konten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from community.accounts import registry  # noqa: F401  (what this app contributes to the shared registries)
