from django.db import models


class StaleOfferNotice(models.Model):
    """One row per reminder sent, so that an unchecked offer is flagged once per 'last checked' date, not daily."""

    offer = models.ForeignKey("offers.OfferPage", on_delete=models.CASCADE, related_name="stale_notices")
    last_checked = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["offer", "last_checked"], name="one_notice_per_check")]
