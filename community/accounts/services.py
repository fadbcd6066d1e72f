"""Deleting an account and handing a member their data, collected from every app's registry entry."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from community.accounts.models import User
from core.registry import personal_data

logger = logging.getLogger(__name__)


class AccountDeletionRefused(Exception):
    pass


def when(value) -> str | None:
    """Dates in the data download: ISO 8601, or null."""
    return value.isoformat() if value else None


@transaction.atomic
def account_delete(*, user) -> None:
    """Remove the account and its personal data. Apps that must keep something others still read (forum threads)
    detach it first, in their `before_delete`; everything else linked to the account goes with it."""
    if user.is_superuser:
        raise AccountDeletionRefused("superuser")
    for entry in personal_data:
        if entry.before_delete is not None:
            entry.before_delete(user)
    user_pk = user.pk
    user.delete()
    logger.info("Account %s deleted by its owner", user_pk)


def account_data(*, user) -> dict:
    """Everything the portal keeps about and from this member, as plain JSON-ready data (Art. 15/20 DSGVO)."""
    data = {"erstellt_am": timezone.now().isoformat()}
    for entry in personal_data:
        if entry.key is not None:
            data[entry.key] = entry.export(user)
    return data


def account_export(user) -> dict:
    from allauth.account.models import EmailAddress

    return {
        "benutzername": user.username,
        "anzeigename": user.display_name,
        "vorname": user.first_name,
        "nachname": user.last_name,
        "registriert_am": when(user.date_joined),
        # From the database: the account a request carries is kept between logins (core.permissions.KeptAccountMixin).
        "letzte_anmeldung": when(User.objects.filter(pk=user.pk).values_list("last_login", flat=True).first()),
        "rollen": list(user.groups.values_list("name", flat=True)),
        "email_adressen": [
            {"adresse": a.email, "bestaetigt": a.verified, "primaer": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "forum_emails": user.get_forum_mail_display(),
        "sprache_fuer_emails": user.language,
    }
