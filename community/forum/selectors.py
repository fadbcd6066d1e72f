"""Reads for the moderation queue and the language of posts."""

from __future__ import annotations

from collections import OrderedDict

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from machina.apps.forum_conversation.models import Post

from community.forum.models import PostReport


def post_language(post: Post) -> str:
    """The language a post is written in; posts from before languages were recorded are German."""
    try:
        return post.portal_language.language
    except ObjectDoesNotExist:
        return settings.LANGUAGE_CODE


def reported_posts(*, forums) -> list[dict]:
    """Posts with open reports, oldest report first, each with its reports."""
    reports = (
        PostReport.objects.filter(outcome=PostReport.Outcome.OPEN, post__topic__forum__in=forums)
        .select_related(
            "post__topic__forum", "post__topic__first_post", "post__poster", "post__portal_moderation", "reporter"
        )
        .order_by("created_at", "pk")
    )
    grouped: OrderedDict[int, dict] = OrderedDict()
    for report in reports:
        entry = grouped.setdefault(report.post_id, {"post": report.post, "reports": []})
        entry["reports"].append(report)
    return list(grouped.values())


def waiting_posts(*, forums):
    """Posts of new members waiting for their first approval (posts hidden by reports are listed with the reports)."""
    return (
        Post.objects.filter(approved=False, topic__forum__in=forums)
        .exclude(portal_moderation__hidden_by_reports=True)
        .exclude(portal_moderation__removed_at__isnull=False)
        .select_related("topic__forum", "topic__first_post", "poster", "portal_language")
        .order_by("created", "pk")
    )


def removed_posts(*, forums, since):
    """Posts removed since `since` (the undo period): moderators can still bring them back."""
    return (
        Post.objects.filter(topic__forum__in=forums, portal_moderation__removed_at__gt=since)
        .select_related("topic__forum", "poster", "portal_moderation__removed_by")
        .order_by("-portal_moderation__removed_at")
    )


def member_history(*, member) -> dict:
    """What the moderation needs to judge a member: their posts (also waiting or removed ones), the reports against
    them and by them, earlier decisions and sanctions."""
    from community.forum.models import MemberSanction, ModerationDecision

    return {
        "posts": Post.objects.filter(poster=member)
        .select_related("topic__forum", "portal_moderation")
        .order_by("-created")[:50],
        "post_count": Post.objects.filter(poster=member).count(),
        "reports_against": PostReport.objects.filter(post__poster=member)
        .select_related("post__topic", "reporter")
        .order_by("-created_at")[:50],
        "reports_made": PostReport.objects.filter(reporter=member)
        .select_related("post__topic")
        .order_by("-created_at")[:50],
        "decisions": ModerationDecision.objects.filter(member=member).select_related("moderator")[:50],
        "sanctions": MemberSanction.objects.filter(member=member).select_related("created_by"),
    }
