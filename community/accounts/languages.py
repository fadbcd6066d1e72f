"""The language the portal writes to a member in: mails and notices are rendered inside `in_language_of(user)`,
so that their texts come from that language's catalogue and `reverse()` and `page.localized` link to its pages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import get_language, get_supported_language_variant, override
from django.utils.translation import gettext_lazy as _


def language_choices() -> list[tuple[str, str]]:
    """The portal's languages, each named in itself. Leichte Sprache has no catalogue of its own: its mails are German
    (Django falls back to `de`), its links lead to the pages in Leichte Sprache."""
    return [
        (code, _("Leichte Sprache (E-Mails auf Deutsch)") if code == settings.EASY_GERMAN else name)
        for code, name in settings.LANGUAGES
    ]


def supported_language(code: str | None) -> str:
    """The portal language for `code` ("de-AT" → "de"); the default language for anything unknown."""
    if code:
        try:
            return get_supported_language_variant(code)
        except LookupError:
            pass
    return settings.LANGUAGE_CODE


def recipient_language(user) -> str:
    """The language a member chose for mails and notices (anonymous or unknown: the default language)."""
    return supported_language(getattr(user, "language", None))


@contextmanager
def in_language_of(user) -> Iterator[str]:
    """Render what goes to `user` in their language: `with in_language_of(user): send_mail(…)`."""
    language = recipient_language(user)
    with override(language):
        yield language


def language_header() -> dict[str, str]:
    """A mail's Content-Language header (RFC 3282): the language it is being rendered in."""
    return {"Content-Language": get_language() or settings.LANGUAGE_CODE}


def send_mail(subject: str, message: str, from_email: str | None, recipient_list: list[str]) -> int:
    """Django's `send_mail`, with the Content-Language of the language active while the mail is written."""
    return EmailMessage(subject, message, from_email, recipient_list, headers=language_header()).send()


def users_by_language(users: Iterable) -> dict[str, list]:
    """Recipients grouped by their language, for one mail per language instead of one in the sender's."""
    groups: dict[str, list] = {}
    for user in users:
        groups.setdefault(recipient_language(user), []).append(user)
    return groups
