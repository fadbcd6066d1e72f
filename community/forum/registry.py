"""What the forum contributes: machina's permissions per role, a member's posts, follows and reports in the data
download (posts stay in their threads when the account goes), the admin grants, the demo forum."""

from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.roles import MODERATION, REDAKTION
from community.forum import demo, front_page, review, signals  # noqa: F401  (front_page: home page panels; review: its part of the review inbox; signals connects receivers)
from community.forum.roles import forum_permissions_sync
from core.registry import (
    DemoStep,
    PersonalData,
    RoleGrants,
    demo_steps,
    page_cache_ignored,
    personal_data,
    role_grants,
    roles_synced,
)

# Stored on the member's posts (German content, like the posts themselves).
DELETED_MEMBER = "gelöschtes Mitglied"

role_grants.register(RoleGrants(REDAKTION, model_permissions={"forum.forum": ("add", "change", "view")}))
role_grants.register(RoleGrants(MODERATION, model_permissions={"forum.forum": ("add", "change", "view")}))
roles_synced.register(forum_permissions_sync)


def _posts(user) -> list[dict]:
    from community.accounts.services import when
    from community.forum.selectors import post_language

    return [
        {
            "thema": p.topic.subject,
            "forum": p.topic.forum.name,
            "betreff": p.subject,
            "text": p.content.raw,
            "sprache": post_language(p),
            "erstellt_am": when(p.created),
            "freigegeben": p.approved,
        }
        for p in Post.objects.filter(poster=user).select_related("topic__forum", "portal_language").order_by("created")
    ]


def _reports(user) -> list[dict]:
    from community.accounts.services import when
    from community.forum.models import PostReport

    return [
        {
            "grund": r.get_reason_display(),
            "erlaeuterung": r.note,
            "gemeldet_am": when(r.created_at),
            "ergebnis": r.get_outcome_display(),
        }
        for r in PostReport.objects.filter(reporter=user)
    ]


def _followed_forums(user) -> list[str]:
    from community.forum.models import ForumSubscription

    return [s.forum.name for s in ForumSubscription.objects.filter(user=user).select_related("forum")]


def _forum_profile(user) -> dict | None:
    from machina.apps.forum_member.models import ForumProfile

    profile = ForumProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    return {"signatur": profile.signature.raw if profile.signature else "", "beitraege": profile.posts_count}


def _detach_posts(user) -> None:
    """machina deletes a user's posts and topics with the account (CASCADE), which would tear holes into other
    parents' threads, so the posts are detached first and signed "gelöschtes Mitglied"."""
    Post.objects.filter(poster=user).update(poster=None, username=DELETED_MEMBER)
    Topic.objects.filter(poster=user).update(poster=None)


personal_data.register(
    PersonalData(
        models=("forum_conversation.Post", "forum_conversation.Topic"),
        key="forum_beitraege",
        export=_posts,
        before_delete=_detach_posts,
        order=20,
    )
)
personal_data.register(
    PersonalData(
        # machina's Topic.subscribers: the link lives on forum_conversation.Topic, covered above.
        models=(),
        key="gefolgte_themen",
        export=lambda user: [t.subject for t in user.topic_subscriptions.order_by("subject")],
        order=21,
    )
)
personal_data.register(
    PersonalData(
        models=("forum_portal.ForumSubscription",),
        key="gefolgte_foren",
        export=_followed_forums,
        order=22,
    )
)
personal_data.register(PersonalData(models=("forum_portal.PostReport",), key="meldungen", export=_reports, order=23))
personal_data.register(
    PersonalData(models=("forum_member.ForumProfile",), key="forum_profil", export=_forum_profile, order=24)
)
personal_data.register(
    PersonalData(
        models=(
            "forum_polls.TopicPollVote",
            "forum_tracking.ForumReadTrack",
            "forum_tracking.TopicReadTrack",
            "forum_permission.UserForumPermission",
        ),
        reason="machinas Lesemarken, Beitragszähler und Rechte je Konto: technisch, kein eigener Text (Umfragen sind "
        "abgeschaltet); sie gehen mit dem Konto.",
    )
)


def _moderation(user) -> dict:
    from community.accounts.services import when
    from community.forum.models import MemberSanction, ModerationDecision

    return {
        "entscheidungen": [
            {
                "entscheidung": d.get_action_display(),
                "betreff": d.subject,
                "begruendung": d.reason,
                "am": when(d.created_at),
            }
            for d in ModerationDecision.objects.filter(member=user)
        ],
        "massnahmen": [
            {
                "massnahme": s.get_kind_display(),
                "begruendung": s.reason,
                "von": when(s.starts_at),
                "bis": when(s.ends_at),
            }
            for s in MemberSanction.objects.filter(member=user)
        ],
    }


personal_data.register(
    PersonalData(
        # The moderators' side of these rows (moderator, removed_by, created_by) is SET_NULL: no data of theirs.
        models=("forum_portal.ModerationDecision", "forum_portal.MemberSanction", "forum_portal.PostModeration"),
        key="moderation",
        export=_moderation,
        order=25,
    )
)
demo_steps.register(DemoStep("forum", demo.seed, order=30))

# Subscriptions and read marks are a member's own.
for _label in ("forum_portal.ForumSubscription", "forum_tracking"):
    page_cache_ignored.register(_label)
