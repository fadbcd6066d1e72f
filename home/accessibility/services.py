"""Reported barriers: stored for the Redaktion, who hear of each one by mail, and deleted a year after they were done."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community.accounts.roles import REDAKTION
from core.background import enqueue
from home.accessibility.models import AccessibilityFeedback
from home.models import PortalSettings

logger = logging.getLogger(__name__)

# Done reports (and the name and address in them) are kept this long for questions back, then deleted.
KEEP_DONE = datetime.timedelta(days=365)


def feedback_submit(
    *, description: str, language: str, page_url: str = "", name: str = "", email: str = ""
) -> AccessibilityFeedback:
    """Store a reported barrier; the Redaktion's mail goes through the outbox with the same commit."""
    from home.accessibility.tasks import send_feedback_mail

    with transaction.atomic():
        feedback = AccessibilityFeedback.objects.create(
            description=description.strip(),
            language=language,
            page_url=page_url.strip(),
            name=name.strip(),
            email=email.strip(),
        )
        enqueue(send_feedback_mail, feedback.pk)
    logger.info("Accessibility feedback %s received (%s)", feedback.pk, language)
    return feedback


def feedback_recipients() -> list[str]:
    """The Redaktion's addresses; the portal's contact address when nobody in the Redaktion has one."""
    editors = Group.objects.get(name=REDAKTION).user_set.filter(is_active=True).exclude(email="")
    addresses = sorted({user.email for user in editors})
    if addresses:
        return addresses
    contact = PortalSettings.objects.filter(site__is_default_site=True).values_list("contact_email", flat=True).first()
    return [contact] if contact else []


def feedback_mail_send(*, feedback: AccessibilityFeedback) -> bool:
    """Tell the Redaktion about a new report (in German, whatever language it was sent in); False if nobody to tell."""
    recipients = feedback_recipients()
    if not recipients:
        logger.warning("Accessibility feedback %s: no address to notify", feedback.pk)
        return False
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "feedback": feedback,
            "admin_url": settings.WAGTAILADMIN_BASE_URL + reverse("accessibilityfeedback:edit", args=[feedback.pk]),
        }
        message = EmailMessage(
            _("[Familienportal] Neue Barriere-Meldung"),
            render_to_string("accessibility/mail/feedback_received.txt", context),
            to=recipients,
            # "Reply" answers the person who reported the barrier, when they gave an address.
            reply_to=[feedback.email] if feedback.email else None,
        )
        message.send()
    return True


def feedback_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete reports that were done more than a year ago (storage limitation, Art. 5 DSGVO); returns how many."""
    now = now or timezone.now()
    deleted, _by_model = AccessibilityFeedback.objects.filter(
        status=AccessibilityFeedback.Status.DONE, updated_at__lt=now - KEEP_DONE
    ).delete()
    if deleted:
        logger.info("Accessibility feedback: %s done reports deleted", deleted)
    return deleted
