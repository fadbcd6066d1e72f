"""The portal's Celery tasks: the ones defined here, and the feature tasks Celery's autodiscovery would not find."""

import logging
from smtplib import SMTPException

from celery import shared_task
from django.utils.module_loading import import_string

from home.contact_points.tasks import send_volunteer_mail, send_volunteer_reminders  # noqa: F401
from home.kita.tasks import notify_place_alerts  # noqa: F401

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def run_django_task(module_path: str, args: list, kwargs: dict):
    """Run a django-tasks task (Wagtail's search index and reference index updates, …) on a Celery worker."""
    task = import_string(module_path)
    logger.info("Running %s", module_path)
    return task.call(*args, **kwargs)


@shared_task
def drain_outbox() -> int:
    from home.background import outbox_drain

    return outbox_drain()


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def flag_stale_offers() -> int:
    from home.offers.services import offers_flag_stale

    return offers_flag_stale()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def unpublish_past_pages() -> int:
    from home.services import past_pages_unpublish

    return past_pages_unpublish()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def create_image_renditions(image_id: int) -> int:
    from home.services import image_renditions_create

    return image_renditions_create(image_id=image_id)
