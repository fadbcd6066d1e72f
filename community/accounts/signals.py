"""Receivers of accounts; each only hands over to a service."""

from allauth.account.signals import email_confirmed
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from community.accounts import roles_sync as services
from community.accounts.mfa import forget_second_factor_state
from community.accounts.models import User


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


@receiver(post_save, sender=Authenticator)
@receiver(post_delete, sender=Authenticator)
def authenticators_changed(sender, instance, **kwargs) -> None:
    # Enrolled or removed (by the member or an administrator): the middleware asks the database again.
    forget_second_factor_state(instance.user_id)


@receiver(post_save, sender=User)
def account_changed(sender, instance, **kwargs) -> None:
    forget_second_factor_state(instance.pk)  # e.g. made a superuser


@receiver(m2m_changed, sender=User.groups.through)
def roles_changed(sender, instance, action, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if isinstance(instance, User):
        forget_second_factor_state(instance.pk)
    else:  # a group's members changed from the group's side
        for user_id in pk_set or User.objects.filter(groups=instance).values_list("pk", flat=True):
            forget_second_factor_state(user_id)
