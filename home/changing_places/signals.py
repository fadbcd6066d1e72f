"""Receivers of the changing places; each only hands over to a service."""

from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import workflow_rejected

from home.changing_places import services
from home.changing_places.models import ChangingPlacePage


@receiver(workflow_rejected)
def suggestion_rejected(sender, instance, user=None, **kwargs) -> None:
    page = instance.content_object
    if isinstance(page, Page) and page.specific_class is ChangingPlacePage:
        task_state = instance.current_task_state
        services.suggestion_declined(place=page.specific, reason=(task_state.comment if task_state else "").strip())
