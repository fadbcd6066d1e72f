"""What the portal adds to machina's forums: access, following, reports, and the bookkeeping behind notices."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


class ForumAccess(models.Model):
    """Per-forum access beyond machina's defaults; today only "members only"."""

    forum = models.OneToOneField(
        "forum.Forum", on_delete=models.CASCADE, related_name="portal_access", verbose_name=_("Forum")
    )
    members_only = models.BooleanField(
        default=False,
        verbose_name=_("nur für Mitglieder"),
        help_text=_("Nur angemeldete Mitglieder mit bestätigter E-Mail-Adresse sehen dieses Forum."),
    )

    class Meta:
        verbose_name = _("Forum-Zugang")
        verbose_name_plural = _("Forum-Zugänge")

    def __str__(self) -> str:
        return str(self.forum)


class ForumSubscription(models.Model):
    """A member follows a whole forum (topics are followed through machina's own `Topic.subscribers`)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions")
    forum = models.ForeignKey("forum.Forum", on_delete=models.CASCADE, related_name="portal_subscriptions")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "forum"], name="forum_subscription_once")]


class PostReport(models.Model):
    """One member's report of one post; open until a moderator decides."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Werbung oder Spam")
        OFFENSIVE = "beleidigend", _("Beleidigend oder verletzend")
        PRIVACY = "privat", _("Persönliche Daten anderer")
        WRONG = "falsch", _("Gefährlich oder falsch")
        OTHER = "anderes", _("Anderes")

    class Outcome(models.TextChoices):
        OPEN = "offen", _("offen")
        KEPT = "behalten", _("Beitrag bleibt")
        REMOVED = "entfernt", _("Beitrag entfernt")

    post = models.ForeignKey(
        "forum_conversation.Post", null=True, on_delete=models.SET_NULL, related_name="portal_reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="post_reports"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices, verbose_name=_("Grund"))
    note = models.TextField(blank=True, max_length=1000, verbose_name=_("Erläuterung"))
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.OPEN, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], condition=models.Q(outcome="offen"), name="post_report_open_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.post_id})"


class PostModeration(models.Model):
    """Bookkeeping per post that machina has no field for.

    `waited` marks a post that had to wait for approval (so its author hears when it is let through);
    `hidden_by_reports` marks a post taken offline by reports; `announced_at` is set once the post's
    followers were told about it, so that approving, editing or re-saving a post never notifies twice."""

    post = models.OneToOneField("forum_conversation.Post", on_delete=models.CASCADE, related_name="portal_moderation")
    waited = models.BooleanField(default=False)
    hidden_by_reports = models.BooleanField(default=False)
    announced_at = models.DateTimeField(null=True, blank=True)
    # Removal is soft for a while (FORUM_REMOVAL_UNDO_PERIOD): moderators can undo it, then the post is purged.
    removed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removal_reason = models.TextField(blank=True, max_length=2000)


class ModerationDecision(models.Model):
    """What moderators decided about a member's posts or account: the member's history, kept when a post is gone."""

    class Action(models.TextChoices):
        DECLINED = "abgelehnt", _("Beitrag nicht freigegeben")
        REMOVED = "entfernt", _("Beitrag entfernt")
        RESTORED = "wiederhergestellt", _("Entfernen rückgängig gemacht")
        KEPT = "behalten", _("Gemeldeter Beitrag behalten")
        SILENCED = "stumm", _("Stummgeschaltet")
        SUSPENDED = "gesperrt", _("Gesperrt")
        LIFTED = "aufgehoben", _("Maßnahme aufgehoben")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_decisions", verbose_name=_("Mitglied")
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("Moderation")
    )
    action = models.CharField(max_length=20, choices=Action.choices, verbose_name=_("Entscheidung"))
    reason = models.TextField(blank=True, max_length=2000, verbose_name=_("Begründung"))
    subject = models.CharField(max_length=255, blank=True, verbose_name=_("Betreff"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]


class MemberSanction(models.Model):
    """A member silenced (reads, cannot write) or suspended (cannot log in) until `ends_at`, with the reason they see.

    It ends by itself: every check compares `ends_at` with now, so no job has to lift it."""

    class Kind(models.TextChoices):
        SILENCED = "stumm", _("stummgeschaltet: kann lesen, aber nichts schreiben")
        SUSPENDED = "gesperrt", _("gesperrt: kann sich nicht anmelden")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_sanctions", verbose_name=_("Mitglied")
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, verbose_name=_("Maßnahme"))
    reason = models.TextField(max_length=2000, verbose_name=_("Begründung"))
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(verbose_name=_("bis"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-starts_at", "-pk"]

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.lifted_at is None and self.starts_at <= now < self.ends_at


# Beyond the portal's languages: common in Mülheim's families (Django knows their names, so the label is in-language).
FURTHER_POST_LANGUAGES = ["pl", "ro", "bg", "it", "el", "sq", "fa", "es", "fr"]


def post_language_choices() -> list[tuple[str, str]]:
    """The portal's languages (Leichte Sprache is German as far as a post goes), then further languages families in
    the city write in; each named in itself, as a reader of it looks for it."""
    portal = [code for code, _name in settings.LANGUAGES if code != settings.EASY_GERMAN]
    return [(code, get_language_info(code)["name_local"]) for code in portal + FURTHER_POST_LANGUAGES]


class PostLanguage(models.Model):
    """The language a post is written in, chosen by its writer: the post is marked up with it (`lang`), so that screen
    readers use the right voice, and labelled where it differs from the page's language."""

    post = models.OneToOneField("forum_conversation.Post", on_delete=models.CASCADE, related_name="portal_language")
    language = models.CharField(max_length=10, choices=post_language_choices, verbose_name=_("Sprache des Beitrags"))
