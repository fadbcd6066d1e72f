"""Writes for the calendar import: read a feed into proposals, take a proposal over (as a draft revision that
enters the approval workflow) or decline it. Nothing here publishes a page."""

from __future__ import annotations

import datetime
import logging
from dataclasses import replace

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from core.ical import FeedDate
from home.calendar_feeds import fetch as http
from home.calendar_feeds.models import CalendarFeed, FeedProposal
from home.calendar_feeds.parser import FeedError, parse_feed
from home.calendar_feeds.selectors import feeds_due, feeds_for, target_for_page

logger = logging.getLogger(__name__)
Kind, Status = FeedProposal.Kind, FeedProposal.Status


def feed_refresh(*, feed: CalendarFeed, now: datetime.datetime | None = None) -> int:
    """Reads one feed and brings its proposals up to date; returns how many were created or changed. A feed that
    cannot be read keeps its proposals and gets a German `last_error`; this never raises for a bad feed."""
    now = now or timezone.now()
    feed.last_fetched_at = now
    try:
        fetched = http.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if fetched.not_modified:
            count = 0
        else:
            dates = parse_feed(fetched.body, today=timezone.localdate(now))
            with transaction.atomic():
                count = _sync(feed, dates)
            feed.etag, feed.last_modified = fetched.etag[:300], fetched.last_modified[:100]
        feed.last_error, feed.last_success_at = "", now
    except FeedError as error:
        feed.last_error = str(error)
    except Exception:  # a parser or database surprise must not stop the other feeds of the run
        logger.exception("Calendar feed %s could not be read", feed.pk)
        feed.last_error = _(
            "Der Kalender konnte nicht gelesen werden (unerwarteter Fehler; die Technik ist informiert)."
        )
        count = 0
    feed.save(update_fields=["last_fetched_at", "last_success_at", "last_error", "etag", "last_modified"])
    return 0 if feed.last_error else count


def feeds_refresh_due(*, now: datetime.datetime | None = None) -> int:
    """The beat task's work: every active feed whose interval has passed."""
    now = now or timezone.now()
    return sum(feed_refresh(feed=feed, now=now) for feed in feeds_due(now=now))


def _latest(proposals: list[FeedProposal], status: str) -> FeedProposal | None:
    return next((p for p in proposals if p.status == status), None)


def _sync(feed: CalendarFeed, dates: list[FeedDate]) -> int:
    history: dict[str, list[FeedProposal]] = {}
    for proposal in feed.proposals.order_by("-created_at", "-pk"):
        history.setdefault(proposal.uid, []).append(proposal)
    count = 0
    present = {}
    for date in dates:
        if not date.cancelled:
            present[date.key] = date
    for key, date in present.items():
        known = history.get(key, [])
        if known and known[0].sequence > date.sequence:
            continue  # an older copy of the event (a cache between us and the calendar)
        values = date.as_json()
        open_, applied = _latest(known, Status.OPEN), _latest(known, Status.APPLIED)
        current = applied.values if applied and applied.kind != Kind.REMOVED else None
        declined = _latest(known, Status.DECLINED)
        if open_:
            if open_.values != values or open_.kind == Kind.REMOVED:
                _update(open_, date, kind=Kind.CHANGED if current else Kind.NEW, previous=current)
                count += 1
        elif current is not None:
            if current != values:
                _create(feed, date, kind=Kind.CHANGED, previous=current)
                count += 1
        elif not (declined and declined.values == values):
            _create(feed, date, kind=Kind.NEW, previous=None)
            count += 1
    for key, known in history.items():
        if key in present:
            continue
        open_, applied = _latest(known, Status.OPEN), _latest(known, Status.APPLIED)
        current = applied.values if applied and applied.kind != Kind.REMOVED else None
        if current is None:
            if open_:  # proposed, never taken over, and gone again: nothing to undo
                open_.delete()
                count += 1
            continue
        if open_ and open_.kind == Kind.REMOVED:
            continue
        removal = FeedDate.from_json(key, current)
        if open_:
            _update(open_, removal, kind=Kind.REMOVED, previous=current, values=current)
        else:
            _create(feed, removal, kind=Kind.REMOVED, previous=current, values=current)
        count += 1
    return count


