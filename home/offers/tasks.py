"""Celery tasks of the offer directory."""

from smtplib import SMTPException

from celery import shared_task


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def flag_stale_offers() -> int:
    from home.offers.services import offers_flag_stale

    return offers_flag_stale()


@shared_task
def run_offer_import(import_id: int) -> None:
    # Not retried on its own: a failed import is reported on its page, and the officer decides whether to try again.
    from home.offers.services import offer_import_run

    offer_import_run(import_id=import_id)
