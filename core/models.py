from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A task to run in the background, written in the same transaction as the change that asks for it.

    Published to the broker once the transaction commits; if the broker is away, the row stays and the
    periodic drain (or `manage.py drain_outbox`) publishes it later. Tasks are idempotent, so a row
    published twice (published, then the mark failed) does no harm."""

    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Hintergrundaufgabe")
        verbose_name_plural = _("Hintergrundaufgaben")

    def __str__(self) -> str:
        return f"{self.task_name} #{self.pk}"


class TaskClaim(models.Model):
    """A side effect that must happen once (an e-mail for one event): the first task run inserts the key, later ones see it."""

    key = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.key


class SubmitKey(models.Model):
    """A sent form's key (core/submit_once.py): the first request inserts it, repeats find it and its result.

    `owner` is a keyed hash of the account or the guest's CSRF secret, so the row names no one; rows expire after
    SUBMIT_ONCE_KEEP_HOURS."""

    owner = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    result_url = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "key"], name="core_submit_key_once")]
        verbose_name = _("Gesendetes Formular")
        verbose_name_plural = _("Gesendete Formulare")

    def __str__(self) -> str:
        return self.key
