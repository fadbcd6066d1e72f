"""What changes the index: page publishing and deletion, view restrictions, forum posts, topics and access."""

import contextlib
import contextvars

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from community.forum.models import ForumAccess

_muted = contextvars.ContextVar("search_updates_muted", default=False)


@contextlib.contextmanager
def search_updates_muted():
    """For bulk writers that rebuild the index afterwards (the demo seed): no per-object updates meanwhile."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def queue_refresh(keys) -> None:
    """Queue a refresh of these documents after the commit. Refreshing is idempotent, so a reply that saves
    its post and then its topic simply queues the topic twice."""
    from home.background import enqueue
    from search.tasks import refresh_search_documents

    keys = list(dict.fromkeys(keys))
    if keys and not _muted.get():
        enqueue(refresh_search_documents, keys)


def _page_keys(page) -> list[str]:
    # The page and its translations: the German original records which translations exist.
    return [f"page:{pk}" for pk in Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)]


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    queue_refresh(_page_keys(instance))


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if sender is Page:
        queue_refresh([f"page:{instance.pk}"])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        ids = Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
        queue_refresh(f"page:{pk}" for pk in ids)


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
