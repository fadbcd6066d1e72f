"""machina's permission handler with the portal's rule for new members."""

from __future__ import annotations

from django.conf import settings
from machina.apps.forum_conversation.models import Post
from machina.apps.forum_permission.handler import PermissionHandler


def member_is_established(user) -> bool:
    """A member whose first posts were let through posts without waiting from then on."""
    if not user.is_authenticated:
        return False
    return Post.objects.filter(poster=user, approved=True).count() >= settings.FORUM_APPROVED_POSTS_TO_SKIP_QUEUE


class PortalPermissionHandler(PermissionHandler):
    def can_post_without_approval(self, forum, user):
        # Moderators have the permission itself; everybody else earns it with approved posts.
        if super().can_post_without_approval(forum, user):
            return True
        return member_is_established(user)

    def can_report_post(self, post, user) -> bool:
        # Members who may write in the forum may report, also in locked topics; never their own post.
        return (
            user.is_authenticated
            and post.approved
            and post.poster_id != user.pk
            and self._perform_basic_permission_check(post.topic.forum, user, "can_reply_to_topics")
        )
