"""What the notices contribute: a member's notices in the data download."""

from core.registry import PersonalData, page_cache_ignored, personal_data


def _notices(user) -> list[dict]:
    from community.accounts.services import when
    from community.notifications.models import Notification

    return [
        {"titel": n.title, "text": n.body, "am": when(n.created_at), "gelesen": bool(n.read_at)}
        for n in Notification.objects.filter(user=user).order_by("created_at")
    ]


personal_data.register(
    PersonalData(models=("notifications.Notification",), key="benachrichtigungen", export=_notices, order=90)
)

# A member's notices are only on their own pages, which are never cached.
page_cache_ignored.register("notifications")
