"""Writes for the wiki. Parents' edits become Wagtail revisions inside the "Wiki-Freigabe" workflow; nothing
a parent types is public before the Redaktion approves it (trusted accounts excepted, checked afterwards)."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import GroupApprovalTask, Page, Revision, WorkflowState

from community.accounts.roles_sync import admin_mails_off_for_parents, workflow_sync
from community.notifications.services import notify
from community.wiki.diff import Merge, three_way_merge
from community.wiki.models import (
    WikiAccountStatus,
    WikiApprovalTask,
    WikiArticlePage,
    WikiCategory,
    WikiEdit,
    WikiIndexPage,
    WikiWatch,
)
from community.wiki.selectors import account_status, edit_refusal, is_editor, watchers_of

logger = logging.getLogger(__name__)

WIKI_WORKFLOW_NAME = "Wiki-Freigabe"
WIKI_TASK_NAME = "Wiki-Änderung prüfen"


def wiki_workflow_sync() -> None:
    """Parents' wiki edits have their own queue, "Wiki-Freigabe", so the Redaktion sees them apart from other pages."""
    for wiki in WikiIndexPage.objects.all():
        workflow_sync(page=wiki, name=WIKI_WORKFLOW_NAME, task_name=WIKI_TASK_NAME)
    # Its task declines only with a reason (WikiApprovalTask); the row stays Wagtail's, the content type says so.
    GroupApprovalTask.objects.filter(workflow_tasks__workflow__name=WIKI_WORKFLOW_NAME).update(
        content_type=ContentType.objects.get_for_model(WikiApprovalTask, for_concrete_model=False)
    )


MAX_EDITS_PER_HOUR = 10
MAX_PROPOSALS_PER_DAY = 3
MAX_BODY_LENGTH = 30_000


class EditConflict(Exception):
    """Someone saved the article after the author opened it; `merge` holds both changes where possible."""

    def __init__(self, *, merge: Merge, latest: Revision, base_text: str, latest_text: str):
        super().__init__("edit conflict")
        self.merge, self.latest = merge, latest
        self.base_text, self.latest_text = base_text, latest_text


@dataclass(frozen=True)
class EditResult:
    edit: WikiEdit
    published: bool


def _check_rate(*, user, now: datetime.datetime) -> None:
    if (
        WikiEdit.objects.filter(author=user, created_at__gte=now - datetime.timedelta(hours=1)).count()
        >= MAX_EDITS_PER_HOUR
    ):
        raise ValidationError(
            _(
                "Sie haben in der letzten Stunde schon %(max)s Änderungen gespeichert. Bitte warten Sie etwas und speichern Sie dann erneut – Ihr Text bleibt hier stehen."
            )
            % {"max": MAX_EDITS_PER_HOUR}
        )


def _check_text(*, body: str, summary: str) -> None:
    if not body.strip():
        raise ValidationError(_("Der Artikel braucht einen Text."))
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError(_("Der Text ist zu lang (höchstens %(max)s Zeichen).") % {"max": MAX_BODY_LENGTH})
    if not summary.strip():
        raise ValidationError(_("Bitte beschreiben Sie kurz, was Sie geändert haben."))


def _submit(*, page: Page, revision: Revision, user, publish_directly: bool) -> bool:
    """Publish at once or put the page (or add to what is already) in the Redaktion's queue."""
    if publish_directly:
        # Trust is the Redaktion's decision about this account, not a page permission.
        revision.publish(user=user, skip_permission_checks=True)
        return True
    admin_mails_off_for_parents(user=user)
    state = page.current_workflow_state
    if state is None:
        workflow = page.get_workflow()
        if workflow is None:
            raise PermissionDenied(_("Das Wiki hat keinen Freigabe-Ablauf. Bitte wenden Sie sich an die Redaktion."))
        workflow.start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    # A workflow in progress publishes the latest revision on approval, so this edit simply joins it.
    return False


