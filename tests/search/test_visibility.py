"""Only what the reader may see is ever found: the index follows moderation, workflows and forum access."""

import pytest
from machina.apps.forum_conversation.models import Post

from community.accounts.roles import MODERATION, REDAKTION
from community.forum.services import forum_set_members_only, post_report, reports_decide
from community.wiki import services as wiki
from search.query import SearchQuery
from search.services import search
from tests.factories import ParentFactory, UserFactory, make_article, make_forum, make_reply, make_topic, wiki_index
from tests.search.conftest import titles

pytestmark = pytest.mark.django_db


def _texts(q, audience="public") -> str:
    return " ".join(hit.title + " " + hit.snippet_html for hit in search(SearchQuery(text=q, audience=audience)).hits)


def test_a_parents_pending_wiki_edit_is_not_found_until_the_redaktion_approves(home_page, indexing):
    with indexing():
        article = make_article(wiki_index(home_page), title="Kinderarzt finden", body="Früh anrufen.")
    with indexing():
        wiki.article_edit(
            user=ParentFactory(),
            article=article,
            body="Früh anrufen. Die Notfallpraxis am Klinikum hilft nachts.",
            summary="Notfallpraxis",
            base_revision_id=article.get_latest_revision().pk,
        )
    assert "Notfallpraxis" not in _texts("Notfallpraxis")
    assert "Kinderarzt finden" in _texts("Kinderarzt")
    with indexing():
        article.refresh_from_db()
        article.get_latest_revision().publish(user=UserFactory(roles=[REDAKTION]))
    assert "Kinderarzt finden" in _texts("Notfallpraxis")


def test_waiting_posts_are_not_found_and_are_found_once_approved(indexing):
    forum = make_forum()
    with indexing():
        topic = make_topic(forum, ParentFactory(), "Krabbelgruppe gesucht", "Kennt jemand eine Gruppe?")
        waiting = make_reply(topic, ParentFactory(), "Die Zwergenrunde trifft sich dienstags.", approved=False)
    assert "Krabbelgruppe gesucht" in _texts("Krabbelgruppe")
    assert _texts("Zwergenrunde") == ""
    with indexing():
        waiting.approved = True
        waiting.save()
    assert "Zwergenrunde" in _texts("Zwergenrunde")


def test_a_whole_waiting_topic_is_not_found(indexing):
    with indexing():
        make_topic(make_forum(), ParentFactory(), "Geheimtipp Spielplatz", "Am Wasserturm", approved=False)
    assert _texts("Geheimtipp") == ""


def test_a_post_hidden_by_reports_leaves_the_index_and_a_removed_topic_too(indexing, settings):
    settings.FORUM_REPORTS_TO_HIDE = 2
    forum = make_forum()
    with indexing():
        topic = make_topic(forum, ParentFactory(), "Kinderwagen gesucht", "Wer verkauft einen?")
        advert = make_reply(topic, ParentFactory(), "Billige Kinderwagen im Onlineshop Superdeal!")
    assert "Superdeal" in _texts("Superdeal")
    with indexing():
        for reporter in (ParentFactory(), ParentFactory()):
            post_report(post=advert, reporter=reporter, reason="spam")
    assert _texts("Superdeal") == ""
    assert "Kinderwagen gesucht" in _texts("Kinderwagen")
    with indexing():
        reports_decide(
            post=Post.objects.get(pk=topic.first_post_id),
            moderator=UserFactory(roles=[MODERATION]),
            keep=False,
            reason="Werbung",
        )
    assert _texts("Kinderwagen") == ""


def test_members_only_forums_are_found_by_members_and_never_by_anonymous_readers(client, indexing):
    forum = make_forum("Stadtteil-Treffs")
    with indexing():
        make_topic(forum, ParentFactory(), "Treffen am Spielplatz Saarn", "Samstag um zehn")
    assert titles(client, "Spielplatz Saarn") == ["Treffen am Spielplatz Saarn"]
    with indexing():
        forum_set_members_only(forum=forum, members_only=True)
    assert titles(client, "Spielplatz Saarn") == []
    assert titles(client, "Spielplatz Saarn", typ="forum") == []
    client.force_login(ParentFactory())
    assert titles(client, "Spielplatz Saarn") == ["Treffen am Spielplatz Saarn"]
    # An account without a confirmed address counts as anonymous here.
    unconfirmed = UserFactory()
    unconfirmed.emailaddress_set.update(verified=False)
    client.force_login(unconfirmed)
    assert titles(client, "Spielplatz Saarn") == []
