from celery import shared_task

from home.calendar_feeds.services import feeds_refresh_due


@shared_task
def refresh_calendar_feeds() -> int:
    """Celery beat: read the feeds that are due; their dates become proposals, never pages."""
    return feeds_refresh_due()
