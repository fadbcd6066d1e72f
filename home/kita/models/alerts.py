import secrets

from django.conf import settings
from django.db import models


def new_token() -> str:
    return secrets.token_urlsafe(24)


class PlaceAlert(models.Model):
    """A parent's saved search: mailed when a matching daycare reports a free place (double opt-in)."""

    email = models.EmailField()
    query = models.CharField(max_length=1000)  # the search page's URL parameters
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The language the parent subscribed in: there is no account to ask, so the alert mails keep to it.
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)


class AlertNotification(models.Model):
    """One mail per alert and place report, never two."""

    alert = models.ForeignKey(PlaceAlert, on_delete=models.CASCADE, related_name="notifications")
    report = models.ForeignKey("kita.PlaceReport", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "report"], name="one_mail_per_alert_and_report")]
