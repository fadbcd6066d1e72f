"""Celery tasks of the offer directory."""

from smtplib import SMTPException

from celery import shared_task


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def flag_stale_offers() -> int:
    from home.offers.services import offers_flag_stale

    return offers_flag_stale()
