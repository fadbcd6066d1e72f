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
        .select_related("topic__forum", "topic__first_post", "poster", "portal_language")
        .order_by("created", "pk")
    )
