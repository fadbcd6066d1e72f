from celery import shared_task

from home.kita.models import PlaceReport
from home.kita.services import alerts_notify


@shared_task(bind=True, autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5, acks_late=True)
def notify_place_alerts(self, report_id: int) -> int:
    """Mail the parents whose saved search matches a newly reported free place (idempotent per alert and report)."""
    report = PlaceReport.objects.filter(pk=report_id).select_related("daycare").first()
    return alerts_notify(report=report) if report else 0