def article_edit(
    *,
    user,
    article: WikiArticlePage,
    body: str,
    summary: str,
    base_revision_id: int | None,
    watch: bool = True,
    now: datetime.datetime | None = None,
) -> EditResult:
    """Save a parent's change as a revision on top of the newest one; a stale base raises EditConflict."""
    now = now or timezone.now()
    refusal = edit_refusal(user=user, article=article)
    if refusal:
        raise PermissionDenied(refusal)
    body, summary = body.replace("\r\n", "\n").strip(), summary.strip()
    _check_text(body=body, summary=summary)
    _check_rate(user=user, now=now)
    with transaction.atomic():
        # One writer at a time per article: the base check and the new revision must not interleave.
        page = Page.objects.select_for_update().get(pk=article.pk).specific
        latest = page.get_latest_revision()
        if latest is not None and base_revision_id != latest.pk:
            base = Revision.objects.filter(pk=base_revision_id).first() if base_revision_id else None
            base_text = base.as_object().body if base is not None and base.object_id == str(page.pk) else page.body
            latest_text = latest.as_object().body
            raise EditConflict(
                merge=three_way_merge(base=base_text, mine=body, theirs=latest_text),
                latest=latest,
                base_text=base_text,
                latest_text=latest_text,
            )
        draft = latest.as_object() if latest else page
        if draft.body.strip() == body:
            raise ValidationError(_("Sie haben nichts am Text geändert."))
        waiting = WikiEdit.objects.filter(article_id=page.pk, state=WikiEdit.State.PENDING).exists()
        draft.body = body
        revision = draft.save_revision(user=user, log_action=True, changed=True)
        # Trusted accounts and the Redaktion publish at once, unless others' edits wait: those must not slip through.
        editor = is_editor(user=user, page=page)
        direct = not waiting and page.live and (editor or account_status(user=user) == WikiAccountStatus.Status.TRUSTED)
        edit = WikiEdit.objects.create(
            article=page,
            revision=revision,
            base_revision=latest,
            author=user,
            summary=summary[:200],
            direct=direct and not editor,
            created_at=now,
        )
        published = _submit(page=page, revision=revision, user=user, publish_directly=direct)
        if watch:
            WikiWatch.objects.get_or_create(user=user, article=page)
    logger.info(
        "Wiki edit %s on page %s by user %s (%s)", edit.pk, page.pk, user.pk, "published" if published else "pending"
    )
    edit.refresh_from_db()
    return EditResult(edit=edit, published=published)


def _unique_slug(index: Page, title: str) -> str:
    base = slugify(title.replace("ß", "ss"))[:60] or "artikel"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def article_propose(
    *,
    user,
    index: WikiIndexPage,
    title: str,
    teaser: str,
    body: str,
    summary: str,
    categories: list[WikiCategory],
    now: datetime.datetime | None = None,
) -> EditResult:
    """A new article from a parent: an unpublished page in the Redaktion's queue (trusted accounts publish)."""
    now = now or timezone.now()
    refusal = edit_refusal(user=user)
    if refusal:
        raise PermissionDenied(refusal)
    title, body = title.strip(), body.replace("\r\n", "\n").strip()
    _check_text(body=body, summary=summary)
    _check_rate(user=user, now=now)
    if (
        WikiEdit.objects.filter(author=user, new_article=True, created_at__gte=now - datetime.timedelta(days=1)).count()
        >= MAX_PROPOSALS_PER_DAY
    ):
        raise ValidationError(
            _("Sie haben heute schon %(max)s neue Artikel vorgeschlagen. Danke! Weitere bitte morgen.")
            % {"max": MAX_PROPOSALS_PER_DAY}
        )
    if WikiArticlePage.objects.child_of(index).filter(title__iexact=title).exists():
        raise ValidationError(
            _("Einen Artikel mit diesem Titel gibt es schon. Bitte ergänzen Sie ihn, statt einen neuen anzulegen.")
        )
    with transaction.atomic():
        article = WikiArticlePage(
            title=title, slug=_unique_slug(index, title), teaser=teaser.strip(), body=body, live=False, owner=user
        )
        article.categories = categories
        index.add_child(instance=article)
        revision = article.save_revision(user=user, log_action=True)
        editor = is_editor(user=user, page=index)
        direct = editor or account_status(user=user) == WikiAccountStatus.Status.TRUSTED
        edit = WikiEdit.objects.create(
            article=article,
            revision=revision,
            author=user,
            summary=summary.strip()[:200],
            new_article=True,
            direct=direct and not editor,
            created_at=now,
        )
        published = _submit(page=article, revision=revision, user=user, publish_directly=direct)
        WikiWatch.objects.get_or_create(user=user, article=article)
    edit.refresh_from_db()
    return EditResult(edit=edit, published=published)


