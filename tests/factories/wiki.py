from community.wiki.models import WikiArticlePage, WikiCategory, WikiIndexPage

from .pages import section


def wiki_index(home_page) -> WikiIndexPage:
    return section(home_page, WikiIndexPage, title="Familien-Wiki", slug="wiki")


def wiki_category(name="Gesundheit", slug="gesundheit") -> WikiCategory:
    return WikiCategory.objects.originals().get_or_create(slug=slug, defaults={"name": name})[0]


def make_article(
    index,
    *,
    title="Kinderarzt finden",
    body="## Suchen\nFrüh anrufen.\n\n## Tipp\nIn der Klinik fragen.",
    categories=(),
    **fields,
) -> WikiArticlePage:
    """A published article, as the Redaktion would have put it live."""
    from django.utils.text import slugify

    article = WikiArticlePage(title=title, slug=fields.pop("slug", slugify(title)), body=body, **fields)
    article.categories = list(categories)
    index.add_child(instance=article)
    article.save_revision().publish()
    return WikiArticlePage.objects.get(pk=article.pk)
