"""The demo city's forum: eight forums, 30+ conversations (some in Turkish, Arabic, Ukrainian, Russian and English),
posts waiting and posts reported."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.demo import demo_users
from community.forum import services as forum_services
from community.forum.demo_topics import REPORTS, TOPICS, WAITING, WORLD_TOPICS

FORUMS = [
    ("Schwangerschaft & Geburt", "Hebammen, Geburtskliniken, die ersten Wochen."),
    ("Baby & Kleinkind", "Schlafen, Essen, Krabbelgruppen und alles rund ums erste Lebensjahr."),
    ("Kita & Schule", "Kita-Suche, Eingewöhnung, Grundschule und OGS."),
    ("Freizeit in Mülheim", "Spielplätze, Ausflüge, Kurse und Ferienideen."),
    ("Stadtteil-Treffs", "Eltern aus Ihrem Stadtteil kennenlernen."),
    ("Eltern helfen Eltern", "Fragen, Tipps und Hilfe unter Eltern."),
    ("Fragen an die Redaktion", "Hinweise und Fragen zum Familienportal."),
    # Content, like every forum's name and description: written in German, not translated through gettext.
    (
        "Familien aus aller Welt",
        "Eltern aus vielen Ländern tauschen sich aus – auf Deutsch oder in ihrer eigenen Sprache.",
    ),
]
WORLD_FORUM = "Familien aus aller Welt"

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
            entries = [(author, "de", text) for author, text in entries]
            _write_topic(forum=forum, subject=subject, entries=entries, users=users, started=started)
            created += 1
        if created:
            _seed_waiting(forums=forums, users=users)
            _seed_reports(users=users)
        created += _seed_world(forum=forums[WORLD_FORUM], users=users, now=now)
    return created


def _seed_world(*, forum, users, now) -> int:
    """Conversations in several languages, each post marked with the language it is written in."""
    created = 0
    for number, (subject, entries) in enumerate(WORLD_TOPICS):
        if Topic.objects.filter(forum=forum, subject=subject).exists():
            continue
        started = now - timedelta(days=2 * (len(WORLD_TOPICS) - number), hours=3 + number)
        _write_topic(forum=forum, subject=subject, entries=entries, users=users, started=started)
        created += 1
    return created


def _write_topic(*, forum, subject: str, entries, users, started) -> Topic:
    """A topic of approved posts by `entries` = [(author, language, text), …], dated from `started` on."""
    topic = Topic.objects.create(
        forum=forum,
        poster=users[entries[0][0]],
        subject=subject,
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
        approved=True,
    )
    for position, (author, language, text) in enumerate(entries):
        post = Post.objects.create(
            topic=topic,
            poster=users[author],
            subject=subject if position == 0 else f"Re: {subject}",
            content=text,
            approved=True,
        )
        forum_services.post_language_set(post=post, language=language)
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
