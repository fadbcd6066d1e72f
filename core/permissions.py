"""Page permissions for accounts that may only touch "their own" pages (an organization's offers, a contact point)."""

from __future__ import annotations

from wagtail.models import PagePermissionTester


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