def edits_published(*, page: Page, revision: Revision | None, by=None, now: datetime.datetime | None = None) -> int:
    """A revision went live: the waiting edits it contains are published; authors and watchers hear of it."""
    if revision is None:
        return 0
    now = now or timezone.now()
    edits = list(
        WikiEdit.objects.filter(
            article_id=page.pk, state=WikiEdit.State.PENDING, revision_id__lte=revision.pk
        ).select_related("author")
    )
    WikiEdit.objects.filter(pk__in=[edit.pk for edit in edits]).update(
        state=WikiEdit.State.PUBLISHED, decided_at=now, decided_by=by
    )
    authors = {edit.author for edit in edits if edit.author and edit.author != by and not edit.direct}
    if authors:
        # Functions: notify() calls them in each recipient's language (the article in it, where translated).
        notify(
            users=authors,
            kind="wiki.approved",
            title=lambda: _("Ihre Änderung an „%(title)s“ ist online") % {"title": page.title},
            body=lambda: _("Die Redaktion hat Ihre Änderung freigegeben. Danke fürs Mitschreiben!"),
            url=lambda: page.localized.url or "",
        )
    editors = {edit.author for edit in edits if edit.author} | ({by} if by else set())
    summaries = "; ".join(edit.summary for edit in edits) or (
        revision.wiki_edit.summary if hasattr(revision, "wiki_edit") else _("Überarbeitung durch die Redaktion")
    )
    others = [user for user in watchers_of(article=page) if user not in editors and user not in authors]
    if others:
        notify(
            users=others,
            kind="wiki.changed",
            title=lambda: _("Der Wiki-Artikel „%(title)s“ wurde geändert") % {"title": page.title},
            body=summaries,
            url=lambda: page.localized.url + "versionen/" if page.url else "",
        )
    return len(edits)


def edits_rejected(*, page: Page, workflow_state: WorkflowState, by=None, now: datetime.datetime | None = None) -> int:
    """The Redaktion declined: the waiting edits never go live, their authors learn why, the draft is the live text again.

    Every way to decline asks for the reason (the review screen, the task's form in the page editor), so there is one."""
    now = now or timezone.now()
    task_state = workflow_state.current_task_state
    reason = (task_state.comment if task_state else "").strip()
    if not reason:
        raise ValidationError(_("Bitte geben Sie eine Begründung an."))
    edits = list(WikiEdit.objects.filter(article_id=page.pk, state=WikiEdit.State.PENDING).select_related("author"))
    WikiEdit.objects.filter(pk__in=[edit.pk for edit in edits]).update(
        state=WikiEdit.State.REJECTED, decided_at=now, decided_by=by, reason=reason
    )
    # End the workflow: the next parent edit starts a fresh one from the live text.
    workflow_state.cancel(user=by)
    page = Page.objects.get(pk=page.pk).specific
    if page.live_revision is not None:
        page.live_revision.as_object().save_revision(user=by, log_action=False, clean=False)
    notify(
        users=[edit.author for edit in edits],
        kind="wiki.rejected",
        title=lambda: _("Ihre Änderung an „%(title)s“ wurde nicht übernommen") % {"title": page.title},
        body=lambda: _("Begründung der Redaktion: %(reason)s") % {"reason": reason},
        url=lambda: page.localized.url if page.live else "/konto/profil/",
    )
    return len(edits)


