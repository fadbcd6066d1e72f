"""Receivers of the offer directory; each only hands over to a service."""

from django.dispatch import receiver
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier, WorkflowStateRejectionEmailNotifier
from wagtail.models import Page, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from home.offers import services
from home.offers.models import OfferPage


def _offer(workflow_state) -> OfferPage | None:
    page = workflow_state.content_object
    if isinstance(page, Page) and page.specific_class is OfferPage:
        return page.specific
    return None


@receiver(workflow_approved)
def offer_approved(sender, instance, user=None, **kwargs) -> None:
    offer = _offer(instance)
    if offer is not None:
        services.offer_decision_notify(offer=offer, approved=True)


@receiver(workflow_rejected)
def offer_declined(sender, instance, user=None, **kwargs) -> None:
    offer = _offer(instance)
    if offer is not None:
        task_state = instance.current_task_state
        services.offer_decision_notify(
            offer=offer, approved=False, reason=(task_state.comment if task_state else "").strip()
        )


class _WithoutOfferMaintainers:
    """Wagtail mails the outcome to whoever submitted; an offer's maintainers get the portal's own mail instead
    (German, with the live page or the reason), so they would read it twice."""

    def get_recipient_users(self, workflow_state, **kwargs):
        recipients = super().get_recipient_users(workflow_state, **kwargs)
        offer = _offer(workflow_state)
        if offer is None or not offer.provider_id:
            return recipients
        return recipients - set(offer.provider.maintainers.all())


class ApprovalMailNotifier(_WithoutOfferMaintainers, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionMailNotifier(_WithoutOfferMaintainers, WorkflowStateRejectionEmailNotifier):
    pass


def replace_wagtail_outcome_mails() -> None:
    """Put the notifiers above in the place of Wagtail's (same dispatch ids, so whichever app is ready first wins)."""
    for signal, notifier, dispatch_uid in (
        (workflow_approved, ApprovalMailNotifier(), "workflow_state_approved_email_notification"),
        (workflow_rejected, RejectionMailNotifier(), "workflow_state_rejected_email_notification"),
    ):
        signal.disconnect(sender=WorkflowState, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=WorkflowState, dispatch_uid=dispatch_uid, weak=False)
