from smtplib import SMTPException

from celery import shared_task

from core.background import claim_once, claim_release
from home.accessibility.models import AccessibilityFeedback
from home.accessibility.services import feedback_mail_send, feedback_purge


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_feedback_mail(feedback_id: int) -> None:
    feedback = AccessibilityFeedback.objects.filter(pk=feedback_id).first()
    if feedback is None:
        return
    # Claimed before sending: a redelivered task sends nothing. A failed send gives the claim back for the retry.
    key = f"accessibility-feedback-mail:{feedback_id}"
    if claim_once(key):
        try:
            feedback_mail_send(feedback=feedback)
        except Exception:
            claim_release(key)
            raise


@shared_task
def purge_feedback() -> int:
    return feedback_purge()
