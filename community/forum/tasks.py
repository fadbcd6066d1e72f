from smtplib import SMTPException

from celery import shared_task

from community.notifications.services import digests_send


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_forum_digests() -> int:
    return digests_send()
