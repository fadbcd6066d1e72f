"""The demo city's accounts (password "demo"), refused where PORTAL_ALLOW_DEMO_ACCOUNTS is off."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from community.accounts.models import User
from community.accounts.roles import ANBIETER, ELTERN, FAMILIENPUNKT_TEAM, KITA_LEITUNG, MODERATION, REDAKTION

DEMO_PASSWORD = "demo"
# The demo's authenticator-app key (public like the password): add it to any TOTP app to try the code step.
DEMO_TOTP_SECRET = "FAMILIENPORTALDEMOMUELHEIMRUHR23"
# These two log in with the code step; the other staff accounts are asked to enrol on their first login.
DEMO_ENROLLED = ("redaktion", "moderation")

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
# More parents so that the forum has several voices, in several languages.
DEMO_PARENTS = [
    ("mehmet", "Mehmet aus Dümpten"),
    ("julia", "Julia aus Saarn"),
    ("olena", "Olena aus Heißen"),
    ("rania", "Rania aus Eppinghofen"),
    ("swetlana", "Swetlana aus Winkhausen"),
    ("emma", "Emma aus Speldorf"),
]
# The language the portal writes to them in (everybody else: German).
DEMO_LANGUAGES = {"mehmet": "tr", "olena": "uk", "rania": "ar", "swetlana": "ru", "emma": "en"}
# A member who joined just now (posts wait for approval) and one who posts advertising (reported and hidden).
DEMO_NEWCOMERS = [("lena", "Lena, neu in Broich"), ("shop", "Baby-Shop24")]


def _ensure_account(*, username: str, display_name: str, role: str | None) -> tuple[User, bool]:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "display_name": display_name,
            "email": f"{username}@demo.familienportal.local",
            "is_staff": role is None,
            "is_superuser": role is None,
            "language": DEMO_LANGUAGES.get(username, settings.LANGUAGE_CODE),
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)  # only on creation: a second run must not touch the hash
        user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    if username in DEMO_ENROLLED:
        _ensure_second_factor(user)
    return user, created


def _ensure_second_factor(user: User) -> None:
    # Only when none is there: a second run, or a factor the tester enrolled themselves, stays as it is.
    if not Authenticator.objects.filter(user=user).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
        RecoveryCodes.activate(user)


def seed_accounts() -> dict[str, User]:
    if not settings.PORTAL_ALLOW_DEMO_ACCOUNTS:
        raise ImproperlyConfigured("Demo-Konten sind in dieser Umgebung abgeschaltet (PORTAL_ALLOW_DEMO_ACCOUNTS).")
    users = {}
    for username, display_name, role, _purpose in DEMO_ACCOUNTS:
        users[username], _created = _ensure_account(username=username, display_name=display_name, role=role)
    for username, display_name in DEMO_PARENTS + DEMO_NEWCOMERS:
        users[username], _created = _ensure_account(username=username, display_name=display_name, role=ELTERN)
    return users


def demo_users() -> dict[str, User]:
    """The demo accounts by user name, for the other apps' demo content."""
    names = [row[0] for row in DEMO_ACCOUNTS + DEMO_PARENTS + DEMO_NEWCOMERS]
    return {user.username: user for user in User.objects.filter(username__in=names)}


def seed() -> list[str]:
    seed_accounts()
    lines = ["Demo-Konten (Passwort für alle: demo):"]
    lines += [f"  {username:<13} {purpose}" for username, _name, _role, purpose in DEMO_ACCOUNTS]
    lines += [
        f"Zwei-Faktor-Anmeldung: {' und '.join(DEMO_ENROLLED)} fragen nach dem Code einer Authenticator-App mit dem",
        f"  Schlüssel {DEMO_TOTP_SECRET} (z. B. `oathtool --totp -b {DEMO_TOTP_SECRET}`);",
        "  die anderen Konten mit Redaktionsrechten richten ihre App bei der ersten Anmeldung ein.",
    ]
    return lines
