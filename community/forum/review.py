"""The forum's part of the review inbox, for moderators: posts waiting for approval and reported posts."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.forum import selectors
from community.forum.permissions import PortalPermissionHandler
from core.registry import ReviewItem, ReviewSource, review_sources
from core.review import display_name


def _forums(user):
    if not user.is_authenticated:
        return []
    return PortalPermissionHandler().get_moderation_queue_forums(user)


def _items(user) -> list[ReviewItem]:
    forums = _forums(user)
    queue = reverse("forum-moderation")
    items = [
        ReviewItem(
            kind="forum",
            kind_label=_("Forenbeitrag (wartet auf Freigabe)"),
            title=post.subject or post.topic.subject,
            author=display_name(post.poster) if post.poster_id else (post.username or ""),
            created_at=post.created,
            url=f"{queue}#beitrag-{post.pk}",
            note=post.topic.forum.name,
        )
        for post in selectors.waiting_posts(forums=forums)
    ]
    items += [
        ReviewItem(
            kind="forum",
            kind_label=_("Forenbeitrag (gemeldet)"),
            title=entry["post"].subject or entry["post"].topic.subject,
            author=display_name(entry["post"].poster) if entry["post"].poster_id else "",
            created_at=entry["reports"][0].created_at,
            url=f"{queue}#beitrag-{entry['post'].pk}",
            note="; ".join(str(report.get_reason_display()) for report in entry["reports"]),
        )
        for entry in selectors.reported_posts(forums=forums)
    ]
    return items


def _count(user) -> int:
    forums = _forums(user)
    return selectors.waiting_posts(forums=forums).count() + len(selectors.reported_posts(forums=forums))


review_sources.register(
    ReviewSource(
        key="forum",
        label=_("Forum"),
        allowed=lambda user: bool(_forums(user)),
        items=_items,
        count=_count,
        order=60,
    )
)
