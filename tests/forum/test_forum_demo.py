"""The demo forum "Familien aus aller Welt": conversations in several languages, each post marked with its own."""

import pytest
from django.utils.translation import override
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.demo import seed_accounts
from community.forum.demo import WORLD_FORUM, seed_forum
from community.forum.demo_topics import WORLD_TOPICS
from community.forum.selectors import post_language
from tests.factories import topic_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(home_page):
    users = seed_accounts()
    seed_forum(users=users)
    return users


def test_the_world_forum_has_topics_with_replies_in_several_languages(seeded, client):
    forum = Forum.objects.get(name=WORLD_FORUM, parent=None)
    assert (
        forum.description.raw
        == "Eltern aus vielen Ländern tauschen sich aus – auf Deutsch oder in ihrer eigenen Sprache."
    )
    topics = Topic.objects.filter(forum=forum, approved=True)
    assert topics.count() >= 4
    assert all(topic.posts.count() >= 2 for topic in topics)
    posts = Post.objects.filter(topic__forum=forum).select_related("portal_language", "poster")
    languages = {post_language(post) for post in posts}
    assert {"tr", "ar", "uk", "ru", "en", "de"} <= languages
    # Each post is marked with the language it is written in (not the page's).
    for subject, entries in WORLD_TOPICS:
        written = list(Post.objects.filter(topic__subject=subject).order_by("created", "pk"))
        assert [(p.poster.username, post_language(p)) for p in written] == [(a, lang) for a, lang, _text in entries]

    ukrainian = Topic.objects.get(forum=forum, subject="Місце в дитсадку та курси німецької")
    html = client.get(topic_url(ukrainian)).content.decode()
    assert 'lang="uk" dir="auto"' in html and '<span class="tag" lang="uk">Українська</span>' in html
    with override("uk"):
        assert '<span class="tag" lang="uk">' not in client.get(topic_url(ukrainian)).content.decode()


def test_the_demo_writers_get_their_mails_in_their_language(seeded):
    assert {name: seeded[name].language for name in ("mehmet", "olena", "rania", "swetlana", "emma", "julia")} == {
        "mehmet": "tr",
        "olena": "uk",
        "rania": "ar",
        "swetlana": "ru",
        "emma": "en",
        "julia": "de",
    }


def test_seeding_again_adds_nothing(seeded):
    before = (Topic.objects.count(), Post.objects.count())
    assert seed_forum(users=seeded) == 0
    assert (Topic.objects.count(), Post.objects.count()) == before
