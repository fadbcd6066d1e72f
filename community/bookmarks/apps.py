from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookmarksConfig(AppConfig):
    name = "community.bookmarks"
    label = "bookmarks"
    verbose_name = _("Merkliste")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from community.bookmarks import registry  # noqa: F401  (what this app contributes to the shared registries)
        from community.bookmarks.models import Bookmark

        # A member's saved keys are kept (selectors.is_saved): any bookmark saved or deleted (also with its page or
        # the account) empties them; services.py does the same for its bulk write.
        post_save.connect(_bookmark_changed, sender=Bookmark, dispatch_uid="bookmarks-saved")
        post_delete.connect(_bookmark_changed, sender=Bookmark, dispatch_uid="bookmarks-saved")


def _bookmark_changed(sender, instance, **kwargs) -> None:
    from community.bookmarks.selectors import SAVED
    from core.member_cache import member_value_changed

    member_value_changed(SAVED, instance.user_id)
