from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

from community.accounts.languages import language_choices


class User(AbstractUser):
    """A portal account: parents, providers, Kita staff and the editorial team alike."""

    display_name = models.CharField(
        max_length=60,
        blank=True,
        verbose_name=_("Anzeigename"),
        help_text=_("So erscheinen Sie im Forum und im Wiki. Leer lassen, um den Benutzernamen zu zeigen."),
    )

    class ForumMail(models.TextChoices):
        IMMEDIATE = "sofort", _("sofort, eine E-Mail je Antwort")
        DAILY = "taeglich", _("einmal täglich als Zusammenfassung")
        OFF = "aus", _("keine E-Mails (nur Hinweise auf der Website)")

    forum_mail = models.CharField(
        max_length=10,
        choices=ForumMail.choices,
        default=ForumMail.IMMEDIATE,
        verbose_name=_("E-Mails zu Forum-Antworten"),
    )
    # Set at sign-up to the language the person signed up in; every mail and notice is written in it.
    language = models.CharField(
        max_length=10,
        choices=language_choices,
        default=settings.LANGUAGE_CODE,
        verbose_name=_("Sprache für E-Mails und Benachrichtigungen"),
        help_text=_("In dieser Sprache schreibt Ihnen das Portal; Links führen zu den Seiten in dieser Sprache."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("Konto")
        verbose_name_plural = _("Konten")

    def get_display_name(self) -> str:
        return self.display_name or self.username


class ReasonedApprovalTask(GroupApprovalTask):
    """The "Redaktion-Freigabe" task: Wagtail's group approval, but "Änderungen anfordern" needs a reason, because the
    provider or parent whose change is declined reads it (the task row is Wagtail's; only its content type points
    here, set by roles_sync)."""

    class Meta:
        proxy = True
        verbose_name = _("Freigabe durch die Redaktion mit Begründung")
        verbose_name_plural = _("Freigaben durch die Redaktion mit Begründung")

    def get_form_for_action(self, action):
        from core.review import DeclineReasonForm

        return DeclineReasonForm if action == "reject" else super().get_form_for_action(action)
