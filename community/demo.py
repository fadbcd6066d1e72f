"""The demo city's accounts and forum, owned by `community`."""

from __future__ import annotations

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from community.forum import services as forum_services
from community.forum.demo_topics import REPORTS, TOPICS, WAITING
from community.models import User
from community.roles import ANBIETER, ELTERN, FAMILIENPUNKT_TEAM, KITA_LEITUNG, MODERATION, REDAKTION

DEMO_PASSWORD = "demo"

# username, display name, role (None: superuser), what the account is for
DEMO_ACCOUNTS = [
    ("admin", "Administration", None, "alles, auch Benutzer und Einstellungen"),
    ("redaktion", "Redaktion Familienportal", REDAKTION, "prüft und veröffentlicht Inhalte"),
    ("moderation", "Forenmoderation", MODERATION, "betreut die Foren"),
    ("eltern", "Sandra aus Styrum", ELTERN, "Elternteil: Forum und Wiki"),
    ("anbieter", "Familienbildungsstätte", ANBIETER, "pflegt Angebote ihrer Organisation"),
    ("kita", "Kita Sonnenblume", KITA_LEITUNG, "meldet freie Plätze der eigenen Kita"),
    ("familienpunkt", "Team Familienpunkt Styrum", FAMILIENPUNKT_TEAM, "Termine und Helfer-Schichten in Styrum"),
]
# More parents so that the forum has several voices.
DEMO_PARENTS = [("mehmet", "Mehmet aus Dümpten"), ("julia", "Julia aus Saarn"), ("olena", "Olena aus Heißen")]
# A member who joined just now (posts wait for approval) and one who posts advertising (reported and hidden).
DEMO_NEWCOMERS = [("lena", "Lena, neu in Broich"), ("shop", "Baby-Shop24")]

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


def _ensure_account(*, username: str, display_name: str, role: str | None) -> tuple[User, bool]:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "display_name": display_name,
            "email": f"{username}@demo.familienportal.local",
            "is_staff": role is None,
            "is_superuser": role is None,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)  # only on creation: a second run must not touch the hash
        user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user, created


def seed_accounts() -> dict[str, User]:
    if not settings.PORTAL_ALLOW_DEMO_ACCOUNTS:
        raise ImproperlyConfigured("Demo-Konten sind in dieser Umgebung abgeschaltet (PORTAL_ALLOW_DEMO_ACCOUNTS).")
    users = {}
    for username, display_name, role, _purpose in DEMO_ACCOUNTS:
        users[username], _created = _ensure_account(username=username, display_name=display_name, role=role)
    for username, display_name in DEMO_PARENTS + DEMO_NEWCOMERS:
        users[username], _created = _ensure_account(username=username, display_name=display_name, role=ELTERN)
    return users


def seed_forum(*, users: dict[str, User]) -> int:
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
        forum=forum, poster=users[entries[0][0]], subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED, approved=True
    )
    for position, (author, text) in enumerate(entries):
        post = Post.objects.create(
            topic=topic, poster=users[author], subject=subject if position == 0 else f"Re: {subject}", content=text, approved=True
        )
        Post.objects.filter(pk=post.pk).update(created=started + timedelta(hours=5 * position), updated=started + timedelta(hours=5 * position))
    last = started + timedelta(hours=5 * (len(entries) - 1))
    Topic.objects.filter(pk=topic.pk).update(created=started, updated=last, last_post_on=last)
    return topic


def _seed_waiting(*, forums, users) -> None:
    newcomer = users["lena"]
    for forum_name, subject, text, *reply_to in WAITING:
        forum = forums[forum_name]
        if reply_to:
            topic = Topic.objects.get(forum=forum, subject=reply_to[0])
            Post.objects.create(topic=topic, poster=newcomer, subject=f"Re: {topic.subject}", content=text, approved=False)
        else:
            topic = Topic.objects.create(
                forum=forum, poster=newcomer, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED, approved=False
            )
            Post.objects.create(topic=topic, poster=newcomer, subject=subject, content=text, approved=False)


def _seed_reports(*, users) -> None:
    for subject, position, reports in REPORTS:
        post = Post.objects.filter(topic__subject=subject).order_by("created", "pk")[position]
        for reporter, reason, note in reports:
            forum_services.post_report(post=post, reporter=users[reporter], reason=reason, note=note)


def seed() -> list[str]:
    users = seed_accounts()
    created_topics = seed_forum(users=users)
    lines = ["Demo-Konten (Passwort für alle: demo):"]
    lines += [f"  {username:<13} {purpose}" for username, _name, _role, purpose in DEMO_ACCOUNTS]
    lines.append(f"Forum: {Forum.objects.count()} Foren, {Topic.objects.count()} Themen ({created_topics} neu)")
    return lines
