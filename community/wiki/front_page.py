"""The wiki's panel for the front page: the newest articles in the reader's language tree."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.registry import FrontPagePanel, front_page_panels
from core.restrictions import public
from home.front_page import section_page

NEWEST = 5


def newest_articles(request, home) -> dict | None:
    from community.wiki.models import WikiArticlePage, WikiIndexPage

    index = section_page(request, home, WikiIndexPage)
    if index is None:
        return None
    articles = list(
        public(WikiArticlePage.objects.live()).child_of(index).order_by("-first_published_at", "-pk")[:NEWEST]
    )
    return {"articles": articles, "index_url": index.url}


front_page_panels.register(
    FrontPagePanel(
        key="wiki_neue_artikel",
        label=_("Neu im Familien-Wiki"),
        template="wiki/front_page/newest.html",
        context=newest_articles,
        order=50,
    )
)
