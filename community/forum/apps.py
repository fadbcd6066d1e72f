from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumPortalConfig(AppConfig):
    name = "community.forum"
    label = "forum_portal"
    verbose_name = _("Elternforum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # machina's receivers are imported first, so that its view counter is connected before it is taken off.
        from machina.apps.forum_conversation import receivers
        from machina.apps.forum_conversation.signals import topic_viewed

        from community.forum import registry  # noqa: F401  (what this app contributes to the shared registries)

        # machina counts views with an UPDATE on every read of a topic. The portal shows no view counts (and a
        # guest's page from the cache is never counted anyway): the write only held the database's write lock on
        # every read.
        topic_viewed.disconnect(receivers.update_topic_counter)
