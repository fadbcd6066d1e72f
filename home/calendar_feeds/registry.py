"""What the calendar import contributes: grants for owners and the Redaktion, its part of the review inbox, the
reviewer's name as personal data; none of its tables is shown on a public page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.accounts.roles import ANBIETER, FAMILIENPUNKT_TEAM, REDAKTION
from core.registry import (
    PersonalData,
    ReviewItem,
    ReviewSource,
    RoleGrants,
    page_cache_ignored,
    personal_data,
    review_sources,
    role_grants,
)

FEEDS = {"calendar_feeds.calendarfeed": ("add", "change", "delete", "view")}
role_grants.register(
    RoleGrants(REDAKTION, model_permissions={**FEEDS, "calendar_feeds.feedproposal": ("view", "review")})
)
# Owners manage their own feeds only (admin_views scopes every view to them) and decide their own proposals.
role_grants.register(RoleGrants(ANBIETER, model_permissions=FEEDS))
role_grants.register(RoleGrants(FAMILIENPUNKT_TEAM, model_permissions=FEEDS))
page_cache_ignored.register("calendar_feeds")
personal_data.register(
    PersonalData(
        models=("calendar_feeds.FeedProposal",),
        reason="Only who decided a proposal; the link is cleared with the account (SET_NULL).",
    )
)


def _allowed(user) -> bool:
    from home.calendar_feeds.selectors import reviews_all_feeds

    return reviews_all_feeds(user)


def _items(user) -> list[ReviewItem]:
    from home.calendar_feeds.selectors import proposals_for

    url = reverse("calendar_feed_proposals")
    return [
        ReviewItem(
            kind="kalender",
            kind_label=proposal.get_kind_display(),
            title=proposal.values.get("title", ""),
            author=str(proposal.feed),
            created_at=proposal.created_at,
            url=url,
        )
        for proposal in proposals_for(user=user)
    ]


def _count(user) -> int:
    from home.calendar_feeds.selectors import proposals_for

    return proposals_for(user=user).count()


review_sources.register(
    ReviewSource(key="kalender", label=_("Kalender-Termine"), allowed=_allowed, items=_items, count=_count, order=80)
)
