"""Page permissions for accounts that may only touch "their own" pages (an organization's offers, a contact point)."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from wagtail.models import PagePermissionTester

from core.page_cache import cached_fragment


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


class CachedPermissionsBackend(ModelBackend):
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
