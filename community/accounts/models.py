from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    class Meta(AbstractUser.Meta):
        verbose_name = _("Konto")
        verbose_name_plural = _("Konten")

    def get_display_name(self) -> str:
        return self.display_name or self.username
