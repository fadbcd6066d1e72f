"""Reads for the calendar import: which feeds and proposals an account sees, which feeds are due."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q, QuerySet

from core.registry import CalendarTarget, calendar_targets
from home.calendar_feeds.models import CalendarFeed, FeedProposal


def target_for_page(page) -> CalendarTarget | None:
    """The registered target for the page's type (None when its app is not installed or it takes no dates)."""
    label = page.specific_class._meta.label if page.specific_class else ""
    return next((target for target in calendar_targets if target.model == label), None)


def reviews_all_feeds(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("calendar_feeds.review_feedproposal"))


def _owned_page_ids(user) -> list[int]:
    return [page_id for target in calendar_targets for page_id in target.owned(user)]


def feeds_for(*, user) -> QuerySet[CalendarFeed]:
    """The Redaktion sees every feed; a provider's maintainers and a contact point's team see their own."""
    feeds = CalendarFeed.objects.select_related("provider", "offer", "contact_point")
    if reviews_all_feeds(user):
        return feeds
    if not user.is_authenticated:
        return feeds.none()
    return feeds.filter(Q(provider__maintainers=user) | Q(contact_point_id__in=_owned_page_ids(user))).distinct()


def proposals_for(*, user, status: str = FeedProposal.Status.OPEN) -> QuerySet[FeedProposal]:
    proposals = FeedProposal.objects.filter(feed__in=feeds_for(user=user)).select_related(
        "feed", "feed__offer", "feed__contact_point", "decided_by"
    )
    return proposals.filter(status=status) if status else proposals


def feeds_due(*, now: datetime.datetime) -> QuerySet[CalendarFeed]:
    since = now - datetime.timedelta(minutes=settings.CALENDAR_FEED_INTERVAL_MINUTES)
    return CalendarFeed.objects.filter(active=True).filter(
        Q(last_fetched_at__isnull=True) | Q(last_fetched_at__lte=since)
    )
