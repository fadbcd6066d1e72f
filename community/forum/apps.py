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
        from machina.apps.forum_tracking import receivers as tracking_receivers

        from community.forum import registry  # noqa: F401  (what this app contributes to the shared registries)

        # machina counts views with an UPDATE on every read of a topic. The portal shows no view counts (and a
        # guest's page from the cache is never counted anyway): the write only held the database's write lock on
        # every read.
        topic_viewed.disconnect(receivers.update_topic_counter)
        # machina marks the topic read on every view (six queries and an UPDATE); the portal only when something new
        # was posted since the member last read it (services.topic_mark_read).
        topic_viewed.disconnect(tracking_receivers.update_user_trackers)
        topic_viewed.connect(_topic_viewed, dispatch_uid="forum-topic-read")

        # machina's {% get_permission %} inspects the permission handler on every use; the portal's does not.
        from machina.templatetags import forum_permission_tags

        from community.forum.permission_tag import register as permission_tag

        forum_permission_tags.register.tags["get_permission"] = permission_tag.tags["get_permission"]

        from django.db.models.signals import m2m_changed, post_delete, post_save
        from machina.apps.forum_conversation.models import Post, Topic

        # A member's followed topics and the topics they wrote in are kept (permissions.followed_topic_ids,
        # posted_topic_ids): any subscription added or removed, any post saved or deleted empties them.
        post_save.connect(_post_changed, sender=Post, dispatch_uid="forum-member-posted")
        post_delete.connect(_post_changed, sender=Post, dispatch_uid="forum-member-posted")
        m2m_changed.connect(
            _subscribers_changed, sender=Topic.subscribers.through, dispatch_uid="forum-member-followed"
        )


def _post_changed(sender, instance, **kwargs) -> None:
    from community.forum.permissions import POSTED
    from core.member_cache import member_value_changed

    if instance.poster_id:
        member_value_changed(POSTED, instance.poster_id)


def _subscribers_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    from community.forum.permissions import FOLLOWED
    from core.member_cache import member_value_changed

    if reverse:  # user.topic_subscriptions.add(…): the member is the instance
        if action.startswith("post_"):
            member_value_changed(FOLLOWED, instance.pk)
    elif action == "pre_clear":  # topic.subscribers.clear(): all who followed it, known only before
        member_value_changed(FOLLOWED, *instance.subscribers.values_list("pk", flat=True))
    elif action.startswith("post_") and pk_set:
        member_value_changed(FOLLOWED, *pk_set)


def _topic_viewed(sender, topic, user, request, response, **kwargs) -> None:
    from community.forum.services import topic_mark_read

    topic_mark_read(topic=topic, user=user)
