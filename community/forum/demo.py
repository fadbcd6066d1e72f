"""The demo city's forum: seven forums, 30+ conversations, posts waiting and posts reported."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.demo import demo_users
from community.forum import services as forum_services
from community.forum.demo_topics import REPORTS, TOPICS, WAITING

FORUMS = [
    ("Schwangerschaft & Geburt", "Hebammen, Geburtskliniken, die ersten Wochen."),
    ("Baby & Kleinkind", "Schlafen, Essen, Krabbelgruppen und alles rund ums erste Lebensjahr."),
    ("Kita & Schule", "Kita-Suche, Eingewöhnung, Grundschule und OGS."),
    ("Freizeit in Mülheim", "Spielplätze, Ausflüge, Kurse und Ferienideen."),
    ("Stadtteil-Treffs", "Eltern aus Ihrem Stadtteil kennenlernen."),
    ("Eltern helfen Eltern", "Fragen, Tipps und Hilfe unter Eltern."),
    ("Fragen an die Redaktion", "Hinweise und Fragen zum Familienportal."),
]

MEMBERS_ONLY_FORUMS = ["Stadtteil-Treffs"]  # where parents arrange to meet: not for every passer-by


def seed_forum(*, users: dict) -> int:
    """Forums, 30+ conversations dated over the last weeks, a few posts waiting and a few reported.

    The history is not news: followers are not notified while it is written."""
    forums = {}
    for name, description in FORUMS:
        forums[name] = Forum.objects.filter(name=name, parent=None).first() or Forum.objects.create(
            name=name, description=description, type=Forum.FORUM_POST
        )
    for name in MEMBERS_ONLY_FORUMS:
        forum_services.forum_set_members_only(forum=forums[name], members_only=True)
    created = 0
    now = timezone.now()
    with forum_services.announcements_muted():
        for number, (forum_name, subject, entries) in enumerate(TOPICS):
            forum = forums[forum_name]
            if Topic.objects.filter(forum=forum, subject=subject).exists():
                continue
            started = now - timedelta(days=len(TOPICS) - number, hours=number % 7)
            _write_topic(forum=forum, subject=subject, entries=entries, users=users, started=started)
            created += 1
        if created:
            _seed_waiting(forums=forums, users=users)
            _seed_reports(users=users)
    return created


def _write_topic(*, forum, subject: str, entries, users, started) -> Topic:
    topic = Topic.objects.create(
        forum=forum,
        poster=users[entries[0][0]],
        subject=subject,
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
        approved=True,
    )
    for position, (author, text) in enumerate(entries):
        post = Post.objects.create(
            topic=topic,
            poster=users[author],
            subject=subject if position == 0 else f"Re: {subject}",
            content=text,
            approved=True,
        )
        Post.objects.filter(pk=post.pk).update(
            created=started + timedelta(hours=5 * position), updated=started + timedelta(hours=5 * position)
        )
    last = started + timedelta(hours=5 * (len(entries) - 1))
    Topic.objects.filter(pk=topic.pk).update(created=started, updated=last, last_post_on=last)
    return topic


def _seed_waiting(*, forums, users) -> None:
    newcomer = users["lena"]
    for forum_name, subject, text, *reply_to in WAITING:
        forum = forums[forum_name]
        if reply_to:
            topic = Topic.objects.get(forum=forum, subject=reply_to[0])
            Post.objects.create(
                topic=topic, poster=newcomer, subject=f"Re: {topic.subject}", content=text, approved=False
            )
        else:
            topic = Topic.objects.create(
                forum=forum,
                poster=newcomer,
                subject=subject,
                type=Topic.TOPIC_POST,
                status=Topic.TOPIC_UNLOCKED,
                approved=False,
            )
            Post.objects.create(topic=topic, poster=newcomer, subject=subject, content=text, approved=False)


def _seed_reports(*, users) -> None:
    for subject, position, reports in REPORTS:
        post = Post.objects.filter(topic__subject=subject).order_by("created", "pk")[position]
        for reporter, reason, note in reports:
            forum_services.post_report(post=post, reporter=users[reporter], reason=reason, note=note)


def seed() -> list[str]:
    created_topics = seed_forum(users=demo_users())
    return [f"Forum: {Forum.objects.count()} Foren, {Topic.objects.count()} Themen ({created_topics} neu)"]
