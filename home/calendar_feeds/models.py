"""Calendar feeds that providers and contact points publish elsewhere, and the dates read from them that wait for
review. Nothing here is shown on the public site: a date reaches a page only as a draft revision in the workflow."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class CalendarFeed(models.Model):
    """The address of an iCalendar feed and where its dates go: a provider's offer, or a contact point's events.

    Exactly one owner: a provider (then `offer` names which of its offers gets the dates) or a contact point (its
    events). Pages are linked as wagtailcore.Page, so this app depends on no feature app's tables."""

    url = models.URLField(max_length=1000, verbose_name=_("Adresse des Kalenders (iCalendar/ICS)"))
    name = models.CharField(max_length=200, blank=True, verbose_name=_("Bezeichnung"))
    provider = models.ForeignKey(
        "directory.Provider",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
        verbose_name=_("Anbieter"),
    )
    offer = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Angebot, das die Termine erhält"),
    )
    contact_point = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Familienpunkt, der die Veranstaltungen erhält"),
    )
    active = models.BooleanField(default=True, verbose_name=_("regelmäßig abrufen"))
    last_fetched_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("zuletzt abgerufen"))
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False, verbose_name=_("zuletzt gelesen"))
    last_error = models.TextField(blank=True, editable=False, verbose_name=_("letzter Fehler"))
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        MultiFieldPanel(
            [FieldPanel("provider"), FieldPanel("offer"), FieldPanel("contact_point")],
            heading=_("Wohin die Termine gehen"),
            help_text=_("Entweder Anbieter und eines seiner Angebote oder ein Familienpunkt."),
        ),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["name", "url"]
        verbose_name = _("Kalender-Abo")
        verbose_name_plural = _("Kalender-Abos")
        constraints = [
            models.CheckConstraint(
                condition=(Q(provider__isnull=False, offer__isnull=False, contact_point__isnull=True))
                | Q(provider__isnull=True, offer__isnull=True, contact_point__isnull=False),
                name="calendar_feed_one_owner",
                violation_error_message=_("Bitte wählen Sie Anbieter und Angebot oder einen Familienpunkt."),
            )
        ]

    def __str__(self) -> str:
        return self.name or self.url

    @property
    def target_page(self):
        return self.offer if self.provider_id else self.contact_point

    def clean(self):
        super().clean()
        from home.calendar_feeds.selectors import target_for_page

        errors = {}
        if self.provider_id and not self.offer_id:
            errors["offer"] = _("Bitte wählen Sie das Angebot, das die Termine erhält.")
        if self.offer_id and not self.provider_id:
            errors["provider"] = _("Bitte wählen Sie den Anbieter des Angebots.")
        if self.contact_point_id and (self.provider_id or self.offer_id):
            errors["contact_point"] = _("Ein Kalender gehört entweder einem Anbieter oder einem Familienpunkt.")
        if not (self.provider_id or self.contact_point_id):
            errors["contact_point"] = _("Bitte wählen Sie Anbieter und Angebot oder einen Familienpunkt.")
        if self.offer_id and "offer" not in errors:
            target = target_for_page(self.offer)
            if target is None or target.key != "angebot":
                errors["offer"] = _("Diese Seite ist kein Angebot.")
            elif self.offer.specific.provider_id != self.provider_id:
                errors["offer"] = _("Das Angebot gehört nicht zu diesem Anbieter.")
        if self.contact_point_id and "contact_point" not in errors:
            target = target_for_page(self.contact_point)
            if target is None or target.key != "familienpunkt":
                errors["contact_point"] = _("Diese Seite ist kein Familienpunkt.")
        if errors:
            raise ValidationError(errors)


class FeedProposal(models.Model):
    """A new, changed or removed date from a feed; taken over only by a person, and then only as a draft revision."""

    class Kind(models.TextChoices):
        NEW = "neu", _("neuer Termin")
        CHANGED = "geaendert", _("geänderter Termin")
        REMOVED = "entfallen", _("entfallener Termin")

    class Status(models.TextChoices):
        OPEN = "offen", _("offen")
        APPLIED = "uebernommen", _("übernommen")
        DECLINED = "abgelehnt", _("abgelehnt")

    feed = models.ForeignKey(CalendarFeed, on_delete=models.CASCADE, related_name="proposals")
    uid = models.CharField(max_length=500, verbose_name=_("UID im Kalender"))
    kind = models.CharField(max_length=10, choices=Kind.choices, verbose_name=_("Art"))
    sequence = models.IntegerField(default=0, verbose_name=_("Version (SEQUENCE)"))
    source_modified_at = models.DateTimeField(null=True, blank=True, verbose_name=_("im Kalender geändert"))
    values = models.JSONField(verbose_name=_("vorgeschlagene Angaben"))
    previous = models.JSONField(null=True, blank=True, verbose_name=_("bisher übernommene Angaben"))
    problem = models.TextField(blank=True, verbose_name=_("Hinweis"))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN, verbose_name=_("Status"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entschieden von"),
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("entschieden am"))
    # The page whose draft revision took the date over (an offer, or a contact point's event).
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Terminvorschlag")
        verbose_name_plural = _("Terminvorschläge")
        permissions = [("review_feedproposal", _("Terminvorschläge aller Kalender entscheiden"))]
        indexes = [models.Index(fields=["feed", "uid", "-created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["feed", "uid"], condition=Q(status="offen"), name="calendar_proposal_one_open_per_uid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.values.get('title', '')}"
