"""The demo city's accounts and forum, owned by `community`."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

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

FORUMS = [
    ("Schwangerschaft & Geburt", "Hebammen, Geburtskliniken, die ersten Wochen."),
    ("Baby & Kleinkind", "Schlafen, Essen, Krabbelgruppen und alles rund ums erste Lebensjahr."),
    ("Kita & Schule", "Kita-Suche, Eingewöhnung, Grundschule und OGS."),
    ("Freizeit in Mülheim", "Spielplätze, Ausflüge, Kurse und Ferienideen."),
    ("Stadtteil-Treffs", "Eltern aus Ihrem Stadtteil kennenlernen."),
    ("Eltern helfen Eltern", "Fragen, Tipps und Hilfe unter Eltern."),
    ("Fragen an die Redaktion", "Hinweise und Fragen zum Familienportal."),
]

# forum, subject, [(author, text), …]: the first entry opens the topic
TOPICS = [
    ("Baby & Kleinkind", "Krabbelgruppe in Saarn gesucht", [
        ("julia", "Hallo zusammen, wir sind neu in Saarn und suchen eine Krabbelgruppe für unsere Tochter (8 Monate). Hat jemand einen Tipp?"),
        ("eltern", "Im Familienpunkt gibt es dienstags einen Babytreff, da waren wir auch. Sehr nett und kostenlos!"),
        ("olena", "Die evangelische Gemeinde hat auch eine Gruppe, allerdings mit Warteliste."),
    ]),
    ("Kita & Schule", "Eingewöhnung nach dem Berliner Modell – Erfahrungen?", [
        ("mehmet", "Unser Sohn startet im August in der Kita. Wie lange hat die Eingewöhnung bei euch gedauert?"),
        ("eltern", "Bei uns knapp drei Wochen. Plant lieber etwas mehr Zeit ein, dann ist es entspannter."),
    ]),
    ("Freizeit in Mülheim", "Wohin bei Regen mit Kleinkindern?", [
        ("eltern", "Kennt ihr gute Orte für Regentage? Indoor-Spielplatz ist uns auf Dauer zu laut."),
        ("julia", "Die Stadtbibliothek hat eine schöne Kinderecke, und samstags gibt es Vorlesestunden."),
        ("mehmet", "Das Aquarius Wassermuseum ist auch mit Kleinen spannend."),
    ]),
    ("Schwangerschaft & Geburt", "Nachsorgehebamme finden", [
        ("olena", "Ich bin in der 20. Woche und finde keine Nachsorgehebamme. Wie habt ihr das geschafft?"),
        ("julia", "Frag beim Familienpunkt nach den Familienhebammen, die haben auch eine Liste."),
    ]),
    ("Eltern helfen Eltern", "Elterngeld-Antrag: Welche Unterlagen braucht man?", [
        ("mehmet", "Wir stellen gerade den Elterngeld-Antrag. Welche Unterlagen habt ihr gebraucht?"),
        ("eltern", "Geburtsurkunde für Elterngeld, Gehaltsnachweise der letzten 12 Monate und die Bescheinigung der Krankenkasse über das Mutterschaftsgeld."),
    ]),
    ("Stadtteil-Treffs", "Spielplatztreff Styrum, donnerstags", [
        ("eltern", "Wir treffen uns donnerstags ab 15 Uhr am Spielplatz im Styrumer Schlosspark. Wer mag, kommt dazu!"),
    ]),
    ("Fragen an die Redaktion", "Wie kann ich ein Angebot melden?", [
        ("julia", "Ich kenne einen tollen Kinderturnkurs, der hier noch fehlt. Wie kann ich ihn melden?"),
        ("redaktion", "Danke! Schreiben Sie uns gern über die Kontaktadresse im Fußbereich, bald auch direkt über ein Formular."),
    ]),
]


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
    for username, display_name in DEMO_PARENTS:
        users[username], _created = _ensure_account(username=username, display_name=display_name, role=ELTERN)
    return users


def seed_forum(*, users: dict[str, User]) -> int:
    forums = {}
    for name, description in FORUMS:
        forums[name] = Forum.objects.filter(name=name, parent=None).first() or Forum.objects.create(
            name=name, description=description, type=Forum.FORUM_POST
        )
    created = 0
    for forum_name, subject, entries in TOPICS:
        forum = forums[forum_name]
        if Topic.objects.filter(forum=forum, subject=subject).exists():
            continue
        opener = users[entries[0][0]]
        topic = Topic.objects.create(
            forum=forum, poster=opener, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED, approved=True
        )
        for author, text in entries:
            Post.objects.create(topic=topic, poster=users[author], subject=subject, content=text, approved=True)
        created += 1
    return created


def seed() -> list[str]:
    users = seed_accounts()
    created_topics = seed_forum(users=users)
    lines = ["Demo-Konten (Passwort für alle: demo):"]
    lines += [f"  {username:<13} {purpose}" for username, _name, _role, purpose in DEMO_ACCOUNTS]
    lines.append(f"Forum: {Forum.objects.count()} Foren, {Topic.objects.count()} Themen ({created_topics} neu)")
    return lines
