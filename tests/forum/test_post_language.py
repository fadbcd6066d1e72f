"""Every post records the language it is written in; the page marks its body with it and names it where it differs."""

import json

import pytest
from django.urls import reverse
from django.utils.translation import override
from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.services import account_delete
from community.forum.models import PostLanguage
from community.forum.services import post_language_set
from tests.factories import (
    ParentFactory,
    establish,
    make_forum,
    make_reply,
    make_topic,
    reply_url,
    topic_create_url,
    topic_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(home_page):
    return make_forum("Familien aus aller Welt")


@pytest.fixture
def writer(forum):
    member = ParentFactory(display_name="Mehmet")
    establish(member, forum)  # posts go online at once
    return member


def language_of(post) -> str:
    return PostLanguage.objects.get(post=post).language


def test_the_reply_form_offers_the_interface_language_and_stores_the_chosen_one(client, forum, writer):
    topic = make_topic(forum, ParentFactory(), "Schwimmkurs")
    client.force_login(writer)
    with override("tr"):
        url = reply_url(topic)
    assert url.startswith("/tr/")
    form = client.get(url).content.decode()
    assert "Gönderinin dili" in form  # "Sprache des Beitrags" from the Turkish catalogue
    assert '<option value="tr" selected>Türkçe</option>' in form
    client.post(url, {"subject": "Re: Schwimmkurs", "content": "Cumartesi sabahları.", "language": "tr"})
    assert language_of(Post.objects.get(content="Cumartesi sabahları.")) == "tr"
    # Written on the Turkish page, in German: the writer says so.
    client.post(url, {"subject": "Re: Schwimmkurs", "content": "Samstags morgens.", "language": "de"})
    assert language_of(Post.objects.get(content="Samstags morgens.")) == "de"


def test_a_post_sent_without_the_select_is_in_the_language_of_the_page(client, forum, writer):
    topic = make_topic(forum, ParentFactory(), "Kita-Platz")
    client.force_login(writer)
    with override("uk"):
        url = reply_url(topic)
    client.post(url, {"subject": "Re: Kita-Platz", "content": "Дякую!"})
    assert language_of(Post.objects.get(content="Дякую!")) == "uk"


def test_a_new_topic_stores_the_language_of_its_opening_post(client, forum, writer):
    client.force_login(writer)
    client.post(
        topic_create_url(forum),
        {"subject": "مواعيد الاستشارة", "content": "مرحباً، متى تكون ساعات الاستشارة؟", "language": "ar"},
    )
    topic = Topic.objects.get(subject="مواعيد الاستشارة")
    assert language_of(topic.posts.get()) == "ar"


def test_an_unknown_language_is_refused(client, forum, writer):
    topic = make_topic(forum, ParentFactory(), "Kita-Platz")
    client.force_login(writer)
    response = client.post(reply_url(topic), {"subject": "Re: Kita-Platz", "content": "Hallo", "language": "xx"})
    assert "keine gültige Auswahl" in response.content.decode()
    assert not Post.objects.filter(content="Hallo").exists()


def test_editing_a_post_shows_and_changes_its_language(client, forum, writer):
    topic = make_topic(forum, ParentFactory(), "Logopädie")
    post = make_reply(topic, writer, "Спасибо!")
    post_language_set(post=post, language="ru")
    client.force_login(writer)
    url = reverse(
        "forum_conversation:post_update",
        kwargs={
            "forum_slug": forum.slug,
            "forum_pk": forum.pk,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
            "pk": post.pk,
        },
    )
    assert '<option value="ru" selected>' in client.get(url).content.decode()
    client.post(url, {"subject": post.subject, "content": "Дякую!", "language": "uk", "update_reason": ""})
    assert language_of(post) == "uk"


def test_the_post_body_carries_its_language_and_a_label_where_it_differs_from_the_page(client, forum):
    topic = make_topic(forum, ParentFactory(), "Seepferdchen", "Unser Sohn hat das Seepferdchen!")
    post_language_set(post=topic.posts.get(), language="de")
    turkish = make_reply(topic, ParentFactory(), "Tebrikler!")
    post_language_set(post=turkish, language="tr")

    html = client.get(topic_url(topic)).content.decode()  # the German page
    assert '<div class="post__content" lang="de" dir="auto"><p>Unser Sohn hat das Seepferdchen!</p>' in html
    assert '<div class="post__content" lang="tr" dir="auto"><p>Tebrikler!</p>' in html
    assert '<span class="tag" lang="tr">Türkçe</span>' in html
    assert html.count('class="post__language"') == 1  # the German post needs no label on the German page

    with override("tr"):
        turkish_page = client.get(topic_url(topic)).content.decode()
    assert '<span class="tag" lang="de">Deutsch</span>' in turkish_page
    assert '<span class="tag" lang="tr">' not in turkish_page


def test_posts_written_without_the_form_take_the_language_they_were_written_in(forum):
    # e.g. the wiki's discussion link, whose opening post is written in the visitor's language
    with override("ru"):
        topic = make_topic(forum, ParentFactory(), "Обсуждение")
    assert language_of(topic.posts.get()) == "ru"
    with override("de-x-ls"):
        topic = make_topic(forum, ParentFactory(), "Leicht")
    assert language_of(topic.posts.get()) == "de"  # Leichte Sprache is German as far as a post goes


def test_the_topic_page_asks_for_the_languages_in_one_query(client, forum, django_assert_max_num_queries):
    topic = make_topic(forum, ParentFactory(), "Viele Sprachen")
    make_reply(topic, ParentFactory(), "Eins")
    with django_assert_max_num_queries(60) as few:
        client.get(topic_url(topic))
    for language in ("tr", "ar", "uk", "ru", "en", "pl"):
        post_language_set(post=make_reply(topic, ParentFactory(), language), language=language)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert 'lang="pl"' in client.get(topic_url(topic)).content.decode()


def test_the_data_download_names_each_posts_language_and_deletion_keeps_it(client, forum):
    member = ParentFactory()
    topic = make_topic(forum, member, "Englisch", "Hi everyone!")
    post_language_set(post=topic.posts.get(), language="en")
    client.force_login(member)
    data = json.loads(client.get(reverse("account-data")).content)
    assert [(p["text"], p["sprache"]) for p in data["forum_beitraege"]] == [("Hi everyone!", "en")]

    account_delete(user=member)
    post = Post.objects.get(content="Hi everyone!")
    assert post.poster is None and language_of(post) == "en"
