from django.utils.translation import gettext_lazy as _

from community.wiki.markup import plain_text
from community.wiki.models import WikiArticlePage
from search.documents import adapter, page_document


def _articles():
    return WikiArticlePage.objects.live().select_related("locale").prefetch_related("categories")


@adapter(WikiArticlePage, kind="wiki", label=_("Wiki-Artikel"), queryset=_articles)
def wiki_article_document(page: WikiArticlePage):
    """The live text only: parents' edits waiting for the Redaktion are revisions, not the page row."""
    return page_document(
        page,
        kind="wiki",
        text=" ".join([page.teaser, plain_text(page.body)]),
        # A general article ranks a little below the offer, Kita or place that matches as well: a parent who searches
        # "Baby Saarn" wants the baby group there first, the article about babies second.
        boost=0.8,
        # The German originals' names in the article's language, where the Redaktion translated them.
        categories=[
            category.localized("name", language=page.locale.language_code)[0] for category in page.categories.all()
        ],
    )
