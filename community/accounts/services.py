"""Deleting an account and handing a member their data."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from machina.apps.forum_conversation.models import Post, Topic

logger = logging.getLogger(__name__)

# Stored on the member's posts (German content, like the posts themselves).
DELETED_MEMBER = "gelöschtes Mitglied"


class AccountDeletionRefused(Exception):
    pass


@transaction.atomic
def account_delete(*, user) -> None:
    """Remove the account and its personal data; the member's forum posts stay, signed "gelöschtes Mitglied".

    machina deletes a user's posts and topics with the account (CASCADE), which would tear holes into other
    parents' threads, so the posts are detached first. Wiki revisions and reports keep their text without author."""
    if user.is_superuser:
        raise AccountDeletionRefused("superuser")
    posts = Post.objects.filter(poster=user).update(poster=None, username=DELETED_MEMBER)
    Topic.objects.filter(poster=user).update(poster=None)
    user_pk = user.pk
    user.delete()
    logger.info("Account %s deleted by its owner; %s forum posts kept without author", user_pk, posts)


def account_data(*, user) -> dict:
    """Everything the portal keeps about and from this member, as plain JSON-ready data (Art. 15/20 DSGVO)."""
    from allauth.account.models import EmailAddress
    from wagtail.models import Revision

    from community.forum.models import ForumSubscription, PostReport
    from community.models import Notification, WikiEdit, WikiWatch
    from home.changing_places.models import ChangingPlacePage
    from home.contact_points.models import VolunteerSignup

    def when(value):
        return value.isoformat() if value else None

    return {
        "erstellt_am": timezone.now().isoformat(),
        "konto": {
            "benutzername": user.username, "anzeigename": user.display_name, "vorname": user.first_name,
            "nachname": user.last_name, "registriert_am": when(user.date_joined), "letzte_anmeldung": when(user.last_login),
            "rollen": list(user.groups.values_list("name", flat=True)),
            "email_adressen": [{"adresse": a.email, "bestaetigt": a.verified, "primaer": a.primary} for a in EmailAddress.objects.filter(user=user)],
            "forum_emails": user.get_forum_mail_display(),
        },
        "forum_beitraege": [
            {"thema": p.topic.subject, "forum": p.topic.forum.name, "betreff": p.subject, "text": p.content.raw,
             "erstellt_am": when(p.created), "freigegeben": p.approved}
            for p in Post.objects.filter(poster=user).select_related("topic__forum").order_by("created")
        ],
        "gefolgte_themen": [t.subject for t in user.topic_subscriptions.order_by("subject")],
        "gefolgte_foren": [s.forum.name for s in ForumSubscription.objects.filter(user=user).select_related("forum")],
        "meldungen": [
            {"grund": r.get_reason_display(), "erlaeuterung": r.note, "gemeldet_am": when(r.created_at), "ergebnis": r.get_outcome_display()}
            for r in PostReport.objects.filter(reporter=user)
        ],
        "wiki_aenderungen": [
            {"artikel": e.article.title if e.article_id else None, "zusammenfassung": e.summary, "status": e.get_state_display(),
             "am": when(e.created_at), "text": (Revision.objects.filter(pk=e.revision_id).values_list("content", flat=True).first() or {}).get("body", "")}
            for e in WikiEdit.objects.filter(author=user).select_related("article").order_by("created_at")
        ],
        "wiki_beobachtet": [w.article.title for w in WikiWatch.objects.filter(user=user).select_related("article")],
        "helfer_schichten": [
            {"aufgabe": s.shift.role.title, "datum": s.shift.date.isoformat(), "abgesagt": bool(s.cancelled_at)}
            for s in VolunteerSignup.objects.filter(user=user).select_related("shift__role")
        ],
        "ortsvorschlaege": [p.title for p in ChangingPlacePage.objects.filter(suggested_by=user)],
        "benachrichtigungen": [
            {"titel": n.title, "text": n.body, "am": when(n.created_at), "gelesen": bool(n.read_at)}
            for n in Notification.objects.filter(user=user).order_by("created_at")
        ],
    }
