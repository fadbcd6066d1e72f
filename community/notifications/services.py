"""Telling members about things: a row they see on the site, and one mail sent in the background."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from community.notifications.models import Notification

logger = logging.getLogger(__name__)


def notify(*, users: Iterable, kind: str, title: str, body: str = "", url: str = "") -> list[Notification]:
    """One notice per distinct active account; mails go out after the surrounding transaction commits."""
    from community.notifications.tasks import send_notification_mail
    from home.background import enqueue

    seen, created = set(), []
    for user in users:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        created.append(Notification(user=user, kind=kind, title=title[:200], body=body, url=url))
    Notification.objects.bulk_create(created)
    for notification in created:
        transaction.on_commit(lambda pk=notification.pk: enqueue(send_notification_mail, pk))
    return created


def notification_mail_send(*, notification_id: int, now=None) -> bool:
    """Claim the notice's mail first, so that a retried or duplicated task sends nothing the second time."""
    if not Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(emailed_at=now or timezone.now()):
        return False
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    if not notification.user.email:
        return False
    context = {
        "notification": notification, "name": notification.user.get_display_name(),
        "link": f"{settings.PORTAL_BASE_URL}{notification.url}" if notification.url.startswith("/") else notification.url,
        "settings_url": f"{settings.PORTAL_BASE_URL}/konto/benachrichtigungen/",
    }
    send_mail(f"[Familienportal] {notification.title}", render_to_string("community/mail/notification.txt", context), None, [notification.user.email])
    logger.info("Notification %s mailed to user %s", notification.pk, notification.user_id)
    return True


def notifications_mark_read(*, user, now=None) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=now or timezone.now())
