"""Who may do what in the forum: anonymous, unconfirmed, new member, established member, moderator."""

import pytest
from django.urls import reverse
from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.roles import MODERATION
from community.forum.models import PostReport
from tests.factories import (
    ParentFactory,
    UserFactory,
    establish,
    forum_url,
    make_forum,
    make_reply,
    make_topic,
    reply_url,
    topic_create_url,
    topic_url,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonym", "unbestaetigt", "neues_mitglied", "mitglied", "moderation"]


@pytest.fixture
def world(home_page):
    forum = make_forum("Kita & Schule")
    other_forum = make_forum("Eltern helfen Eltern")
    closed_forum = make_forum("Stadtteil-Treffs", members_only=True)
    author = ParentFactory(username="autorin")
    topic = make_topic(forum, author, "Eingewöhnung", "Wie lange hat es bei euch gedauert?")
    reply = make_reply(topic, author, "Bei uns drei Wochen.")
    closed_topic = make_topic(closed_forum, author, "Treffen am Donnerstag", "Wir sind ab 15 Uhr am Spielplatz.")
    return {
        "forum": forum,
        "other_forum": other_forum,
        "closed_forum": closed_forum,
        "topic": topic,
        "reply": reply,
        "closed_topic": closed_topic,
        "author": author,
    }


def login_as(client, role: str, world):
    if role == "anonym":
        return None
    if role == "unbestaetigt":
        user = UserFactory(verified=False)
    elif role == "moderation":
        user = UserFactory(roles=[MODERATION])
    else:
        user = ParentFactory()
        if role == "mitglied":
            establish(user, world["other_forum"])
    client.force_login(user)
    return user


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_public_forums(client, world, role):
    login_as(client, role, world)
    assert client.get(forum_url(world["forum"])).status_code == 200
    html = client.get(topic_url(world["topic"])).content.decode()
    assert "Bei uns drei Wochen." in html


@pytest.mark.parametrize(
    ("role", "may_read"),
    [
        ("anonym", False),
        ("unbestaetigt", False),
        ("neues_mitglied", True),
        ("mitglied", True),
        ("moderation", True),
    ],
)
def test_members_only_forums(client, world, role, may_read):
    login_as(client, role, world)
    response = client.get(topic_url(world["closed_topic"]))
    index = client.get(reverse("forum:index")).content.decode()
    if may_read:
        assert response.status_code == 200
        assert "Wir sind ab 15 Uhr am Spielplatz." in response.content.decode()
        assert "Stadtteil-Treffs" in index
    else:
        assert response.status_code in (302, 403)
        assert "Wir sind ab 15 Uhr" not in response.content.decode()
        assert "Stadtteil-Treffs" not in index


@pytest.mark.parametrize(
    ("role", "may_write"),
    [
        ("anonym", False),
        ("unbestaetigt", False),
        ("neues_mitglied", True),
        ("mitglied", True),
        ("moderation", True),
    ],
)
def test_topic_form_needs_a_confirmed_member(client, world, role, may_write):
    login_as(client, role, world)
    response = client.get(topic_create_url(world["forum"]))
    assert (response.status_code == 200) is may_write
    if role == "anonym":
        assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize(
    ("role", "outcome"),
    [
        ("anonym", None),
        ("unbestaetigt", None),
        ("neues_mitglied", "waits"),
        ("mitglied", "online"),
        ("moderation", "online"),
    ],
)
def test_replying(client, world, role, outcome):
    login_as(client, role, world)
    client.post(reply_url(world["topic"]), {"subject": "Re: Eingewöhnung", "content": "Meine Antwort aus der Matrix."})
    post = Post.objects.filter(content="Meine Antwort aus der Matrix.").first()
    if outcome is None:
        assert post is None
        return
    assert post.approved is (outcome == "online")
    shown = "Meine Antwort aus der Matrix." in client.get(topic_url(world["topic"])).content.decode()
    # A waiting post is not shown, not even to its author.
    assert shown is (outcome == "online")


@pytest.mark.parametrize(
    ("role", "may_report"),
    [
        ("anonym", False),
        ("unbestaetigt", False),
        ("neues_mitglied", True),
        ("mitglied", True),
        ("moderation", True),
    ],
)
def test_reporting(client, world, role, may_report):
    login_as(client, role, world)
    client.post(reverse("forum-report", args=[world["reply"].pk]), {"reason": "beleidigend", "note": "Ton"})
    assert PostReport.objects.filter(post=world["reply"]).exists() is may_report


@pytest.mark.parametrize("role", ROLES)
def test_only_the_moderation_moderates(client, world, role):
    user = login_as(client, role, world)
    topic, reply, forum = world["topic"], world["reply"], world["forum"]
    waiting = make_reply(topic, world["author"], "Wartet noch.", approved=False)
    is_moderator = role == "moderation"

    queue = client.get(reverse("forum-moderation"))
    assert (queue.status_code == 200) is is_moderator
    assert (
        client.get(
            reverse(
                "forum_conversation:post_update",
                kwargs={
                    "forum_slug": forum.slug,
                    "forum_pk": forum.pk,
                    "topic_slug": topic.slug,
                    "topic_pk": topic.pk,
                    "pk": reply.pk,
                },
            )
        ).status_code
        == 200
    ) is is_moderator

    client.post(reverse("forum_moderation:approve_queued_post", args=[waiting.pk]))
    assert Post.objects.get(pk=waiting.pk).approved is is_moderator

    client.post(reverse("forum_moderation:topic_lock", kwargs={"slug": topic.slug, "pk": topic.pk}), {"post": "yes"})
    assert Topic.objects.get(pk=topic.pk).is_locked is is_moderator

    client.post(
        reverse(
            "forum_conversation:post_delete",
            kwargs={
                "forum_slug": forum.slug,
                "forum_pk": forum.pk,
                "topic_slug": topic.slug,
                "topic_pk": topic.pk,
                "pk": reply.pk,
            },
        ),
        {"post": "yes"},
    )
    assert Post.objects.filter(pk=reply.pk).exists() is not is_moderator

    client.post(
        reverse("forum_moderation:topic_move", kwargs={"slug": topic.slug, "pk": topic.pk}),
        {"forum": world["other_forum"].pk},
    )
    assert (Topic.objects.get(pk=topic.pk).forum_id == world["other_forum"].pk) is is_moderator
    if user is not None and not is_moderator:
        assert Topic.objects.get(pk=topic.pk).forum_id == forum.pk


def test_members_edit_and_delete_only_their_own_posts(client, world):
    member = ParentFactory()
    own = make_reply(world["topic"], member, "Mein eigener Beitrag.")
    client.force_login(member)
    forum, topic = world["forum"], world["topic"]

    def update_url(post):
        return reverse(
            "forum_conversation:post_update",
            kwargs={
                "forum_slug": forum.slug,
                "forum_pk": forum.pk,
                "topic_slug": topic.slug,
                "topic_pk": topic.pk,
                "pk": post.pk,
            },
        )

    assert client.get(update_url(own)).status_code == 200
    assert client.get(update_url(world["reply"])).status_code == 403


def test_the_permission_tag_knows_the_handlers_methods_without_inspecting_it_each_time(client, world, monkeypatch):
    """machina's `{% get_permission %}` listed the handler's methods on every use (eleven times a topic page)."""
    import inspect

    from django.template import Context, TemplateSyntaxError, engines

    from community.forum import permission_tag

    engine = engines["django"].engine
    library = engine.template_libraries["forum_permission_tags"]
    assert library.tags["get_permission"] is permission_tag.register.tags["get_permission"]
    permission_tag._allowed.cache_clear()
    calls = []
    real = inspect.getmembers
    monkeypatch.setattr(inspect, "getmembers", lambda *args, **kwargs: calls.append(args) or real(*args, **kwargs))
    for _ in range(3):
        html = client.get(topic_url(world["topic"])).content.decode()
        assert "Bei uns drei Wochen." in html
    assert len(calls) == 1, "the method names are worked out once"
    with pytest.raises(TemplateSyntaxError, match="can_add_post"):  # what machina refuses stays refused
        engine.from_string("{% load forum_permission_tags %}{% get_permission '__init__' %}").render(Context({}))
