"""Notices for one account, shown on the site and mailed once in the background."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=40)  # e.g. "wiki.published"; lets a digest group them later
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # A one-click link that stops this kind of mail (forum topic, forum, …); shown in the mail.
    unsubscribe_url = models.CharField(max_length=500, blank=True)
    # Collected into the member's daily digest instead of a mail of its own.
    digest = models.BooleanField(default=False)
    # Set when the mail is claimed for sending: a retried or duplicated task never mails twice.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")

    def __str__(self) -> str:
        return self.title
