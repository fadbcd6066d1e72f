"""What each role may do in machina's forums; synced after every role sync (see registry.py)."""

from __future__ import annotations

from community.accounts.roles import ANBIETER, ELTERN, FAMILIENPUNKT_TEAM, KITA_LEITUNG, MODERATION, REDAKTION

FORUM_READING = ["can_see_forum", "can_read_forum"]
# No attachments (photos of children, files nobody reviews) and no polls (they need machina's JavaScript).
FORUM_WRITING = FORUM_READING + [
    "can_start_new_topics",
    "can_reply_to_topics",
    "can_edit_own_posts",
    "can_delete_own_posts",
]
FORUM_MODERATING = FORUM_WRITING + [
    "can_post_without_approval",
    "can_lock_topics",
    "can_move_topics",
    "can_edit_posts",
    "can_delete_posts",
    "can_approve_posts",
    "can_reply_to_locked_topics",
    "can_post_stickies",
    "can_post_announcements",
]
FORUM_PERMISSIONS = {
    REDAKTION: FORUM_MODERATING,
    MODERATION: FORUM_MODERATING,
    ELTERN: FORUM_WRITING,
    ANBIETER: FORUM_WRITING,
    KITA_LEITUNG: FORUM_WRITING,
    FAMILIENPUNKT_TEAM: FORUM_WRITING,
}


def forum_permissions_sync() -> None:
    """Each role gets exactly its forum grants on every forum; everybody reads the public forums."""
    from django.contrib.auth.models import Group
    from machina.apps.forum_permission.models import ForumPermission, GroupForumPermission, UserForumPermission

    for role_name, codenames in FORUM_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role_name)
        for codename in codenames:
            permission, _created = ForumPermission.objects.get_or_create(codename=codename)
            GroupForumPermission.objects.update_or_create(
                group=group, forum=None, permission=permission, defaults={"has_perm": True}
            )
        # A grant dropped from the role is withdrawn too (per-forum rows belong to members-only forums).
        GroupForumPermission.objects.filter(group=group, forum=None).exclude(
            permission__codename__in=codenames
        ).delete()
    for codename in FORUM_READING:
        permission, _created = ForumPermission.objects.get_or_create(codename=codename)
        for who in ({"anonymous_user": True}, {"authenticated_user": True}):
            UserForumPermission.objects.update_or_create(
                forum=None, permission=permission, user=None, **who, defaults={"has_perm": True}
            )
    UserForumPermission.objects.filter(forum=None, user=None).exclude(permission__codename__in=FORUM_READING).delete()
