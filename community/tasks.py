"""Celery's autodiscovery imports `<app>.tasks`; the tasks live next to their features."""

from community.forum.tasks import announce_post, send_forum_digests  # noqa: F401
from community.notifications.tasks import send_notification_mail  # noqa: F401
