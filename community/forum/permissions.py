"""machina's permission handler with the portal's rule for new members."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from machina.apps.forum_conversation.models import Post
from machina.apps.forum_permission.handler import PermissionHandler


def member_is_established(user) -> bool:
    """A member whose first posts were let through posts without waiting from then on."""
    if not user.is_authenticated:
        return False
    return Post.objects.filter(poster=user, approved=True).count() >= settings.FORUM_APPROVED_POSTS_TO_SKIP_QUEUE


def _sanctions_cache_key(user_id: int) -> str:
    return f"forum:sanctions:{user_id}"


def sanctions_forget(user_id: int) -> None:
    cache.delete(_sanctions_cache_key(user_id))


def current_sanction(user, *, kind: str | None = None):
    """The member's running MemberSanction (of `kind`), the one lasting longest; None once it has ended, so no job
    has to lift it. Cached per member (every forum page and request asks), forgotten when one is set or lifted."""
    if not getattr(user, "is_authenticated", False):
        return None
    from community.forum.models import MemberSanction

    now = timezone.now()
    pending = cache.get(_sanctions_cache_key(user.pk))
    if pending is None:
        pending = list(MemberSanction.objects.filter(member_id=user.pk, lifted_at__isnull=True, ends_at__gt=now))
        cache.set(_sanctions_cache_key(user.pk), pending, timeout=600)
    running = [s for s in pending if s.starts_at <= now < s.ends_at and (kind is None or s.kind == kind)]
    return max(running, key=lambda s: s.ends_at) if running else None


def is_silenced(user) -> bool:
    """Silenced or suspended for now: such a member reads but writes nothing in the forum."""
    return current_sanction(user) is not None


class PortalPermissionHandler(PermissionHandler):
    def can_add_topic(self, forum, user):
        return super().can_add_topic(forum, user) and not is_silenced(user)

    def can_add_post(self, topic, user):
        return super().can_add_post(topic, user) and not is_silenced(user)

    def can_edit_post(self, post, user):
        return super().can_edit_post(post, user) and not is_silenced(user)

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
