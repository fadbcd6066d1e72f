"""Telling members about things: a row they see on the site, and one mail sent in the background."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import ngettext, override

from community.accounts.languages import in_language_of, recipient_language, send_mail
from community.notifications.models import Notification
from community.notifications.selectors import UNREAD
from core.member_cache import member_value_changed

logger = logging.getLogger(__name__)

# A notice's text or link: a string as it is, or a function called in the recipient's language (gettext, reverse()
# and page.localized then give that language's words and pages).
Text = str | Callable[[], str]


def _evaluated(text: Text) -> str:
    return str(text() if callable(text) else text)


def _in_language(language: str, *texts: Text) -> tuple[str, ...]:
    with override(language):
        return tuple(_evaluated(text) for text in texts)


def notify(
    *,
    users: Iterable,
    kind: str,
    title: Text,
    body: Text = "",
    url: Text = "",
    mail_mode: Callable[[object], str] | None = None,
    unsubscribe_url: Callable[[object], str] | None = None,
) -> list[Notification]:
    """One notice per distinct active account; mails go out (through the outbox) after the surrounding transaction commits.

    `title`, `body` and `url` given as functions are evaluated in each recipient's language (once per language), so the
    notice, and the mail made from it, read in the member's language and link to the pages in it.
    `mail_mode(user)` says "now" (the default), "digest" (the daily summary collects it) or "none";
    `unsubscribe_url(user)` gives the one-click link that the mail carries."""
    from community.notifications.tasks import send_notification_mail
    from core.background import enqueue

    seen, created = set(), []
    texts: dict[str, tuple[str, ...]] = {}
    for user in users:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        language = recipient_language(user)
        if language not in texts:
            texts[language] = _in_language(language, title, body, url)
        user_title, user_body, user_url = texts[language]
        mode = mail_mode(user) if mail_mode else "now"
        created.append(
            Notification(
                user=user,
                kind=kind,
                title=user_title[:200],
                body=user_body,
                url=user_url,
                digest=mode == "digest",
                # "none": the mail counts as done, so neither a task nor the digest ever picks it up.
                emailed_at=timezone.now() if mode == "none" else None,
                unsubscribe_url=unsubscribe_url(user) if unsubscribe_url else "",
            )
        )
    Notification.objects.bulk_create(created)
    member_value_changed(UNREAD, *(notification.user_id for notification in created))
    for notification in created:
        if not notification.digest and not notification.emailed_at:
            enqueue(send_notification_mail, notification.pk)  # through the outbox, after the commit
    return created


def absolute_url(url: str) -> str:
    return f"{settings.PORTAL_BASE_URL}{url}" if url.startswith("/") else url


def notification_mail_send(*, notification_id: int, now=None) -> bool:
    """Claim the notice's mail first, so that a retried or duplicated task sends nothing the second time."""
    if not Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=now or timezone.now()
    ):
        return False
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    if not notification.user.email:
        return False
    context = {
        "notification": notification,
        "name": notification.user.get_display_name(),
        "link": absolute_url(notification.url),
        "settings_url": f"{settings.PORTAL_BASE_URL}/konto/benachrichtigungen/",
        "unsubscribe_link": absolute_url(notification.unsubscribe_url),
    }
    try:
        member_mail_send(
            user=notification.user,
            subject=f"[Familienportal] {notification.title}",
            template="notifications/mail/notification.txt",
            context=context,
        )
    except Exception:
        # Give the claim back so that the task's retry can send it; the mail server said no, nothing went out.
        Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
        raise
    logger.info("Notification %s mailed to user %s", notification.pk, notification.user_id)
    return True


def member_mail_send(*, user, subject: str, template: str, context: dict) -> None:
    """A mail to one member: `template` rendered in their language, marked with it (Content-Language). A translated
    subject is the caller's, made inside `in_language_of(user)` as well."""
    with in_language_of(user):
        send_mail(subject, render_to_string(template, context), None, [user.email])


def notifications_mark_read(*, user, now=None) -> int:
    marked = Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=now or timezone.now())
    member_value_changed(UNREAD, user.pk)
    return marked


def digests_send(*, stop_link: Callable[[object], str], now=None) -> int:
    """One summary mail per member for the notices collected for the digest; each notice is claimed before sending.

    `stop_link(user)` is the one-click link that ends all such mail (the forum's, which owns the digest)."""
    now = now or timezone.now()
    user_ids = (
        Notification.objects.filter(digest=True, emailed_at__isnull=True).values_list("user", flat=True).distinct()
    )
    sent = 0
    for user_id in list(user_ids):
        pending = list(
            Notification.objects.filter(user_id=user_id, digest=True, emailed_at__isnull=True)
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)
        )
        # Claim exactly the rows we read: a parallel run claims none of them and sends nothing.
        if not Notification.objects.filter(pk__in=pending, emailed_at__isnull=True).update(emailed_at=now):
            continue
        notices = list(
            Notification.objects.filter(pk__in=pending, emailed_at=now)
            .select_related("user")
            .order_by("created_at", "pk")
        )
        user = notices[0].user
        if not user.email or not user.is_active:
            continue
        context = {
            "name": user.get_display_name(),
            "notices": [
                {"notification": n, "link": absolute_url(n.url), "unsubscribe_link": absolute_url(n.unsubscribe_url)}
                for n in notices
            ],
            "settings_url": f"{settings.PORTAL_BASE_URL}/konto/benachrichtigungen/",
            "stop_link": absolute_url(stop_link(user)),
        }
        with in_language_of(user):
            subject = ngettext(
                "[Familienportal] %(count)s Neuigkeit aus dem Forum",
                "[Familienportal] %(count)s Neuigkeiten aus dem Forum",
                len(notices),
            ) % {"count": len(notices)}
        member_mail_send(user=user, subject=subject, template="forum_portal/mail/digest.txt", context=context)
        logger.info("Digest with %s notices mailed to user %s", len(notices), user.pk)
        sent += 1
    return sent
