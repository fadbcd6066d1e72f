"""Reads for the wiki: who may edit, what an edit starts from, the public history and contributors."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry, Revision

from community.accounts.selectors import has_confirmed_email
from community.wiki.models import WikiAccountStatus, WikiArticlePage, WikiEdit, WikiProtection, WikiWatch
from core.member_cache import fact, member_value
from core.restrictions import public

# core/member_cache.py: asked on every wiki page a member reads; emptied by apps.py when the rows change.
ACCOUNT_STATUS = fact("wiki-account-status")
WATCHED = fact("wiki-watched")


def account_status(*, user) -> str | None:
    """ "vertraut", "gesperrt" or None, counting only a status still in force."""
    if not user.is_authenticated:
        return None

    def read() -> tuple:
        status = WikiAccountStatus.objects.filter(user=user).first()
        return (status.status, status.until) if status else ()

    kept = member_value(ACCOUNT_STATUS, user.pk, read)
    if not kept:
        return None
    status, until = kept
    return status if until is None or until > timezone.now() else None


def is_editor(*, user, page) -> bool:
    # The Redaktion: may publish the page anyway, so protection and review do not hold it back.
    return user.is_authenticated and page.permissions_for_user(user).can_publish()


def is_protected(*, article) -> bool:
    return WikiProtection.objects.filter(article_id=article.pk).exists()


def edit_refusal(*, user, article=None, protected: bool | None = None) -> str | None:
    """Why `user` may not edit (German, for the page), or None if they may (`protected`: known already)."""
    if not user.is_authenticated:
        return _("Bitte melden Sie sich an, um im Wiki mitzuschreiben.")
    if not has_confirmed_email(user):
        return _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse. Dann können Sie im Wiki mitschreiben.")
    if account_status(user=user) == WikiAccountStatus.Status.BLOCKED:
        return _("Ihr Konto ist für das Bearbeiten des Wikis gesperrt. Bei Fragen schreiben Sie bitte der Redaktion.")
    if protected is None and article is not None:
        protected = is_protected(article=article)
    if protected and not is_editor(user=user, page=article):
        return _("Dieser Artikel ist geschützt und kann zurzeit nur von der Redaktion geändert werden.")
    return None


def edit_source(*, article: WikiArticlePage) -> tuple[Revision | None, WikiArticlePage]:
    """The newest revision and its content: the live text plus every edit still waiting, so that edits stack."""
    revision = article.get_latest_revision()
    return revision, (revision.as_object() if revision else article)


def pending_edits(*, article) -> list[WikiEdit]:
    return list(
        WikiEdit.objects.filter(article_id=article.pk, state=WikiEdit.State.PENDING)
        .select_related("author")
        .order_by("created_at")
    )


def published_revision_ids(*, article) -> list[int]:
    """Every revision that was ever live, newest first: the history the public may see."""
    return list(
        PageLogEntry.objects.filter(page_id=article.pk, action="wagtail.publish", revision__isnull=False)
        .order_by("-timestamp", "-pk")
        .values_list("revision_id", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class HistoryEntry:
    revision: Revision
    author: str
    summary: str
    live: bool


def _author_name(user) -> str:
    return user.get_display_name() if user else _("gelöschtes Mitglied")


def article_history(*, article) -> list[HistoryEntry]:
    ids = published_revision_ids(article=article)
    revisions = (
        Revision.objects.filter(pk__in=ids)
        .select_related("user", "wiki_edit__author")
        .defer("content")
        .order_by("-created_at", "-pk")
    )
    entries = []
    for revision in revisions:
        edit = getattr(revision, "wiki_edit", None)
        entries.append(
            HistoryEntry(
                revision=revision,
                author=_author_name(edit.author if edit else revision.user),
                summary=edit.summary if edit else _("Überarbeitung durch die Redaktion"),
                live=revision.pk == article.live_revision_id,
            )
        )
    return entries


def contributors(*, article) -> list[str]:
    """Display names of everyone whose text went live, in order of their first contribution."""
    ids = published_revision_ids(article=article)
    edits = (
        WikiEdit.objects.filter(article_id=article.pk, state=WikiEdit.State.PUBLISHED)
        .select_related("author")
        .order_by("created_at")
    )
    names = [_author_name(edit.author) for edit in edits]
    staff = (
        Revision.objects.filter(pk__in=ids, wiki_edit__isnull=True, user__isnull=False)
        .select_related("user")
        .order_by("created_at")
    )
    names += [revision.user.get_display_name() for revision in staff]
    return list(dict.fromkeys(names))


def visible_revision(*, article, revision_id, user) -> Revision | None:
    """A revision the reader may open: any ever-published one; staff and the edit's own author see more."""
    revision = article.revisions.filter(pk=revision_id).select_related("wiki_edit").first()
    if revision is None:
        return None
    if revision.pk in published_revision_ids(article=article) or is_editor(user=user, page=article):
        return revision
    edit = getattr(revision, "wiki_edit", None)
    if edit and user.is_authenticated and edit.author_id == user.pk:
        return revision
    return None


