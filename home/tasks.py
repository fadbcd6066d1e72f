"""Celery tasks of `home`: city-wide housekeeping."""

from celery import shared_task


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def unpublish_past_pages() -> int:
    from home.services import past_pages_unpublish

    return past_pages_unpublish()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def create_image_renditions(image_id: int) -> int:
    from home.services import image_renditions_create

    return image_renditions_create(image_id=image_id)
