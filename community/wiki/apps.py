from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WikiConfig(AppConfig):
    name = "community.wiki"
    label = "wiki"
    verbose_name = _("Familienwiki")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from community.wiki import registry  # noqa: F401  (what this app contributes to the shared registries)
        from community.wiki.models import WikiAccountStatus, WikiWatch

        # A member's wiki status and watched articles are kept (selectors.account_status, is_watching): any row
        # saved or deleted (by the services, the admin, or with the account or the article) empties them.
        for model in (WikiAccountStatus, WikiWatch):
            post_save.connect(_member_row_changed, sender=model, dispatch_uid=f"wiki-member-{model.__name__}")
            post_delete.connect(_member_row_changed, sender=model, dispatch_uid=f"wiki-member-{model.__name__}")


def _member_row_changed(sender, instance, **kwargs) -> None:
    from community.wiki.models import WikiAccountStatus
    from community.wiki.selectors import ACCOUNT_STATUS, WATCHED
    from core.member_cache import member_value_changed

    member_value_changed(ACCOUNT_STATUS if sender is WikiAccountStatus else WATCHED, instance.user_id)
