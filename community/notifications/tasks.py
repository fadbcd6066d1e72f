from smtplib import SMTPException

from celery import shared_task

from community.notifications.services import notification_mail_send


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_notification_mail(notification_id: int) -> bool:
    return notification_mail_send(notification_id=notification_id)
