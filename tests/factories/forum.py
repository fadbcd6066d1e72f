from django.conf import settings
from django.urls import reverse
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from community.forum.services import forum_set_members_only


def make_forum(name: str = "Baby & Kleinkind", *, members_only: bool = False) -> Forum:
    forum = Forum.objects.create(name=name, type=Forum.FORUM_POST)
    if members_only:
        forum_set_members_only(forum=forum, members_only=True)
    return forum


def make_topic(
    forum: Forum,
    poster,
    subject: str = "Krabbelgruppe gesucht",
    text: str = "Kennt jemand eine Gruppe?",
    *,
    approved: bool = True,
) -> Topic:
    topic = Topic.objects.create(
        forum=forum,
        poster=poster,
        subject=subject,
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
        approved=approved,
    )
    Post.objects.create(topic=topic, poster=poster, subject=subject, content=text, approved=approved)
    return topic


def make_reply(
    topic: Topic, poster, text: str = "Im Familienpunkt gibt es einen Babytreff.", *, approved: bool = True
) -> Post:
    return Post.objects.create(
        topic=topic, poster=poster, subject=f"Re: {topic.subject}", content=text, approved=approved
    )


def establish(member, forum: Forum) -> None:
    """Give `member` enough approved posts that new ones skip the approval queue."""
    topic = make_topic(forum, member, subject="Vorstellung", text="Hallo in die Runde!")
    for _ in range(settings.FORUM_APPROVED_POSTS_TO_SKIP_QUEUE - 1):
        make_reply(topic, member, "Noch ein Gruß.")


def forum_url(forum: Forum) -> str:
    return reverse("forum:forum", kwargs={"slug": forum.slug, "pk": forum.pk})


def topic_url(topic: Topic) -> str:
    return reverse(
        "forum_conversation:topic",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "slug": topic.slug, "pk": topic.pk},
    )


def topic_create_url(forum: Forum) -> str:
    return reverse("forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk})


def reply_url(topic: Topic) -> str:
    return reverse(
        "forum_conversation:post_create",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
        },
    )
