import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from machina.apps.forum.models import Forum

from community.accounts.roles import MODERATION
from community.forum.markup import render_markdown
from tests.factories import (
    ParentFactory,
    UserFactory,
    forum_url,
    make_forum,
    make_reply,
    make_topic,
    reply_url,
    topic_create_url,
    topic_url,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("[klick](javascript:alert(1))", "javascript:"),
        ('<img src=x onerror="alert(1)">', "onerror"),
        ('<a href="#" onclick="alert(1)">x</a>', "onclick"),
        ("[x](JaVaScRiPt:alert(1))", 'alert(1)"'),
    ],
)
def test_forum_markdown_is_sanitized(source, forbidden):
    assert forbidden.lower() not in render_markdown(source).lower()


def test_forum_markdown_keeps_formatting_and_marks_links_as_user_content():
    html = render_markdown("**Tipp:** [Stadtbibliothek](https://example.org/bibliothek)")
    assert "<strong>Tipp:</strong>" in html
    assert 'href="https://example.org/bibliothek"' in html
    assert 'rel="nofollow ugc noopener"' in html


def test_forum_pages_use_the_portal_layout_and_search(client, home_page):
    Forum.objects.create(name="Kita & Schule", type=Forum.FORUM_POST)
    html = client.get("/de/forum/").content.decode()
    assert 'class="skip-link"' in html
    assert 'aria-label="Hauptnavigation"' in html
    assert "Kita &amp; Schule" in html
    assert 'action="/de/suche/"' in html
    assert "forum/search" not in html


def test_parents_can_open_the_new_topic_form(client, home_page):
    forum = Forum.objects.create(name="Baby & Kleinkind", type=Forum.FORUM_POST)
    client.force_login(ParentFactory())
    response = client.get(f"/de/forum/forum/{forum.slug}-{forum.pk}/topic/create/")
    assert response.status_code == 200
    assert 'name="subject"' in response.content.decode()


def test_anonymous_visitors_get_no_session(client, home_page):
    Forum.objects.create(name="Baby & Kleinkind", type=Forum.FORUM_POST)
    for url in ("/de/", "/de/forum/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "sessionid" not in response.cookies, url


FORUM_PAGES = [
    # (who, url builder, a German text that must be on the page)
    ("anonym", lambda w: "/de/forum/", "Forenregeln"),
    ("anonym", lambda w: forum_url(w["forum"]), "Anmelden, um zu schreiben"),
    ("anonym", lambda w: topic_url(w["topic"]), "Anmelden, um zu antworten"),
    ("mitglied", lambda w: forum_url(w["forum"]), "Forum folgen (neue Themen)"),
    ("mitglied", lambda w: topic_url(w["topic"]), "Melden"),
    ("mitglied", lambda w: topic_create_url(w["forum"]), "Neues Thema in „<bdi>Kita &amp; Schule</bdi>“"),
    ("mitglied", lambda w: reply_url(w["topic"]), "Die letzten Beiträge"),
    ("mitglied", lambda w: reverse("forum-report", args=[w["reply"].pk]), "Warum melden Sie diesen Beitrag?"),
    ("mitglied", lambda w: reverse("forum_member:user_subscriptions"), "Themen, denen Sie folgen"),
    ("mitglied", lambda w: reverse("forum_member:user_posts", args=[w["member"].pk]), "Meine Beiträge"),
    ("mitglied", lambda w: reverse("forum_member:profile", args=[w["author"].pk]), "Neueste Beiträge"),
    ("mitglied", lambda w: reverse("forum_tracking:unread_topics"), "Ungelesene Themen"),
    ("mitglied", lambda w: reverse("forum_member:topic_subscribe", args=[w["other_topic"].pk]), "Ja, folgen"),
    ("moderation", lambda w: reverse("forum-moderation"), "Warten auf Freigabe"),
    ("moderation", lambda w: topic_url(w["topic"]), "Thema schließen"),
    (
        "moderation",
        lambda w: reverse("forum_moderation:topic_lock", kwargs={"slug": w["topic"].slug, "pk": w["topic"].pk}),
        "Ja, schließen",
    ),
    (
        "moderation",
        lambda w: reverse("forum_moderation:topic_move", kwargs={"slug": w["topic"].slug, "pk": w["topic"].pk}),
        "In welches Forum gehört",
    ),
    ("moderation", lambda w: reverse("forum_moderation:approve_queued_post", args=[w["waiting"].pk]), "Ja, freigeben"),
    (
        "moderation",
        lambda w: reverse(
            "forum_conversation:post_delete",
            kwargs={
                "forum_slug": w["forum"].slug,
                "forum_pk": w["forum"].pk,
                "topic_slug": w["topic"].slug,
                "topic_pk": w["topic"].pk,
                "pk": w["reply"].pk,
            },
        ),
        "Ja, löschen",
    ),
]


@pytest.fixture
def forum_world(home_page):
    forum = make_forum("Kita & Schule")
    author = ParentFactory(display_name="Olena aus Heißen")
    topic = make_topic(forum, author, "Eingewöhnung", "Wie lange hat es gedauert?")
    reply = make_reply(topic, author, "Drei Wochen.")
    return {
        "forum": forum,
        "author": author,
        "topic": topic,
        "reply": reply,
        "member": ParentFactory(),
        "other_topic": make_topic(forum, author, "OGS", "Anmeldung?"),
        "waiting": make_reply(topic, author, "Wartet.", approved=False),
        "moderator": UserFactory(roles=[MODERATION]),
    }


@pytest.mark.parametrize(("who", "url", "text"), FORUM_PAGES)
def test_forum_pages_render_in_the_portal_layout_in_german_with_local_assets_only(client, forum_world, who, url, text):
    if who != "anonym":
        client.force_login(forum_world["member"] if who == "mitglied" else forum_world["moderator"])
    response = client.get(url(forum_world))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert 'class="skip-link"' in html and 'aria-label="Hauptnavigation"' in html and 'class="site-footer' in html
    assert text in html
    # machina's Bootstrap theme, jQuery bundle and Markdown editor (which fetches Font Awesome from a CDN) are not used.
    for unwanted in ("machina.board_theme", "machina.packages", "easymde", "bootstrapcdn", "btn btn-", "card-body"):
        assert unwanted not in html, unwanted
    assert not re.findall(r'(?:src|href)="(?:https?:)?//(?!testserver)', html.split("<footer")[0].split("<main")[1])
    # No English left over from machina's templates.
    for english in ("Post reply", "Subscribe", "Last post", "By:", "Yes, I'm sure", "Forum index"):
        assert english not in html, english


def test_forum_pages_keep_their_query_budget_as_conversations_grow(client, home_page):
    """Per page, the number of SQL queries stays the same with 3 or 13 posts and topics (no query per post)."""
    forum = make_forum("Kita & Schule")
    topic = make_topic(forum, ParentFactory())
    client.force_login(ParentFactory())
    pages = {"topic": (topic_url(topic), 29), "forum": (forum_url(forum), 25), "index": ("/de/forum/", 22)}
    counts = {}
    for size in (3, 13):
        while topic.posts.count() < size:
            make_reply(topic, ParentFactory())
        while forum.topics.count() < size:
            make_topic(forum, ParentFactory(), f"Thema {forum.topics.count()}")
        for url, _budget in pages.values():
            client.get(url)  # the first visit writes read-tracking rows; measure the second
        for name, (url, budget) in pages.items():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts[(name, size)] = len(queries)
            assert len(queries) <= budget, (name, size, len(queries))
    for name in pages:
        assert counts[(name, 3)] == counts[(name, 13)], counts
