"""machina's permission handler with the portal's rule for new members."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.checker import ForumPermissionChecker
from machina.apps.forum_permission.handler import PermissionHandler
from mptt.utils import get_cached_trees

from core.member_cache import fact, member_value, member_value_changed
from core.page_cache import cached_fragment


def member_is_established(user) -> bool:
    """A member whose first posts were let through posts without waiting from then on."""
    if not user.is_authenticated:
        return False
    return Post.objects.filter(poster=user, approved=True).count() >= settings.FORUM_APPROVED_POSTS_TO_SKIP_QUEUE


SANCTIONS = fact("forum-sanctions")  # core/member_cache.py


# The topics a member follows and those they wrote in, asked on every topic they read (the "Thema folgen" button,
# which copy of the posts they get); emptied by apps.py when a subscription or a post of theirs changes.
FOLLOWED = fact("forum-topics-followed")
POSTED = fact("forum-topics-posted")


def sanctions_forget(user_id: int) -> None:
    member_value_changed(SANCTIONS, user_id)


def followed_topic_ids(user) -> frozenset[int]:
    return member_value(
        FOLLOWED,
        user.pk,
        lambda: frozenset(Topic.subscribers.through.objects.filter(user=user).values_list("topic_id", flat=True)),
    )


def posted_topic_ids(user) -> frozenset[int]:
    return member_value(
        POSTED,
        user.pk,
        lambda: frozenset(Post.objects.filter(poster=user).values_list("topic_id", flat=True).distinct()),
    )


def current_sanction(user, *, kind: str | None = None):
    """The member's running MemberSanction (of `kind`), the one lasting longest; None once it has ended, so no job
    has to lift it. Cached per member (every forum page and request asks), forgotten when one is set or lifted."""
    if not getattr(user, "is_authenticated", False):
        return None
    from community.forum.models import MemberSanction

    now = timezone.now()
    pending = member_value(
        SANCTIONS,
        user.pk,
        lambda: list(MemberSanction.objects.filter(member_id=user.pk, lifted_at__isnull=True, ends_at__gt=now)),
        seconds=600,
    )
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

    def can_subscribe_to_topic(self, topic, user):
        # machina loads all of the topic's followers to see whether the reader is one of them.
        return (
            user.is_authenticated
            and topic.pk not in followed_topic_ids(user)
            and self._perform_basic_permission_check(topic.forum, user, "can_read_forum")
        )

    def can_unsubscribe_from_topic(self, topic, user):
        return (
            user.is_authenticated
            and topic.pk in followed_topic_ids(user)
            and self._perform_basic_permission_check(topic.forum, user, "can_read_forum")
        )

    def can_post_without_approval(self, forum, user):
        # Moderators have the permission itself; everybody else earns it with approved posts.
        if super().can_post_without_approval(forum, user):
            return True
        return member_is_established(user)

    def can_report_post(self, post, user) -> bool:
        # Members who may write in the forum may report, also in locked topics; never their own post.
        return post.approved and post.poster_id != user.pk and self._may_report_in(post.topic.forum, user)

    def _may_report_in(self, forum, user) -> bool:
        return user.is_authenticated and self._perform_basic_permission_check(forum, user, "can_reply_to_topics")

    def posts_viewer(self, topic, user) -> str:
        """Which shared copy of a topic's posts a reader gets (the `{% fragment %}` of
        forum_conversation/topic_detail.html). The links under a post (Bearbeiten, Löschen, Melden) depend on the reader
        only through what this returns: a guest; a member who wrote none of the posts and moderates nothing, who may
        report or not; anybody else (an author, a moderator, a superuser, a silenced member) gets a copy of their own."""
        if not user.is_authenticated:
            return "guest"
        forum = topic.forum
        checker = self._get_checker(user)
        if (
            user.is_superuser
            or checker.has_perm("can_edit_posts", forum)
            or checker.has_perm("can_delete_posts", forum)
            or is_silenced(user)
            or topic.pk in posted_topic_ids(user)
        ):
            return f"member:{user.pk}"
        return "member:reports" if self._may_report_in(forum, user) else "member:reads"
