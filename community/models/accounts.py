from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A portal account: parents, providers, Kita staff and the editorial team alike."""

    display_name = models.CharField(
        max_length=60, blank=True, verbose_name=_("Anzeigename"),
        help_text=_("So erscheinen Sie im Forum und im Wiki. Leer lassen, um den Benutzernamen zu zeigen."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("Konto")
        verbose_name_plural = _("Konten")

    def get_display_name(self) -> str:
        return self.display_name or self.username