def _create(feed, date: FeedDate, *, kind, previous, values=None) -> FeedProposal:
    return FeedProposal.objects.create(
        feed=feed,
        uid=date.key,
        kind=kind,
        sequence=date.sequence,
        source_modified_at=date.last_modified,
        values=values or date.as_json(),
        previous=previous,
        problem=date.problem,
    )


def _update(proposal: FeedProposal, date: FeedDate, *, kind, previous, values=None) -> None:
    proposal.kind, proposal.previous, proposal.problem = kind, previous, date.problem
    proposal.values = values or date.as_json()
    proposal.sequence, proposal.source_modified_at = date.sequence, date.last_modified
    proposal.save()


def _may_decide(user, proposal: FeedProposal) -> bool:
    return feeds_for(user=user).filter(pk=proposal.feed_id).exists()


@transaction.atomic
def proposal_apply(*, proposal: FeedProposal, user):
    """Writes the date into a draft revision of the offer (or a contact point's event) and submits it to the
    approval workflow; the live page stays as it is until the Redaktion approves."""
    proposal = FeedProposal.objects.select_for_update().select_related("feed").get(pk=proposal.pk)
    if not _may_decide(user, proposal):
        raise PermissionDenied
    if proposal.status != Status.OPEN:
        raise ValidationError(_("Über diesen Vorschlag wurde schon entschieden."))
    if proposal.problem:
        raise ValidationError(proposal.problem)
    feed = proposal.feed
    target = target_for_page(feed.target_page)
    if target is None:
        raise ValidationError(_("Dieses Ziel kann im Portal keine Termine aufnehmen."))
    date = FeedDate.from_json(proposal.uid, proposal.values)
    if proposal.kind == Kind.REMOVED:
        date = replace(date, cancelled=True)
    previous = FeedDate.from_json(proposal.uid, proposal.previous) if proposal.previous else None
    existing = _applied_page_id(proposal)
    page = target.apply(page=feed.target_page.specific, date=date, previous=previous, page_id=existing, user=user)
    _submit_for_review(page, user)
    proposal.status, proposal.decided_by, proposal.decided_at = Status.APPLIED, user, timezone.now()
    proposal.page_id = page.pk
    proposal.save(update_fields=["status", "decided_by", "decided_at", "page", "updated_at"])
    logger.info("Calendar proposal %s applied to page %s by user %s", proposal.pk, page.pk, user.pk)
    return page


def _applied_page_id(proposal: FeedProposal) -> int | None:
    """The page that took this UID over before (a contact point's event), so a change goes to the same page."""
    earlier = (
        FeedProposal.objects.filter(feed=proposal.feed, uid=proposal.uid, status=Status.APPLIED, page__isnull=False)
        .order_by("-decided_at")
        .values_list("page_id", flat=True)
        .first()
    )
    return earlier


def _submit_for_review(page, user) -> None:
    workflow = page.get_workflow()
    if workflow is None:
        return  # no workflow configured: the draft revision waits for an editor to publish it
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None:
        workflow.start(page, user)


@transaction.atomic
def proposal_decline(*, proposal: FeedProposal, user) -> FeedProposal:
    """The date stays out of the portal; the same values are not proposed again."""
    proposal = FeedProposal.objects.select_for_update().get(pk=proposal.pk)
    if not _may_decide(user, proposal):
        raise PermissionDenied
    if proposal.status != Status.OPEN:
        raise ValidationError(_("Über diesen Vorschlag wurde schon entschieden."))
    proposal.status, proposal.decided_by, proposal.decided_at = Status.DECLINED, user, timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    return proposal
