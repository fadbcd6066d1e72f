"""A member's Merkliste: pages they keep, and the secret address of its calendar feed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Bookmark(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks")
    # The page as saved; the list shows its version in the reader's language, found by translation_key.
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Gemerkte Seite")
        verbose_name_plural = _("Gemerkte Seiten")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "translation_key"], name="bookmark_once_per_page"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.page_id}"


class CalendarFeed(models.Model):
    """The unguessable token in the address of a member's Merkliste calendar; a new one retires the old address."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmark_feed")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Kalender der Merkliste")
        verbose_name_plural = _("Kalender der Merklisten")

    def __str__(self) -> str:
        return str(self.user_id)
