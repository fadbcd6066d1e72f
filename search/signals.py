"""What changes the index for every page: publishing, deletion, view restrictions. Other apps connect their own
receivers and call `queue_refresh` (e.g. the forum for posts and topics)."""

import contextlib
import contextvars

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

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
    from core.background import enqueue
    from search.tasks import refresh_search_documents

    keys = list(dict.fromkeys(keys))
    if keys and not _muted.get():
        enqueue(refresh_search_documents, keys)


def _page_keys(page) -> list[str]:
    # The page and its translations: the German original records which translations exist.
    return [f"page:{page.pk}"] + [
        f"page:{pk}" for pk in Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    ]


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    queue_refresh(_page_keys(instance))


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if sender is Page:
        queue_refresh(_page_keys(instance))  # a deleted translation leaves its original's list of translations


def review_changed(sender, instance, **kwargs):
    """A translation went into review or came out of it: the page (a copy with its original's text meanwhile)
    and its original, which lists the languages it is translated into."""
    page = Page.objects.filter(pk=instance.page_id).first()
    queue_refresh(_page_keys(page) if page is not None else [f"page:{instance.page_id}"])


def follow_review_model(model) -> None:
    """Listen to the rows that mark translations under review (see search.documents.TranslationsUnderReview)."""
    post_save.connect(review_changed, sender=model, dispatch_uid=f"search-review-{model._meta.label}")
    post_delete.connect(review_changed, sender=model, dispatch_uid=f"search-review-delete-{model._meta.label}")


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        ids = Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
        queue_refresh(f"page:{pk}" for pk in ids)


@receiver(post_save, sender="portal_search.SearchSynonym")
@receiver(post_delete, sender="portal_search.SearchSynonym")
def synonym_changed(sender, instance, **kwargs):
    from search.synonyms import synonyms_changed

    synonyms_changed()