def article_revert(*, article: WikiArticlePage, revision: Revision, by) -> Revision:
    """Make an earlier version live again (the Redaktion only); edits still waiting are declined with a note."""
    if not is_editor(user=by, page=article):
        raise PermissionDenied(_("Nur die Redaktion kann frühere Fassungen wiederherstellen."))
    with transaction.atomic():
        now = timezone.now()
        WikiEdit.objects.filter(article_id=article.pk, state=WikiEdit.State.PENDING).update(
            state=WikiEdit.State.REJECTED,
            decided_at=now,
            decided_by=by,
            reason=_("Die Redaktion hat eine frühere Fassung des Artikels wiederhergestellt."),
        )
        state = article.current_workflow_state
        if state is not None:
            state.cancel(user=by)
        restored = revision.as_object().save_revision(
            user=by, log_action="wagtail.revert", previous_revision=revision, clean=False
        )
        restored.publish(user=by)
    return restored


def edit_check(*, edit: WikiEdit, by, now: datetime.datetime | None = None) -> WikiEdit:
    edit.checked_at, edit.checked_by = now or timezone.now(), by
    edit.save(update_fields=["checked_at", "checked_by"])
    return edit


def article_watch(*, user, article: Page, watch: bool) -> bool:
    if watch:
        WikiWatch.objects.get_or_create(user=user, article=article)
    else:
        WikiWatch.objects.filter(user=user, article=article).delete()
    return watch


WIKI_FORUM_NAME = "Wiki-Diskussionen"


def discussion_open(*, article: WikiArticlePage, user):
    """The article's forum topic, started by `user` on first use; every later click lands in the same topic."""
    from machina.apps.forum.models import Forum
    from machina.apps.forum_conversation.models import Post, Topic

    from community.wiki.models import WikiDiscussion

    existing = WikiDiscussion.objects.filter(article_id=article.pk).select_related("topic").first()
    if existing:
        return existing.topic
    refusal = edit_refusal(user=user)
    if refusal:
        raise PermissionDenied(refusal)
    with transaction.atomic():
        Page.objects.select_for_update().get(pk=article.pk)
        existing = WikiDiscussion.objects.filter(article_id=article.pk).select_related("topic").first()
        if existing:
            return existing.topic
        forum = Forum.objects.filter(name=WIKI_FORUM_NAME, parent=None).first() or Forum.objects.create(
            name=WIKI_FORUM_NAME,
            type=Forum.FORUM_POST,
            description=_("Hier besprechen Eltern und Redaktion die Artikel des Familien-Wikis."),
        )
        subject = _("Wiki: %(title)s") % {"title": article.title}
        topic = Topic.objects.create(
            forum=forum,
            poster=user,
            subject=subject[:255],
            type=Topic.TOPIC_POST,
            status=Topic.TOPIC_UNLOCKED,
            approved=True,
        )
        Post.objects.create(
            topic=topic,
            poster=user,
            subject=subject[:255],
            approved=True,
            content=_("Diskussion zum Wiki-Artikel „%(title)s“: %(url)s")
            % {"title": article.title, "url": article.full_url or article.url},
        )
        WikiDiscussion.objects.create(article=article, topic=topic)
    return topic


PREVIEWS_PER_MINUTE = 40


def preview_allowed(*, user) -> bool:
    """Counts a member's live previews per minute: typing with the preview open asks about once a second at most, so
    this only stops scripts from using the Markdown renderer as free compute."""
    from django.core.cache import cache

    key = f"wiki-preview:{user.pk}:{int(timezone.now().timestamp() // 60)}"
    cache.add(key, 0, timeout=90)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr: count this one as the first
        cache.set(key, 1, timeout=90)
        count = 1
    return count <= PREVIEWS_PER_MINUTE
