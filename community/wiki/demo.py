"""The demo wiki: 26 articles with histories by several parents, edits waiting, one declined, one proposal."""

from __future__ import annotations

import datetime

from django.utils import timezone
from wagtail.models import PageLogEntry, Revision, Site, TaskState

from community.accounts.models import User
from community.wiki import demo_articles as data
from community.wiki import services
from community.wiki.models import (
    WikiAccountStatus,
    WikiArticlePage,
    WikiCategory,
    WikiEdit,
    WikiIndexPage,
    WikiProtection,
    WikiWatch,
)
from home.demo import ensure_section


def ensure_index(home) -> WikiIndexPage:
    return ensure_section(
        home,
        WikiIndexPage(
            title="Familien-Wiki",
            slug="wiki",
            show_in_menus=True,
            intro="Erfahrungen von Eltern für Eltern: vom Elterngeld-Antrag bis zum Spielplatz für Regentage. "
            "Jede Änderung prüft die Redaktion, bevor sie erscheint.",
        ),
        after="changing_places.ChangingPlaceIndexPage",
    )


def _backdate(revision: Revision, when: datetime.datetime) -> None:
    # Demo histories span months; the rows are written now, so their times are moved back.
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    PageLogEntry.objects.filter(revision=revision).update(timestamp=when)


def _publish_version(
    *, article: WikiArticlePage, body: str, author: User, summary: str, when, redaktion: User, new: bool
) -> None:
    draft = article.get_latest_revision_as_object() if article.get_latest_revision() else article
    base = article.get_latest_revision()
    draft.body = body
    revision = draft.save_revision(user=author, log_action=True)
    WikiEdit.objects.create(
        article=article,
        revision=revision,
        base_revision=base,
        author=author,
        summary=summary,
        new_article=new,
        state=WikiEdit.State.PUBLISHED,
        created_at=when,
        decided_at=when + datetime.timedelta(hours=5),
        decided_by=redaktion,
    )
    revision.publish(user=redaktion)
    _backdate(revision, when)


def seed_articles(*, index: WikiIndexPage, users: dict[str, User]) -> int:
    categories = {
        slug: WikiCategory.objects.originals().get_or_create(slug=slug, defaults={"name": name, "description": text})[0]
        for name, slug, text in data.CATEGORIES
    }
    existing = set(index.get_children().values_list("slug", flat=True))
    redaktion = users["redaktion"]
    now = timezone.now()
    created = 0
    for number, (slug, title, category_slugs, teaser, author, body, edits) in enumerate(data.ARTICLES):
        if slug in existing:
            continue
        first = now - datetime.timedelta(days=200 - number * 6, hours=number)
        article = WikiArticlePage(title=title, slug=slug, teaser=teaser, body=body, live=False, owner=users[author])
        article.categories = [categories[category] for category in category_slugs]
        index.add_child(instance=article)
        _publish_version(
            article=article,
            body=body,
            author=users[author],
            summary="Neuer Artikel",
            when=first,
            redaktion=redaktion,
            new=True,
        )
        when = first
        for step, (editor, summary, addition) in enumerate(edits, start=1):
            when = first + datetime.timedelta(days=9 * step, hours=step * 3)
            article = WikiArticlePage.objects.get(pk=article.pk)
            _publish_version(
                article=article,
                body=article.body + addition,
                author=users[editor],
                summary=summary,
                when=when,
                redaktion=redaktion,
                new=False,
            )
        WikiArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=first, last_published_at=when, latest_revision_created_at=when
        )
        created += 1
    return created


def seed_review_queue(*, index: WikiIndexPage, users: dict[str, User]) -> None:
    """Edits and a proposal waiting for the Redaktion, and a declined edit – through the real services."""
    if WikiEdit.objects.exclude(state=WikiEdit.State.PUBLISHED).exists():
        return
    articles = {article.slug: article for article in WikiArticlePage.objects.child_of(index)}
    slug, author, summary, addition, reason = data.REJECTED
    article = articles[slug]
    services.article_edit(
        user=users[author],
        article=article,
        body=article.body + addition,
        summary=summary,
        base_revision_id=article.get_latest_revision().pk,
        watch=False,
    )
    task_state = TaskState.objects.filter(
        workflow_state__object_id=str(article.pk), status=TaskState.STATUS_IN_PROGRESS
    ).get()
    task_state.specific.reject(user=users["redaktion"], comment=reason)
    for slug, author, summary, addition in data.PENDING:
        article = WikiArticlePage.objects.get(pk=articles[slug].pk)
        latest = article.get_latest_revision()
        services.article_edit(
            user=users[author],
            article=article,
            body=latest.as_object().body + addition,
            summary=summary,
            base_revision_id=latest.pk,
        )
    author, title, category_slugs, teaser, body = data.PROPOSAL
    services.article_propose(
        user=users[author],
        index=index,
        title=title,
        teaser=teaser,
        body=body,
        summary="Neuer Artikel",
        categories=list(WikiCategory.objects.originals().filter(slug__in=category_slugs)),
    )


def seed_roles(*, users: dict[str, User], index: WikiIndexPage) -> None:
    username, reason = data.TRUSTED
    WikiAccountStatus.objects.get_or_create(
        user=users[username],
        defaults={"status": WikiAccountStatus.Status.TRUSTED, "reason": reason, "set_by": users["redaktion"]},
    )
    slug, reason = data.PROTECTED
    article = WikiArticlePage.objects.child_of(index).get(slug=slug)
    WikiProtection.objects.get_or_create(
        article=article, defaults={"reason": reason, "protected_by": users["redaktion"]}
    )
    for article in WikiArticlePage.objects.child_of(index).filter(
        slug__in=["elterngeld-beantragen", "kita-platz-finden", "regentage-mit-kleinkindern"]
    ):
        WikiWatch.objects.get_or_create(user=users["eltern"], article=article)


def seed() -> list[str]:
    site = Site.objects.get(is_default_site=True)
    index = ensure_index(site.root_page)
    from community.wiki.services import wiki_workflow_sync

    wiki_workflow_sync()
    users = {
        user.username: user
        for user in User.objects.filter(username__in=["redaktion", "eltern", "mehmet", "julia", "olena"])
    }
    created = seed_articles(index=index, users=users)
    seed_review_queue(index=index, users=users)
    seed_roles(users=users, index=index)
    live = WikiArticlePage.objects.child_of(index).live().count()
    waiting = WikiEdit.objects.filter(state=WikiEdit.State.PENDING).count()
    return [
        f"Familien-Wiki: {live} Artikel ({created} neu), {Revision.objects.filter(wiki_edit__isnull=False).count()} Versionen, {waiting} Änderungen warten auf Freigabe"
    ]
