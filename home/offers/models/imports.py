from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferImport(models.Model):
    """One uploaded file's import (or dry run), run in the background so that a long file neither times out the
    request nor leaves the officer guessing: the page shows its progress and keeps its report for download."""

    class State(models.TextChoices):
        QUEUED = "queued", _("wartet auf den Start")
        RUNNING = "running", _("läuft")
        DONE = "done", _("fertig")
        FAILED = "failed", _("abgebrochen")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file_name = models.CharField(max_length=255)
    # The file itself until the run is over; a dry run keeps it so that "Jetzt importieren" needs no second upload.
    content = models.BinaryField(blank=True, default=b"")
    dry_run = models.BooleanField(default=True)
    # Set for a provider's own import ("Meine Angebote"): only these organizations' offers, each change to review.
    review = models.BooleanField(default=False)
    for_providers = models.ManyToManyField("directory.Provider", blank=True, related_name="+")
    # The messages of the report are written in the language of the person who uploaded the file.
    language = models.CharField(max_length=12, default="de")
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    report = models.JSONField(null=True, blank=True)
    failure = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Import")
        verbose_name_plural = _("Importe")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_state_display()})"

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)
