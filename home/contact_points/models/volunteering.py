"""Elternmitarbeit: volunteer roles of a contact point, their shifts, and the parents who signed up."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class VolunteerRole(models.Model):
    """What parents can help with (café shift, reading afternoon), published by the contact point's team."""

    contact_point = models.ForeignKey(
        "contact_points.ContactPointPage",
        on_delete=models.CASCADE,
        related_name="volunteer_roles",
        verbose_name=_("Familienpunkt"),
    )
    title = models.CharField(max_length=120, verbose_name=_("Aufgabe"))
    description = models.TextField(max_length=800, verbose_name=_("Beschreibung"))
    requirements = models.CharField(max_length=300, blank=True, verbose_name=_("Was Sie mitbringen sollten"))
    active = models.BooleanField(default=True, verbose_name=_("sichtbar"))

    panels = [
        FieldPanel("contact_point"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("requirements"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["contact_point__title", "title"]
        verbose_name = _("Helfer-Aufgabe")
        verbose_name_plural = _("Helfer-Aufgaben")
        permissions = [("manage_all_volunteering", _("Kann die Helfer-Anmeldungen aller Familienpunkte verwalten"))]

    def __str__(self) -> str:
        return f"{self.title} ({self.contact_point.title})"


class VolunteerShift(models.Model):
    role = models.ForeignKey(VolunteerRole, on_delete=models.CASCADE, related_name="shifts", verbose_name=_("Aufgabe"))
    date = models.DateField(verbose_name=_("Datum"))
    starts = models.TimeField(verbose_name=_("von"))
    ends = models.TimeField(verbose_name=_("bis"))
    capacity = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        verbose_name=_("Plätze"),
    )

    panels = [
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("starts"), FieldPanel("ends")]),
        FieldPanel("capacity"),
    ]

    class Meta:
        ordering = ["date", "starts"]
        verbose_name = _("Schicht")
        verbose_name_plural = _("Schichten")

    def __str__(self) -> str:
        return f"{self.role.title}, {self.date:%d.%m.%Y} {self.starts:%H:%M}–{self.ends:%H:%M}"

    def clean(self):
        super().clean()
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("Das Ende muss nach dem Beginn liegen.")})

    @property
    def starts_at(self) -> datetime.datetime:
        from django.utils import timezone

        return datetime.datetime.combine(self.date, self.starts, timezone.get_current_timezone())


class VolunteerSignup(models.Model):
    """A parent's sign-up; cancelling keeps the row (who cancelled, when) instead of deleting it."""

    shift = models.ForeignKey(
        VolunteerShift, on_delete=models.CASCADE, related_name="signups", verbose_name=_("Schicht")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_signups", verbose_name=_("Mitglied")
    )
    comment = models.CharField(max_length=300, blank=True, verbose_name=_("Nachricht an das Team"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("angemeldet am"))
    cancelled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("abgesagt am"))
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("abgesagt von"),
    )
    reminded_at = models.DateTimeField(null=True, blank=True, verbose_name=_("erinnert am"))

    class Meta:
        ordering = ["shift__date", "shift__starts", "created_at"]
        verbose_name = _("Helfer-Anmeldung")
        verbose_name_plural = _("Helfer-Anmeldungen")
        constraints = [
            models.UniqueConstraint(
                fields=["shift", "user"], condition=Q(cancelled_at__isnull=True), name="one_active_signup_per_shift"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user.get_display_name()}: {self.shift}"

    @property
    def is_active(self) -> bool:
        return self.cancelled_at is None

    def member(self) -> str:
        return self.user.get_display_name()

    member.short_description = _("Mitglied")

    def member_email(self) -> str:
        return self.user.email

    member_email.short_description = _("E-Mail")
