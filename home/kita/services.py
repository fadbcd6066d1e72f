"""Writes of the Kita directory: free-place reports by Kita staff and the parents' place alerts."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from community.accounts.languages import send_mail, supported_language
from core.background import enqueue
from home.kita.models import AlertNotification, DaycarePage, FreePlaces, PlaceAlert, PlaceReport

logger = logging.getLogger(__name__)
MAX_ALERTS_PER_ADDRESS = 10


def places_report(*, daycare: DaycarePage, user, free_by_group: dict[str, int]) -> list[PlaceReport]:
    """Free places reported by staff of this daycare; anyone else is refused."""
    if not user.is_authenticated or not daycare.staff.filter(user=user).exists():
        raise PermissionDenied(_("Sie dürfen für diese Einrichtung keine Plätze melden."))
    return places_record(daycare=daycare, reported_by=user, free_by_group=free_by_group)


@transaction.atomic
def places_record(*, daycare: DaycarePage, reported_by, free_by_group: dict[str, int]) -> list[PlaceReport]:
    """Record free places per age group: keeps the history, updates the current count, wakes matching alerts."""
    capacities = {c.group: c.places for c in daycare.capacities.all()}
    errors = {}
    for group, free in free_by_group.items():
        if group not in capacities:
            errors[group] = _("Diese Altersgruppe gibt es hier nicht.")
        elif free < 0 or free > capacities[group]:
            errors[group] = _("Bitte eine Zahl von 0 bis %(max)s angeben.") % {"max": capacities[group]}
    if errors:
        raise ValidationError(errors)
    reports = []
    for group, free in free_by_group.items():
        report = PlaceReport.objects.create(daycare=daycare, group=group, free_places=free, reported_by=reported_by)
        FreePlaces.objects.update_or_create(
            daycare=daycare, group=group, defaults={"free_places": free, "reported_at": report.reported_at}
        )
        reports.append(report)
    for report in reports:
        if report.free_places > 0:
            _enqueue_alerts(report.pk)  # the outbox row commits with the report
    return reports


def _enqueue_alerts(report_id: int) -> None:
    # The report is saved whatever happens to the broker: the outbox keeps the alert job until it can be sent.
    from home.kita.tasks import notify_place_alerts

    enqueue(notify_place_alerts, report_id)


def _portal_url(path: str) -> str:
    return f"{settings.PORTAL_BASE_URL}{path}"


def alert_create(*, email: str, query: QueryDict, index_url: str) -> PlaceAlert:
    """Save a search and send the confirmation mail; nothing is ever sent to an address that has not confirmed."""
    params = query.copy()
    for transient in ("seite", "csrfmiddlewaretoken", "email"):
        params.pop(transient, None)
    if PlaceAlert.objects.filter(email__iexact=email).count() >= MAX_ALERTS_PER_ADDRESS:
        raise ValidationError(
            _("Für diese Adresse sind schon %(max)s Benachrichtigungen gespeichert.") % {"max": MAX_ALERTS_PER_ADDRESS}
        )
    alert = PlaceAlert.objects.create(
        email=email, query=params.urlencode()[:1000], language=supported_language(get_language())
    )
    send_mail(
        subject=_("[Familienportal] Bitte bestätigen Sie Ihre Benachrichtigung"),
        message=_(
            "Sie möchten eine E-Mail erhalten, wenn eine passende Kita oder Tagespflege einen freien Platz meldet.\n\n"
            "Bitte bestätigen Sie das mit diesem Link:\n%(confirm)s\n\n"
            "Wenn Sie das nicht waren, ignorieren Sie diese E-Mail; dann speichern wir nichts weiter und schreiben Ihnen nicht wieder."
        )
        % {"confirm": _portal_url(f"{index_url}benachrichtigung/bestaetigen/{alert.token}/")},
        from_email=None,
        recipient_list=[email],
    )
    return alert


def alert_confirm(*, token: str) -> PlaceAlert | None:
    alert = PlaceAlert.objects.filter(token=token).first()
    if alert and alert.confirmed_at is None:
        alert.confirmed_at = timezone.now()
        alert.save(update_fields=["confirmed_at"])
    return alert


def alert_unsubscribe(*, token: str) -> bool:
    deleted, _rows = PlaceAlert.objects.filter(token=token).delete()
    return bool(deleted)


def alerts_notify(*, report: PlaceReport) -> int:
    """Mail every confirmed alert whose search finds this daycare with this free place; once per alert and report."""
    from home.kita.forms import DaycareFilterForm
    from home.kita.selectors import DaycareFilters, daycare_search

    daycare = report.daycare
    index = daycare.get_parent()
    sent = 0
    for alert in PlaceAlert.objects.filter(confirmed_at__isnull=False):
        form = DaycareFilterForm(QueryDict(alert.query))
        if not form.is_valid():
            continue
        filters = DaycareFilters.from_form(form.cleaned_data)
        filters = DaycareFilters(**{**vars(filters), "free_only": True})
        if filters.age_group is not None and filters.age_group != report.group:
            continue
        if not daycare_search(filters=filters).filter(pk=daycare.pk).exists():
            continue
        try:
            # In the language the parent subscribed in, with the pages in it where they are translated.
            with transaction.atomic(), override(supported_language(alert.language)):
                daycare_url, index_url = daycare.localized.url, index.localized.url
                AlertNotification.objects.create(alert=alert, report=report)
                send_mail(
                    subject=_("[Familienportal] Freier Platz: %(name)s") % {"name": daycare.title},
                    message=_(
                        "%(name)s meldet %(count)s freie Plätze (%(group)s), Stand %(date)s.\n%(url)s\n\n"
                        "Ihre gespeicherte Suche: %(search)s\n\n"
                        "Die Anmeldung läuft über das Jugendamt der Stadt; das Portal dient nur der Orientierung.\n\n"
                        "Keine weiteren E-Mails? Hier abmelden:\n%(unsubscribe)s\n"
                    )
                    % {
                        "name": daycare.title,
                        "count": report.free_places,
                        "group": report.get_group_display(),
                        "date": timezone.localtime(report.reported_at).strftime("%d.%m.%Y"),
                        "url": _portal_url(daycare_url),
                        "search": _portal_url(f"{index_url}?{alert.query}"),
                        "unsubscribe": _portal_url(f"{index_url}benachrichtigung/abmelden/{alert.token}/"),
                    },
                    from_email=None,
                    recipient_list=[alert.email],
                )
        except IntegrityError:
            continue  # already mailed for this report (a retried task)
        sent += 1
    logger.info("Place report %s: %s alert mails", report.pk, sent)
    return sent
