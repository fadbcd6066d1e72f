"""machina's permission handler with the portal's rule for new members."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post
from machina.apps.forum_permission.checker import ForumPermissionChecker
from machina.apps.forum_permission.handler import PermissionHandler
from mptt.utils import get_cached_trees

from core.page_cache import cached_fragment


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


class CachedForumPermissionChecker(ForumPermissionChecker):
    """machina's checker, its answers kept under the content version (core/page_cache.py): every forum page asks
    two to three times (may read this forum, which forums to list, the moderation queue), two queries each. Any
    write of a forum permission, a group membership or a forum raises the version."""

    def get_perms_for_forumlist(self, forums, perm_codenames=None):
        forums = list(forums)
        who = "anonymous" if self.user.is_anonymous else self.user.pk
        parts = (who, tuple(f.pk if f is not None else None for f in forums), tuple(perm_codenames or ()))

        def compute() -> dict:
            found = super(CachedForumPermissionChecker, self).get_perms_for_forumlist(forums, perm_codenames)
            return {(f.pk if f is not None else None): set(codes) for f, codes in found.items()}

        by_id = cached_fragment("forum-permissions", compute, parts=parts)
        return {f: by_id.get(f.pk if f is not None else None, set()) for f in forums}


class PortalPermissionHandler(PermissionHandler):
    # The forum tree and each member's forum permissions change rarely; kept until something changes.

    def _get_checker(self, user):
        key = user.id if not user.is_anonymous else "anonymous"
        if key not in self._user_perm_checkers_cache:
            self._user_perm_checkers_cache[key] = CachedForumPermissionChecker(user)
        return self._user_perm_checkers_cache[key]

    def _get_all_forums(self):
        if not hasattr(self, "_all_forums"):
            self._all_forums = cached_fragment("forums", lambda: list(Forum.objects.all()))
        return self._all_forums

    def _get_top_nodes(self):
        if not hasattr(self, "_top_nodes"):
            self._top_nodes = cached_fragment("forum-tree", lambda: get_cached_trees(Forum.objects.all()))
        return self._top_nodes

    def _filter_granted_forums_using_tree(self, granted_forums):
        # machina returns a new query for these ids; the forums are at hand already.
        granted_ids = set()
        for node in self._get_top_nodes():
            granted_ids.update(self._filter_granted_node_using_tree(node, granted_forums))
        return [forum for forum in self._get_all_forums() if forum.id in granted_ids]

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
