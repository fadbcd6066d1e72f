"""Volunteer sign-ups (Elternmitarbeit): the one place for their rules, confirmations and reminders."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.accounts.languages import in_language_of, send_mail
from community.accounts.models import User
from community.accounts.selectors import has_confirmed_email
from core.background import enqueue
from home.contact_points.models import VolunteerShift, VolunteerSignup

logger = logging.getLogger(__name__)

# A parent can hold this many upcoming shifts at once, so that a few keen people do not book every shift.
MAX_OPEN_SIGNUPS = 4
REMINDER_HOURS_AHEAD = 36


def can_volunteer(user) -> bool:
    # The team must be able to reach the parent.
    return has_confirmed_email(user)


def _overlaps(shift: VolunteerShift, other: VolunteerShift) -> bool:
    return shift.date == other.date and shift.starts < other.ends and other.starts < shift.ends


def volunteer_signup(
    *, user: User, shift: VolunteerShift, comment: str = "", now: datetime.datetime | None = None
) -> VolunteerSignup:
    """Sign a parent up for a shift; refuses (ValidationError, German message) full, past, double and overlapping sign-ups."""
    now = now or timezone.now()
    if not can_volunteer(user):
        raise PermissionDenied(_("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))
    with transaction.atomic():
        # The shift row is locked so that two parents cannot take the last place at the same moment.
        shift = VolunteerShift.objects.select_for_update().select_related("role__contact_point").get(pk=shift.pk)
        if not shift.role.active or not shift.role.contact_point.live:
            raise ValidationError(_("Für diese Aufgabe werden gerade keine Helferinnen und Helfer gesucht."))
        if shift.starts_at <= now:
            raise ValidationError(_("Diese Schicht hat schon begonnen oder ist vorbei."))
        active = VolunteerSignup.objects.filter(cancelled_at__isnull=True)
        if active.filter(shift=shift, user=user).exists():
            raise ValidationError(_("Sie sind für diese Schicht schon angemeldet."))
        if active.filter(shift=shift).count() >= shift.capacity:
            raise ValidationError(_("Diese Schicht ist leider schon voll besetzt."))
        upcoming = list(
            active.filter(user=user, shift__date__gte=timezone.localtime(now).date()).select_related("shift__role")
        )
        if any(_overlaps(shift, other.shift) for other in upcoming):
            raise ValidationError(_("Sie haben zur selben Zeit schon eine andere Schicht übernommen."))
        if len(upcoming) >= MAX_OPEN_SIGNUPS:
            raise ValidationError(
                _("Sie haben schon %(max)s Schichten übernommen. Danke! Weitere können Sie nach diesen eintragen.")
                % {"max": MAX_OPEN_SIGNUPS}
            )
        try:
            with transaction.atomic():
                signup = VolunteerSignup.objects.create(shift=shift, user=user, comment=comment.strip()[:300])
        except IntegrityError as error:  # the unique constraint caught a double click
            raise ValidationError(_("Sie sind für diese Schicht schon angemeldet.")) from error
        _enqueue_mail(signup.pk, "confirmation")  # the outbox row commits with the sign-up
    logger.info("Volunteer sign-up %s: user %s for shift %s", signup.pk, user.pk, shift.pk)
    return signup


def may_manage_signup(user, signup: VolunteerSignup) -> bool:
    if user.has_perm("contact_points.manage_all_volunteering"):
        return True
    return signup.shift.role.contact_point.staff.filter(user=user).exists()


def volunteer_cancel(*, signup: VolunteerSignup, by: User, now: datetime.datetime | None = None) -> VolunteerSignup:
    """The parent withdraws, or the team cancels (then the parent is told by e-mail). The row stays as a record."""
    now = now or timezone.now()
    if signup.user_id != by.pk and not may_manage_signup(by, signup):
        raise PermissionDenied(_("Sie dürfen diese Anmeldung nicht absagen."))
    if signup.cancelled_at is not None:
        return signup
    updated = VolunteerSignup.objects.filter(pk=signup.pk, cancelled_at__isnull=True).update(
        cancelled_at=now, cancelled_by=by
    )
    signup.refresh_from_db()
    if updated and by.pk != signup.user_id:
        _enqueue_mail(signup.pk, "cancelled")
    return signup


def _enqueue_mail(signup_id: int, kind: str) -> None:
    from home.contact_points.tasks import send_volunteer_mail

    enqueue(send_volunteer_mail, signup_id, kind)


# Lazy: the subject is translated when the mail is written, in the parent's language.
MAILS = {
    "confirmation": (
        gettext_lazy("Danke! Ihre Anmeldung: %(role)s am %(date)s"),
        "contact_points/mail/signup_confirmation.txt",
    ),
    "cancelled": (gettext_lazy("Abgesagt: %(role)s am %(date)s"), "contact_points/mail/signup_cancelled.txt"),
    "reminder": (gettext_lazy("Erinnerung: %(role)s am %(date)s"), "contact_points/mail/signup_reminder.txt"),
}


def volunteer_mail_send(*, signup: VolunteerSignup, kind: str) -> None:
    subject, template = MAILS[kind]
    shift = signup.shift
    contact_point = shift.role.contact_point
    with in_language_of(signup.user):  # the parent's language, and the Familienpunkt's page in it where translated
        context = {
            "signup": signup,
            "shift": shift,
            "role": shift.role,
            "contact_point": contact_point,
            "name": signup.user.get_display_name(),
            "page_url": f"{settings.PORTAL_BASE_URL}{contact_point.localized.url}",
            "profile_url": f"{settings.PORTAL_BASE_URL}/konto/profil/",
        }
        send_mail(
            str(subject) % {"role": shift.role.title, "date": shift.date.strftime("%d.%m.%Y")},
            render_to_string(template, context),
            None,
            [signup.user.email],
        )


def volunteer_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind each parent once, the day before: claiming `reminded_at` first makes a second run send nothing."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    horizon = local + datetime.timedelta(hours=REMINDER_HOURS_AHEAD)
    candidates = VolunteerSignup.objects.filter(
        cancelled_at__isnull=True,
        reminded_at__isnull=True,
        shift__date__gte=local.date(),
        shift__date__lte=horizon.date(),
    ).select_related("shift__role__contact_point", "user")
    sent = 0
    for signup in candidates:
        if not local < signup.shift.starts_at <= horizon:
            continue
        if not VolunteerSignup.objects.filter(pk=signup.pk, reminded_at__isnull=True).update(reminded_at=now):
            continue  # another run claimed it
        volunteer_mail_send(signup=signup, kind="reminder")
        sent += 1
    logger.info("Volunteer reminders: %s sent", sent)
    return sent
