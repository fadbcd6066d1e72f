"""Housekeeping across the directories, run by Celery beat: past dates go offline, new images get their renditions."""

from __future__ import annotations

import datetime
import logging

from django.utils import timezone

logger = logging.getLogger(__name__)

# The renditions the public templates and the admin ask for; made right after an upload, not on the first visit.
IMAGE_RENDITIONS = ("width-960", "max-165x165")


def past_pages_unpublish(*, today: datetime.date | None = None) -> int:
    """Take pages whose last date has passed offline (offers, events: the lists hide them already; this ends their
    pages too). A page model takes part by setting `unpublish_after_last_date = True` and having `last_date`."""
    from django.apps import apps

    today = today or timezone.localdate()
    count = 0
    for model in [m for m in apps.get_models() if getattr(m, "unpublish_after_last_date", False)]:
        for page in model.objects.live().filter(last_date__lt=today):
            page.unpublish(log_action=True)  # idempotent: a page that is already offline is not selected again
            count += 1
    if count:
        logger.info("Unpublished %s offers and events whose last date has passed", count)
    return count


def image_renditions_create(*, image_id: int) -> int:
    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0  # deleted before the worker came to it
    renditions = image.get_renditions(*IMAGE_RENDITIONS)
    logger.info("Image %s: %s renditions ready", image_id, len(renditions))
    return len(renditions)
