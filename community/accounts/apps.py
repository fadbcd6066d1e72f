from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "community.accounts"
    label = "accounts"
    verbose_name = _("Konten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from allauth.account.models import EmailAddress
        from django.db.models.signals import post_delete, post_save

        from community.accounts import registry  # noqa: F401  (what this app contributes to the shared registries)

        # Whether a member has a confirmed address is kept (selectors.has_confirmed_email): any address saved or
        # deleted (confirmed, added, removed, or with the account) empties it.
        post_save.connect(_address_changed, sender=EmailAddress, dispatch_uid="accounts-address-changed")
        post_delete.connect(_address_changed, sender=EmailAddress, dispatch_uid="accounts-address-changed")


def _address_changed(sender, instance, **kwargs) -> None:
    from community.accounts.selectors import EMAIL_CONFIRMED
    from core.member_cache import member_value_changed

    member_value_changed(EMAIL_CONFIRMED, instance.user_id)
