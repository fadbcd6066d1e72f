from __future__ import annotations

from community.notifications.models import Notification
from core.member_cache import fact, member_value

UNREAD = fact("unread-notifications")


def unread_count(*, user) -> int:
    """Shown in the menu of every page a member sees: kept until one of their notices changes (services.py and the
    signals in apps.py say so)."""
    if not user.is_authenticated:
        return 0
    return member_value(UNREAD, user.pk, lambda: Notification.objects.filter(user=user, read_at__isnull=True).count())


def notifications_of(*, user, limit: int = 50) -> list[Notification]:
    return list(Notification.objects.filter(user=user)[:limit])
