from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Mechanisms every feature uses and none owns: outbox, hours, holidays, geo, paging, sanitizing, registries."""

    name = "core"
    verbose_name = _("Grundfunktionen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core import page_cache, registry
        from core.spreadsheet import install_wagtail_export_guard
        from core.translatable import connect_signals

        connect_signals()
        install_wagtail_export_guard()
        # Every write of something a guest may see makes the stored guests' pages stale (core/page_cache.py).
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(page_cache.on_write, dispatch_uid=f"page_cache_{id(signal)}")
        for label in (
            "sessions",
            "admin.LogEntry",
            "contenttypes",
            "core.OutboxMessage",
            "core.TaskClaim",
            "core.SubmitKey",
            "wagtailcore.PageLogEntry",
            "wagtailcore.ModelLogEntry",
            "wagtailcore.TaskState",
            "wagtailcore.WorkflowState",
            "wagtailcore.Comment",
            "wagtailcore.CommentReply",
            "wagtailcore.PageSubscription",
            "wagtailcore.ReferenceIndex",
            "wagtailadmin",
            "wagtailsearch",
            "wagtailusers",
            "django_tasks_database",
        ):
            registry.page_cache_ignored.register(label)
