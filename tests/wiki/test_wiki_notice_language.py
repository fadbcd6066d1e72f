"""Wiki notices reach each watcher in their language, linking to the article in it where it is translated."""

import pytest

from community.accounts.roles import REDAKTION
from community.notifications.models import Notification
from community.wiki import services
from tests.factories import ParentFactory, UserFactory, make_article, wiki_category, wiki_index
from tests.factories.translations import translate
from tests.wiki.test_wiki import NEW_TEXT, _approve

pytestmark = pytest.mark.django_db


def test_watchers_hear_of_a_change_in_their_language(client, home_page, django_capture_on_commit_callbacks):
    article = make_article(wiki_index(home_page), categories=[wiki_category()])
    turkish_article = translate(article, "tr")
    turkish, german = ParentFactory(language="tr"), ParentFactory()
    for watcher in (turkish, german):
        services.article_watch(user=watcher, article=article, watch=True)
    services.article_edit(
        user=ParentFactory(),
        article=article,
        body=NEW_TEXT,
        summary="Woche ergänzt",
        base_revision_id=article.get_latest_revision().pk,
    )
    with django_capture_on_commit_callbacks(execute=True):
        _approve(client, UserFactory(roles=[REDAKTION]), article)
    assert Notification.objects.get(user=turkish).url == turkish_article.url + "versionen/"
    assert turkish_article.url.startswith("/tr/")
    assert Notification.objects.get(user=german).url == article.url + "versionen/"
