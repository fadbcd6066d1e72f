"""The portal's forum rules: who hears about a post, reports and hiding, following, members-only forums, limits."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.languages import supported_language
from community.forum.models import (
    ForumAccess,
    ForumSubscription,
    MemberSanction,
    ModerationDecision,
    PostLanguage,
    PostModeration,
    PostReport,
)
from community.forum.permissions import PortalPermissionHandler, sanctions_forget
from community.notifications.services import digests_send, notify
from core.member_cache import fact, member_value, member_value_set

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "community.forum.unsubscribe"
# core/member_cache.py: the topics the member last read, each with its last post's time then (topic_mark_read). A
# fact, so it comes with the member's other facts in the one round trip a page makes; bounded, since every page of
# the member reads it (a topic that fell out is marked once more on its next view, which machina takes in stride).
TOPICS_READ = fact("forum-topics-read")
TOPICS_READ_KEPT = 100
_muted: ContextVar[bool] = ContextVar("forum_announcements_muted", default=False)


@contextmanager
def announcements_muted():
    """Write history (the demo city, imports) without telling followers: old posts are not news."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


# --- links --------------------------------------------------------------------------------------------------
def topic_url(topic: Topic) -> str:
    return reverse(
        "forum_conversation:topic",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "slug": topic.slug, "pk": topic.pk},
    )


def post_url(post: Post) -> str:
    return f"{topic_url(post.topic)}?post={post.pk}#{post.pk}"