def is_watching(*, user, article) -> bool:
    if not user.is_authenticated:
        return False
    watched = member_value(
        WATCHED, user.pk, lambda: frozenset(WikiWatch.objects.filter(user=user).values_list("article_id", flat=True))
    )
    return article.pk in watched


def watchers_of(*, article):
    from community.accounts.models import User

    return User.objects.filter(wiki_watches__article_id=article.pk, is_active=True)


def edits_of(*, user, limit: int = 20) -> list[WikiEdit]:
    return list(WikiEdit.objects.filter(author=user).select_related("article").order_by("-created_at")[:limit])


def watches_of(*, user) -> list[WikiWatch]:
    return list(
        WikiWatch.objects.filter(user=user, article__live=True).select_related("article").order_by("article__title")
    )


def review_queue_counts() -> dict[str, int]:
    return {
        "pending": WikiEdit.objects.filter(state=WikiEdit.State.PENDING).values("article").distinct().count(),
        "unchecked": WikiEdit.objects.filter(direct=True, checked_at__isnull=True).count(),
    }


def articles_linking(*, titles: set[str], index) -> dict[str, str]:
    """Title (case-insensitive) → URL for the live articles named in [[…]] links; one query."""
    if not titles:
        return {}
    condition = Q()
    for title in titles:
        condition |= Q(title__iexact=title)
    articles = (
        WikiArticlePage.objects.live().descendant_of(index).filter(condition).only("id", "title", "url_path", "slug")
    )
    return {article.title.lower(): article.url for article in articles}


def pending_articles(*, limit: int = 20) -> list:
    """Articles with edits waiting, oldest first, each with its waiting edits attached as `.waiting`."""
    edits = (
        WikiEdit.objects.filter(state=WikiEdit.State.PENDING).select_related("author", "article").order_by("created_at")
    )
    articles: dict[int, object] = {}
    for edit in edits:
        article = articles.setdefault(edit.article_id, edit.article)
        article.waiting = getattr(article, "waiting", []) + [edit]
    return list(articles.values())[:limit]


TITLE_SUGGESTIONS = 8
TITLE_QUERY_MIN = 2


def fold_title(text: str) -> str:
    """Case and umlaut blind: "Ärzte", "aerzte" and "arzte" fold alike, so parents find a title however they type it."""
    import unicodedata

    text = text.casefold().replace("ß", "ss")
    for spelled, plain in (("ae", "a"), ("oe", "o"), ("ue", "u")):
        text = text.replace(spelled, plain)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def article_title_suggestions(*, index, query: str, limit: int = TITLE_SUGGESTIONS) -> list[dict[str, str]]:
    """Live, public articles of this wiki (the reader's language tree) whose title contains `query`; title starts first.

    A wiki has hundreds of articles, not millions: comparing folded titles here keeps umlauts and case out of the
    database's collation rules, which differ between SQLite and PostgreSQL."""
    needle = fold_title(query.strip())
    if len(needle) < TITLE_QUERY_MIN:
        return []
    articles = (
        public(WikiArticlePage.objects.live()).child_of(index).only("id", "title", "url_path", "slug").order_by("title")
    )
    ranked = []
    for article in articles:
        folded = fold_title(article.title)
        position = folded.find(needle)
        if position < 0:
            continue
        word_start = position == 0 or not folded[position - 1].isalnum()
        ranked.append((position != 0, not word_start, folded, article))
    ranked.sort(key=lambda entry: entry[:3])
    return [{"title": article.title, "url": article.url} for *_rank, article in ranked[:limit]]
