from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "community.notifications"
    label = "notifications"
    verbose_name = _("Benachrichtigungen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from community.notifications import registry  # noqa: F401  (what this app contributes to the shared registries)
        from community.notifications.models import Notification

        # The unread count in every member's menu is kept (selectors.unread_count): a notice saved or deleted
        # anywhere (the admin, account deletion) empties it; services.py does the same for its bulk writes.
        post_save.connect(_notice_changed, sender=Notification, dispatch_uid="notifications-unread")
        post_delete.connect(_notice_changed, sender=Notification, dispatch_uid="notifications-unread")


def _notice_changed(sender, instance, **kwargs) -> None:
    from community.notifications.selectors import UNREAD
    from core.member_cache import member_value_changed

    member_value_changed(UNREAD, instance.user_id)
