"""Celery tasks of the shared mechanisms: the outbox drain and Wagtail's django-tasks jobs."""

import logging

from celery import shared_task
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=600, max_retries=8)
def run_django_task(module_path: str, args: list, kwargs: dict):
    """Run a django-tasks task (Wagtail's search index and reference index updates, …) on a Celery worker."""
    task = import_string(module_path)
    logger.info("Running %s", module_path)
    return task.call(*args, **kwargs)


@shared_task
def drain_outbox() -> int:
    from core.background import outbox_drain

    return outbox_drain()


@shared_task
def expire_submit_keys() -> int:
    from core.submit_once import submit_keys_expire

    return submit_keys_expire()