def unsubscribe_url(*, user, scope: str) -> str:
    """A link that works without logging in: `scope` is "topic:<id>", "forum:<id>" or "mail" (all forum mails)."""
    token = signing.dumps({"u": user.pk, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)
    return reverse("forum-unsubscribe", args=[token])


def unsubscribe_token_read(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return data["u"], data["s"]


def unsubscribe(*, user, scope: str) -> str:
    """Stop what the scope names; returns a German sentence saying what stopped."""
    kind, _sep, ident = scope.partition(":")
    if kind == "topic":
        topic = Topic.objects.filter(pk=ident).first()
        if topic:
            topic.subscribers.remove(user)
            return _("Sie folgen dem Thema „%(subject)s“ nicht mehr.") % {"subject": topic.subject}
    elif kind == "forum":
        forum = Forum.objects.filter(pk=ident).first()
        if forum:
            ForumSubscription.objects.filter(user=user, forum=forum).delete()
            return _("Sie folgen dem Forum „%(name)s“ nicht mehr.") % {"name": forum.name}
    elif kind == "mail":
        user.forum_mail = user.ForumMail.OFF
        user.save(update_fields=["forum_mail"])
        return _("Sie bekommen keine E-Mails zu Forum-Beiträgen mehr. Hinweise auf der Website bleiben.")
    return _("Dieses Thema oder Forum gibt es nicht mehr.")


# --- following ----------------------------------------------------------------------------------------------
def forum_follow(*, user, forum: Forum, follow: bool) -> None:
    if follow:
        ForumSubscription.objects.get_or_create(user=user, forum=forum)
    else:
        ForumSubscription.objects.filter(user=user, forum=forum).delete()


def _mail_mode(user) -> str:
    return {user.ForumMail.DAILY: "digest", user.ForumMail.OFF: "none"}.get(user.forum_mail, "now")


# --- the language of a post -----------------------------------------------------------------------------------
def post_language_default() -> str:
    """What a new post is taken to be written in: the writer's interface language (Leichte Sprache is German)."""
    language = supported_language(get_language())
    return settings.LANGUAGE_CODE if language == settings.EASY_GERMAN else language


def post_language_set(*, post: Post, language: str) -> None:
    PostLanguage.objects.update_or_create(post=post, defaults={"language": language})


# --- a member read a topic ---------------------------------------------------------------------------------
def topic_mark_read(*, topic: Topic, user) -> None:
    """machina's read tracking, only when something was posted since the member last read the topic.

    machina marks a topic read on every view: six queries and an UPDATE of the member's read marker, a write (and on
    SQLite the database's one write lock) for every page a member reads. Whether the topic was read after its last
    post is kept per member (core/member_cache.py) under the topic's last post time, so a new post, an edit that
    moves it or a deleted last post makes the next view mark it again."""
    if not user.is_authenticated:
        return
    from machina.apps.forum_tracking.handler import TrackingHandler

    last_post = topic.last_post_on.isoformat() if topic.last_post_on else "-"
    read = member_value(TOPICS_READ, user.pk, dict)
    if read.get(topic.pk) == last_post:
        return
    TrackingHandler().mark_topic_read(topic, user)
    # The newest read last; the oldest beyond the bound dropped. Two of the member's requests at once may each write
    # their own topic only: the other one is then marked again on its next view, never shown wrongly as read.
    kept = {pk: when for pk, when in read.items() if pk != topic.pk}
    kept[topic.pk] = last_post
    member_value_set(TOPICS_READ, user.pk, dict(list(kept.items())[-TOPICS_READ_KEPT:]))


# --- a post was saved ---------------------------------------------------------------------------------------
def post_saved(*, post: Post, created: bool) -> None:
    """Called for every saved post (machina's views, moderation, the demo, the wiki link)."""
    if created:
        PostModeration.objects.create(post=post, waited=not post.approved)
        # Posts written without the form (the wiki's discussion link) are in the language of the request; the form
        # and the demo then set the language their writer chose.
        PostLanguage.objects.get_or_create(post=post, defaults={"language": post_language_default()})
        if post.poster_id:
            post.topic.subscribers.add(post.poster)  # writing in a topic follows it, as one expects from a forum
    if not post.approved:
        return
    moderation = PostModeration.objects.get_or_create(post=post)[0]
    if moderation.hidden_by_reports:
        # Let through again from machina's own queue: the reports are settled.
        PostReport.objects.filter(post=post, outcome=PostReport.Outcome.OPEN).update(
            outcome=PostReport.Outcome.KEPT, decided_at=timezone.now()
        )
        PostModeration.objects.filter(pk=moderation.pk).update(hidden_by_reports=False)
    # Claim the announcement: a post's followers hear about it once, however often it is saved.
    if PostModeration.objects.filter(pk=moderation.pk, announced_at__isnull=True).update(announced_at=timezone.now()):
        if not _muted.get():
            # Finding and telling the followers is a job for a worker, not for the poster's request.
            from community.forum.tasks import announce_post
            from core.background import enqueue

            enqueue(announce_post, post.pk, moderation.waited)


@transaction.atomic
def post_announce(*, post_id: int, waited: bool) -> int:
    """Tell the author (if the post waited) and the followers about a post that just became visible.

    Once per post, even if the task is delivered twice; a failure rolls the claim back for the retry."""
    from core.background import claim_once

    post = Post.objects.select_related("topic__forum", "poster").filter(pk=post_id, approved=True).first()
    if post is None or not claim_once(f"forum-announce:{post_id}"):
        return 0  # hidden or deleted before the worker came to it, or announced already
    topic = post.topic
    forum = topic.forum
    # Texts and links are functions: notify() calls them in each recipient's language (/tr/forum/… for "tr").
    if waited and post.poster_id:
        notify(
            users=[post.poster],
            kind="forum.approved",
            url=lambda: post_url(post),
            title=lambda: _("Ihr Beitrag ist freigegeben: %(subject)s") % {"subject": topic.subject},
            body=lambda: (
                _("Die Moderation hat Ihren Beitrag im Forum „%(forum)s“ freigeschaltet.") % {"forum": forum.name}
            ),
        )
    handler = PortalPermissionHandler()
    text = post.content.raw
    excerpt = text if len(text) <= 400 else text[:400].rsplit(" ", 1)[0] + " …"
    # The opening post is the topic's earliest (machina's `first_post` may still be unset for a new topic).
    opening = Post.objects.filter(topic_id=topic.pk).order_by("created", "pk").values_list("pk", flat=True).first()
    if opening == post.pk:
        followers = [s.user for s in ForumSubscription.objects.filter(forum=forum).select_related("user")]

        def title() -> str:
            return _("Neues Thema im Forum „%(forum)s“: %(subject)s") % {"forum": forum.name, "subject": topic.subject}

        scope = f"forum:{forum.pk}"
    else:
        followers = list(topic.subscribers.all())

        def title() -> str:
            return _("Neue Antwort im Thema „%(subject)s“") % {"subject": topic.subject}

        scope = f"topic:{topic.pk}"

    def body() -> str:
        author = post.poster.get_display_name() if post.poster_id else (post.username or _("gelöschtes Mitglied"))
        return _("%(author)s schreibt:\n%(excerpt)s") % {"author": author, "excerpt": excerpt}

    readers = [u for u in followers if u.pk != post.poster_id and handler.can_read_forum(forum, u)]
    notified = notify(
        users=readers,
        kind="forum.post",
        url=lambda: post_url(post),
        title=title,
        body=body,
        mail_mode=_mail_mode,
        unsubscribe_url=lambda user: unsubscribe_url(user=user, scope=scope),
    )
    return len(notified)


# --- limits ---------------------------------------------------------------------------------------------------
def post_rate_check(*, user, forum: Forum, now=None) -> str | None:
    """A German message when `user` wrote too much too fast; moderators are exempt."""
    if PortalPermissionHandler()._perform_basic_permission_check(forum, user, "can_approve_posts"):
        return None
    now = now or timezone.now()
    for minutes, limit in settings.FORUM_POST_RATE_LIMITS:
        if Post.objects.filter(poster=user, created__gte=now - timedelta(minutes=minutes)).count() >= limit:
            if minutes <= 60:
                return _(
                    "Sie haben in den letzten %(minutes)s Minuten schon %(limit)s Beiträge geschrieben. Bitte warten Sie ein wenig."
                ) % {"minutes": minutes, "limit": limit}
            return _("Sie haben heute schon %(limit)s Beiträge geschrieben. Morgen geht es weiter.") % {"limit": limit}
    return None


# --- reports --------------------------------------------------------------------------------------------------
def _moderators_of(forum: Forum):
    from community.accounts.models import User

    handler = PortalPermissionHandler()
    candidates = User.objects.filter(
        is_active=True, groups__groupforumpermission__permission__codename="can_approve_posts"
    ).distinct()
    return [user for user in candidates if handler.can_approve_posts(forum, user)]


@transaction.atomic
def post_report(*, post: Post, reporter, reason: str, note: str = "") -> PostReport:
    """Record a report; enough open reports from different members take the post offline until a moderator decides."""
    post = Post.objects.select_for_update().select_related("topic__forum").get(pk=post.pk)
    if not PortalPermissionHandler().can_report_post(post, reporter):
        raise ValidationError(_("Diesen Beitrag können Sie nicht melden."))
    if PostReport.objects.filter(post=post, reporter=reporter, outcome=PostReport.Outcome.OPEN).exists():
        raise ValidationError(_("Sie haben diesen Beitrag schon gemeldet. Die Moderation kümmert sich darum."))
    report = PostReport.objects.create(post=post, reporter=reporter, reason=reason, note=note.strip())
    open_reports = (
        PostReport.objects.filter(post=post, outcome=PostReport.Outcome.OPEN).values("reporter").distinct().count()
    )
    if open_reports == 1:
        notify(
            users=_moderators_of(post.topic.forum),
            kind="forum.report",
            url=lambda: reverse("forum-moderation"),
            title=lambda: _("Neue Meldung im Forum: %(subject)s") % {"subject": post.topic.subject},
            body=lambda: f"{report.get_reason_display()}: {report.note}".strip(": "),
        )
    if open_reports >= settings.FORUM_REPORTS_TO_HIDE:
        PostModeration.objects.update_or_create(post=post, defaults={"hidden_by_reports": True})
        post.approved = False
        post.save()
        logger.info("Post %s hidden after %s reports", post.pk, open_reports)
    return report


@transaction.atomic
def reports_decide(*, post: Post, moderator, keep: bool, reason: str = "") -> None:
    """The moderator's decision on a reported post: keep it (online again) or remove it, softly (see `post_remove`)."""
    if not keep:
        post_remove(post=post, moderator=moderator, reason=reason)
        return
    reports = PostReport.objects.filter(post=post, outcome=PostReport.Outcome.OPEN)
    reports.update(outcome=PostReport.Outcome.KEPT, decided_at=timezone.now(), decided_by=moderator)
    PostModeration.objects.update_or_create(post=post, defaults={"hidden_by_reports": False})
    if not post.approved:
        post.approved = True
        post.save()
    if post.poster_id:
        ModerationDecision.objects.create(
            member_id=post.poster_id, moderator=moderator, action=ModerationDecision.Action.KEPT, subject=post.subject
        )


# --- removing, undoing, declining -------------------------------------------------------------------------------
REMOVAL_UNDO_PERIOD = timedelta(hours=24)


def _reason_required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Bitte geben Sie eine Begründung an."))
    return reason


@transaction.atomic
def post_remove(*, post: Post, moderator, reason: str, now=None) -> PostModeration:
    """Take a post offline (a topic's opening post: the topic): the author reads why; moderators can undo it for
    REMOVAL_UNDO_PERIOD, after which `removed_posts_purge` deletes it for good."""
    reason = _reason_required(reason)
    now = now or timezone.now()
    moderation, _created = PostModeration.objects.update_or_create(
        post=post,
        defaults={"removed_at": now, "removed_by": moderator, "removal_reason": reason, "hidden_by_reports": False},
    )
    PostReport.objects.filter(post=post, outcome=PostReport.Outcome.OPEN).update(
        outcome=PostReport.Outcome.REMOVED, decided_at=now, decided_by=moderator
    )
    post.approved = False
    post.save()  # machina takes the topic along when this is its opening post
    if post.poster_id:
        ModerationDecision.objects.create(
            member_id=post.poster_id,
            moderator=moderator,
            action=ModerationDecision.Action.REMOVED,
            reason=reason,
            subject=post.subject,
        )
        notify(
            users=[post.poster],
            kind="forum.removed",
            title=lambda: _("Ihr Beitrag wurde entfernt: %(subject)s") % {"subject": post.topic.subject},
            body=lambda: _("Die Moderation hat Ihren Beitrag entfernt. Begründung: %(reason)s") % {"reason": reason},
        )
    logger.info("Post %s removed by user %s", post.pk, moderator.pk)
    return moderation


def post_removal_undoable(*, post: Post, now=None) -> bool:
    moderation = PostModeration.objects.filter(post=post).first()
    now = now or timezone.now()
    return bool(moderation and moderation.removed_at and moderation.removed_at > now - REMOVAL_UNDO_PERIOD)


@transaction.atomic
def post_restore(*, post: Post, moderator, now=None) -> None:
    """Undo a removal while it can be undone: the post (and its topic) is back where it was."""
    if not post_removal_undoable(post=post, now=now):
        raise ValidationError(_("Dieses Entfernen lässt sich nicht mehr rückgängig machen."))
    PostModeration.objects.filter(post=post).update(removed_at=None, removed_by=None, removal_reason="")
    post.approved = True
    post.save()
    if post.poster_id:
        ModerationDecision.objects.create(
            member_id=post.poster_id,
            moderator=moderator,
            action=ModerationDecision.Action.RESTORED,
            subject=post.subject,
        )
        notify(
            users=[post.poster],
            kind="forum.restored",
            title=lambda: _("Ihr Beitrag ist wieder sichtbar: %(subject)s") % {"subject": post.topic.subject},
            body=lambda: _("Die Moderation hat das Entfernen Ihres Beitrags rückgängig gemacht."),
            url=lambda: post_url(post),
        )


def removed_posts_purge(*, now=None) -> int:
    """Delete for good what was removed longer ago than the undo period (a topic's opening post takes the topic)."""
    now = now or timezone.now()
    posts = list(
        Post.objects.filter(portal_moderation__removed_at__lte=now - REMOVAL_UNDO_PERIOD).select_related("topic")
    )
    for post in posts:
        if post.is_topic_head:
            post.topic.delete()
        else:
            post.delete()
    return len(posts)


# --- members-only forums --------------------------------------------------------------------------------------
def forum_access_sync(*, access: ForumAccess) -> None:
    """Members-only: anonymous and unconfirmed accounts lose reading on this forum, the member roles keep it."""
    from django.contrib.auth.models import Group
    from machina.apps.forum_permission.models import ForumPermission, GroupForumPermission, UserForumPermission

    from community.forum.roles import FORUM_PERMISSIONS, FORUM_READING

    forum = access.forum
    reading = [ForumPermission.objects.get_or_create(codename=codename)[0] for codename in FORUM_READING]
    member_groups = Group.objects.filter(name__in=list(FORUM_PERMISSIONS))
    if not access.members_only:
        UserForumPermission.objects.filter(forum=forum, user=None, permission__in=reading).delete()
        GroupForumPermission.objects.filter(forum=forum, group__in=member_groups, permission__in=reading).delete()
        return
    for permission in reading:
        for who in ({"anonymous_user": True}, {"authenticated_user": True}):
            UserForumPermission.objects.update_or_create(
                forum=forum, permission=permission, user=None, **who, defaults={"has_perm": False}
            )
        for group in member_groups:
            GroupForumPermission.objects.update_or_create(
                forum=forum, permission=permission, group=group, defaults={"has_perm": True}
            )


def forum_set_members_only(*, forum: Forum, members_only: bool) -> ForumAccess:
    access, _created = ForumAccess.objects.update_or_create(forum=forum, defaults={"members_only": members_only})
    forum_access_sync(access=access)
    return access


def post_disapprove(*, post: Post, moderator, reason: str) -> None:
    """A waiting post is not let through: its author reads why, then it goes (with its topic if it opened one)."""
    reason = _reason_required(reason)
    if post.poster_id:
        ModerationDecision.objects.create(
            member_id=post.poster_id,
            moderator=moderator,
            action=ModerationDecision.Action.DECLINED,
            reason=reason,
            subject=post.subject,
        )
        notify(
            users=[post.poster],
            kind="forum.rejected",
            title=lambda: _("Ihr Beitrag wurde nicht freigegeben: %(subject)s") % {"subject": post.subject},
            body=lambda: (
                _("Die Moderation hat Ihren Beitrag im Forum „%(forum)s“ nicht freigeschaltet. Begründung: %(reason)s")
                % {"forum": post.topic.forum.name, "reason": reason}
            ),
        )
    logger.info("Post %s disapproved by user %s", post.pk, moderator.pk)
    post.delete()


# --- silencing and suspending -----------------------------------------------------------------------------------
MAX_SANCTION_DAYS = 365


def member_sanction(*, member, moderator, kind: str, days: int, reason: str, now=None) -> MemberSanction:
    """Silence (cannot write) or suspend (cannot log in) a member for `days`; they are told why and until when."""
    reason = _reason_required(reason)
    if kind not in MemberSanction.Kind.values:
        raise ValidationError(_("Bitte wählen Sie „stummschalten“ oder „sperren“."))
    if not 1 <= days <= MAX_SANCTION_DAYS:
        raise ValidationError(_("Bitte geben Sie 1 bis %(max)s Tage an.") % {"max": MAX_SANCTION_DAYS})
    if member == moderator:
        raise ValidationError(_("Sich selbst können Sie nicht sperren."))
    now = now or timezone.now()
    sanction = MemberSanction.objects.create(
        member=member, kind=kind, reason=reason, starts_at=now, ends_at=now + timedelta(days=days), created_by=moderator
    )
    sanctions_forget(member.pk)
    silenced = kind == MemberSanction.Kind.SILENCED
    ModerationDecision.objects.create(
        member=member,
        moderator=moderator,
        action=ModerationDecision.Action.SILENCED if silenced else ModerationDecision.Action.SUSPENDED,
        reason=reason,
    )
    until = sanction.ends_at

    def body() -> str:
        text = (
            _("Sie können im Forum bis %(until)s nichts schreiben. Begründung: %(reason)s")
            if silenced
            else _("Ihr Konto ist bis %(until)s gesperrt. Begründung: %(reason)s")
        )
        return text % {"until": date_format(timezone.localtime(until), "DATETIME_FORMAT"), "reason": reason}

    notify(
        users=[member],
        kind="forum.sanction",
        title=lambda: (
            _("Die Moderation hat Sie stummgeschaltet") if silenced else _("Die Moderation hat Ihr Konto gesperrt")
        ),
        body=body,
    )
    return sanction


def sanction_lift(*, sanction: MemberSanction, moderator, now=None) -> MemberSanction:
    sanction.lifted_at = now or timezone.now()
    sanction.save(update_fields=["lifted_at"])
    sanctions_forget(sanction.member_id)
    ModerationDecision.objects.create(
        member=sanction.member, moderator=moderator, action=ModerationDecision.Action.LIFTED, reason=sanction.reason
    )
    return sanction


def forum_digests_send(*, now=None) -> int:
    """The daily summary of forum notices; each mail ends with the link that stops all forum mail."""
    return digests_send(stop_link=lambda user: unsubscribe_url(user=user, scope="mail"), now=now)
