"""Receivers of accounts; each only hands over to a service."""

from allauth.account.signals import email_confirmed
from django.apps import apps
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from community.accounts import roles_sync as services


@receiver(post_migrate)
def sync_roles_after_migrate(sender, **kwargs) -> None:
    # Each app's permissions appear in its own post_migrate: sync once the last app with models has had its turn.
    last_app = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender.label == last_app.label:
        services.roles_sync()


@receiver(post_save)
def grant_section_permissions(sender, instance, created, raw=False, **kwargs) -> None:
    # A new section page (e.g. a second offer list) gets the roles' grants right away; the apps name the page
    # models in their role grants, which are registered after this module is imported, so the check is per save.
    if created and not raw and sender._meta.label in services.section_page_models():
        services.roles_sync()


@receiver(email_confirmed)
def grant_parent_role(sender, request, email_address, **kwargs) -> None:
    services.user_confirmed_email(user=email_address.user)
