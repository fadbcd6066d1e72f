"""Receivers of the forum: machina's posts and topics feed the portal's notices, moderation and search index."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from community.forum import services as forum_services
from community.forum.models import ForumAccess
from search.signals import queue_refresh


@receiver(post_save, sender=Post)
def forum_post_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if not raw:
        forum_services.post_saved(post=instance, created=created)


@receiver(post_save, sender=ForumAccess)
def forum_access_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        forum_services.forum_access_sync(access=instance)


# --- the search documents of topics -----------------------------------------------------------------------
@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
def post_changed(sender, instance, **kwargs):
    queue_refresh([f"topic:{instance.topic_id}"])


@receiver(post_save, sender=Topic)
@receiver(post_delete, sender=Topic)
def topic_changed(sender, instance, **kwargs):
    queue_refresh([f"topic:{instance.pk}"])


def _forum_topics(forum_id: int) -> list[str]:
    forum = Forum.objects.filter(pk=forum_id).first()
    if forum is None:
        return []
    forums = forum.get_descendants(include_self=True)
    return [f"topic:{pk}" for pk in Topic.objects.filter(forum__in=forums).values_list("pk", flat=True)]


@receiver(post_save, sender=ForumAccess)
def forum_access_changed(sender, instance, **kwargs):
    queue_refresh(_forum_topics(instance.forum_id))


@receiver(pre_save, sender=Forum)
def forum_renamed(sender, instance, **kwargs):
    # machina saves the forum after every post (its counters); only a new name changes the documents.
    if instance.pk and Forum.objects.filter(pk=instance.pk).exclude(name=instance.name).exists():
        queue_refresh(_forum_topics(instance.pk))
