"""Receivers; each only hands over to a service."""

from allauth.account.signals import email_confirmed
from django.apps import apps
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageLogEntry
from wagtail.signals import page_published, workflow_rejected

from community import services
from community.forum import services as forum_services
from community.models import WikiArticlePage, WikiIndexPage
from community.roles import ROLES
from community.wiki import services as wiki_services


@receiver(post_migrate)
def sync_roles_after_migrate(sender, **kwargs) -> None:
    # Each app's permissions appear in its own post_migrate: sync once the last app with models has had its turn.
    last_app = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender.label == last_app.label:
        services.roles_sync()


def _grant_section_permissions(sender, instance, created, raw=False, **kwargs) -> None:
    # A new section page (e.g. a second offer list) gets the roles' grants right away.
    if created and not raw:
        services.roles_sync()


for _label in {label for role in ROLES for label in role.section_permissions}:
    post_save.connect(_grant_section_permissions, sender=_label, dispatch_uid=f"section-permissions-{_label}")


@receiver(email_confirmed)
def grant_parent_role(sender, request, email_address, **kwargs) -> None:
    services.user_confirmed_email(user=email_address.user)


@receiver(page_published, sender=WikiArticlePage)
def wiki_article_published(sender, instance, revision, **kwargs) -> None:
    entry = PageLogEntry.objects.filter(page_id=instance.pk, action="wagtail.publish", revision=revision).select_related("user").last()
    wiki_services.edits_published(page=instance, revision=revision, by=entry.user if entry else None)


@receiver(workflow_rejected)
def wiki_edit_rejected(sender, instance, user=None, **kwargs) -> None:
    page = instance.content_object
    if isinstance(page, Page) and page.specific_class is WikiArticlePage:
        wiki_services.edits_rejected(page=page.specific, workflow_state=instance, by=user)


@receiver(post_save, sender=WikiIndexPage)
def wiki_workflow_for_new_wiki(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        services.wiki_workflow_sync()


@receiver(post_save, sender="forum_conversation.Post")
def forum_post_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if not raw:
        forum_services.post_saved(post=instance, created=created)


@receiver(post_save, sender="community.ForumAccess")
def forum_access_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        forum_services.forum_access_sync(access=instance)
