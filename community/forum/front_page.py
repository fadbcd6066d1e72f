"""The forum's panel for the front page: the topics with the most replies lately, in forums the reader may read."""

from __future__ import annotations

import datetime

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.registry import FrontPagePanel, front_page_panels

LIVELY_DAYS = 14
SHOWN = 5


def lively_topics(request, home) -> dict | None:
    """Approved topics ranked by approved posts in the last two weeks (then by the latest of them)."""
    from machina.apps.forum.models import Forum
    from machina.apps.forum_conversation.models import Topic

    from community.forum.services import topic_url

    handler = getattr(request, "forum_permission_handler", None)
    if handler is None:  # outside the forum's middleware (e.g. a page rendered for a mail): nothing to show
        return None
    readable = handler.get_readable_forums(Forum.objects.all(), request.user)
    since = timezone.now() - datetime.timedelta(days=LIVELY_DAYS)
    recent = Q(posts__approved=True, posts__created__gte=since)
    topics = list(
        Topic.objects.filter(forum__in=[forum.pk for forum in readable], approved=True)
        .annotate(recent_posts=Count("posts", filter=recent), latest=Max("posts__created", filter=recent))
        .filter(recent_posts__gt=0)
        .select_related("forum")
        .order_by("-recent_posts", "-latest")[:SHOWN]
    )
    for topic in topics:
        topic.portal_url = topic_url(topic)
        # The opening post counts as a contribution, not as a reply.
        topic.recent_replies = topic.recent_posts - (1 if topic.created >= since else 0)
    return {"topics": topics, "forum_url": reverse("forum:index"), "days": LIVELY_DAYS}


front_page_panels.register(
    FrontPagePanel(
        key="forum_lebhafte_themen",
        label=_("Gerade im Forum besprochen"),
        template="forum_portal/front_page/lively.html",
        context=lively_topics,
        order=60,
        personal=True,  # members-only forums
    )
)
