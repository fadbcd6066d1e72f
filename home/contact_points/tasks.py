from smtplib import SMTPException

from celery import shared_task

from core.background import claim_once, claim_release
from home.contact_points.models import VolunteerSignup
from home.contact_points.services import volunteer_mail_send, volunteer_reminders_send


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_volunteer_mail(signup_id: int, kind: str) -> None:
    signup = VolunteerSignup.objects.select_related("shift__role__contact_point", "user").filter(pk=signup_id).first()
    if signup is None or (kind == "confirmation" and signup.cancelled_at is not None):
        return  # withdrawn before the mail went out
    # Claimed before sending: a redelivered task sends nothing. A failed send gives the claim back for the retry.
    key = f"volunteer-mail:{kind}:{signup_id}"
    if claim_once(key):
        try:
            volunteer_mail_send(signup=signup, kind=kind)
        except Exception:
            claim_release(key)
            raise


@shared_task
def send_volunteer_reminders() -> int:
    return volunteer_reminders_send()
