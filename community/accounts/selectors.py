from __future__ import annotations

from allauth.account.models import EmailAddress

from community.accounts.models import User
from community.accounts.roles import ROLE_NAMES
from core.member_cache import fact, member_value
from core.registry import profile_sections

# core/member_cache.py: the member has a confirmed e-mail address (emptied by apps.py when an address changes).
EMAIL_CONFIRMED = fact("email-confirmed")


def profile_summary(*, user: User) -> dict:
    """What the profile page shows about an account: its roles, e-mail state and admin access."""
    return {
        "roles": [name for name in user.groups.values_list("name", flat=True) if name in ROLE_NAMES],
        "email_verified": EmailAddress.objects.filter(user=user, verified=True).exists(),
        "can_access_admin": user.has_perm("wagtailadmin.access_admin"),
    }


def has_confirmed_email(user) -> bool:
    """Registered, active and with a confirmed e-mail address: the bar for taking part (volunteering, suggestions)."""
    if not (user.is_authenticated and user.is_active):
        return False
    # Asked on most pages a member sees (forum, wiki, search): kept per member until one of their addresses changes.
    return member_value(
        EMAIL_CONFIRMED, user.pk, lambda: EmailAddress.objects.filter(user=user, verified=True).exists()
    )


def profile_sections_of(*, user: User) -> list[tuple]:
    """The apps' parts of the profile page (volunteer shifts, suggestions, wiki edits, …) with their data."""
    return [(section, section.context(user)) for section in profile_sections]
