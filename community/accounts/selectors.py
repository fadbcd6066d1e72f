from __future__ import annotations

from allauth.account.models import EmailAddress

from community.accounts.models import User
from community.accounts.roles import ROLE_NAMES
from core.registry import profile_sections


def profile_summary(*, user: User) -> dict:
    """What the profile page shows about an account: its roles, e-mail state and admin access."""
    return {
        "roles": [name for name in user.groups.values_list("name", flat=True) if name in ROLE_NAMES],
        "email_verified": EmailAddress.objects.filter(user=user, verified=True).exists(),
        "can_access_admin": user.has_perm("wagtailadmin.access_admin"),
    }


def has_confirmed_email(user) -> bool:
    """Registered, active and with a confirmed e-mail address: the bar for taking part (volunteering, suggestions)."""
    return bool(
        user.is_authenticated and user.is_active and EmailAddress.objects.filter(user=user, verified=True).exists()
    )


def profile_sections_of(*, user: User) -> list[tuple]:
    """The apps' parts of the profile page (volunteer shifts, suggestions, wiki edits, …) with their data."""
    return [(section, section.context(user)) for section in profile_sections]
