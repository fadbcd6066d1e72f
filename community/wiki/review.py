"""The wiki's part of the review inbox: articles with parents' edits waiting (new articles among them) and trusted
accounts' direct edits not yet looked at."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.wiki.models import WikiArticlePage, WikiEdit
from core.registry import ReviewItem, ReviewSource, review_sources
from core.review import display_name, page_review_source


def _allowed(user) -> bool:
    return user.has_perm("wiki.change_wikiedit")


def _label(page):
    return _("Wiki-Änderung") if page.live else _("Neuer Wiki-Artikel")


def _summaries(pages) -> dict[int, str]:
    """What the authors said they changed, per article (several edits can wait in one review)."""
    notes: dict[int, list[str]] = {}
    edits = WikiEdit.objects.filter(
        article__in=[page.pk for page in pages], state=WikiEdit.State.PENDING
    ).select_related("author")
    for edit in edits.order_by("created_at"):
        notes.setdefault(edit.article_id, []).append(f"{display_name(edit.author)}: „{edit.summary}“")
    return {pk: "; ".join(lines) for pk, lines in notes.items()}


def _unchecked_items(user) -> list[ReviewItem]:
    edits = (
        WikiEdit.objects.filter(direct=True, checked_at__isnull=True)
        .select_related("article", "author")
        .order_by("created_at")
    )
    return [
        ReviewItem(
            kind="wiki-nachpruefen",
            kind_label=_("Wiki: direkt veröffentlicht"),
            title=edit.article.title,
            author=display_name(edit.author),
            created_at=edit.created_at,
            url=reverse("wikiedit:edit", args=[edit.pk]),
            note=edit.summary,
        )
        for edit in edits
    ]


review_sources.register(
    page_review_source(
        key="wiki",
        label=_("Wiki"),
        page_model=WikiArticlePage,
        kind_label=_("Wiki-Änderung"),
        allowed=_allowed,
        label_for=_label,
        note_for=_summaries,
        order=20,
    )
)
review_sources.register(
    ReviewSource(
        key="wiki-nachpruefen",
        label=_("Wiki: nachprüfen"),
        allowed=_allowed,
        items=_unchecked_items,
        count=lambda user: WikiEdit.objects.filter(direct=True, checked_at__isnull=True).count(),
        order=21,
    )
)
