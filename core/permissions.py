"""Page permissions for accounts that may only touch "their own" pages (an organization's offers, a contact point)."""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from wagtail.models import PagePermissionTester

from core.page_cache import cached_fragment, kept_in_process


class OwnPagesPermissionTester(PagePermissionTester):
    """Accounts without the publish right keep their group's page permissions only where `is_own()` says so."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and "publish" not in self.permissions and not self.is_own():
            self.permissions = set()

    def is_own(self) -> bool:
        raise NotImplementedError

    def can_edit(self):
        # Wagtail lets workflow reviewers into the editor; such an account is never one, an editor keeps "publish".
        if not self.user.is_superuser and not self.permissions:
            return False
        return super().can_edit()


class KeptAccountMixin:
    """The signed-in member's account, kept in the web process under the content version: every request of a member
    loads it, and the query with the model the ORM builds from it was the largest part of what a member's page costs
    more than a guest's. Any save of an account raises the version (core/page_cache.py), so a deactivated account or
    a new password (which ends its sessions) counts on the next request. Only a login's `last_login` does not raise
    it: what shows it reads it from the database. Never written to Redis (kept_in_process)."""

    def get_user(self, user_id):
        user = kept_in_process(
            "account", lambda: get_user_model()._default_manager.filter(pk=user_id).first(), parts=(user_id,)
        )
        return user if user is not None and self.user_can_authenticate(user) else None


class CachedPermissionsBackend(KeptAccountMixin, ModelBackend):
    """Django's ModelBackend, with an account's permissions kept under the content version (core/page_cache.py).

    Every page a member sees asks whether they may open the admin (Wagtail's user bar): two queries each time. Any
    change of an account, a group, its members or its permissions raises the version, so a revoked right is gone on
    the next request; an inactive account has none, as before."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = cached_fragment(
                "permissions",
                lambda: set(super(CachedPermissionsBackend, self).get_all_permissions(user_obj)),
                parts=(user_obj.pk,),
            )
        return user_obj._perm_cache


class KeptAccountAuthenticationBackend(KeptAccountMixin, AuthenticationBackend):
    """allauth's backend (login with the e-mail address), its member's account kept like CachedPermissionsBackend's."""
