"""Receivers of the wiki; each only hands over to a service."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, PageLogEntry
from wagtail.signals import page_published, workflow_rejected

from community.wiki import services as wiki_services
from community.wiki.models import WikiArticlePage, WikiIndexPage


@receiver(page_published, sender=WikiArticlePage)
def wiki_article_published(sender, instance, revision, **kwargs) -> None:
    entry = (
        PageLogEntry.objects.filter(page_id=instance.pk, action="wagtail.publish", revision=revision)
        .select_related("user")
        .last()
    )
    wiki_services.edits_published(page=instance, revision=revision, by=entry.user if entry else None)


@receiver(workflow_rejected)
def wiki_edit_rejected(sender, instance, user=None, **kwargs) -> None:
    page = instance.content_object
    if isinstance(page, Page) and page.specific_class is WikiArticlePage:
        wiki_services.edits_rejected(page=page.specific, workflow_state=instance, by=user)


@receiver(post_save, sender=WikiIndexPage)
def wiki_workflow_for_new_wiki(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        wiki_services.wiki_workflow_sync()
