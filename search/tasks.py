"""Index updates run as background tasks (core/background.py's outbox), within seconds of a change."""

from celery import shared_task
from django.db import OperationalError


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def refresh_search_documents(keys: list[str]) -> dict:
    from search.services import documents_refresh

    return documents_refresh(keys)


@shared_task
def search_catch_up() -> dict:
    from search.services import engine_catch_up

    return engine_catch_up()


@shared_task
def expire_query_weeks() -> int:
    from search.analytics import weeks_expire

    return weeks_expire()
