"""Parents' suggestions and reports for nursing and changing places; nothing is public before the Redaktion confirms it."""

from __future__ import annotations

import datetime
import logging
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from community.accounts.models import User
from community.accounts.selectors import has_confirmed_email
from core.geo import POSTCODE_CENTRES
from home.changing_places.models import (
    ChangingPlaceHours,
    ChangingPlaceIndexPage,
    ChangingPlacePage,
    ChangingPlaceReport,
)

logger = logging.getLogger(__name__)

MAX_SUGGESTIONS_PER_DAY = 5
MAX_REPORTS_PER_DAY = 10


def can_contribute(user) -> bool:
    # Suggestions and reports come from parents the Redaktion can ask back.
    return has_confirmed_email(user)


def _unique_slug(index: ChangingPlaceIndexPage, title: str) -> str:
    base = slugify(title)[:60] or "ort"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def place_suggest(
    *, user: User, index: ChangingPlaceIndexPage, data: dict, periods: list, now: datetime.datetime | None = None
) -> ChangingPlacePage:
    """Save a suggestion as an unpublished page and put it in the Redaktion's approval queue."""
    now = now or timezone.now()
    if not can_contribute(user):
        raise PermissionDenied(_("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))
    since = now - datetime.timedelta(days=1)
    recent = ChangingPlacePage.objects.filter(
        suggested_by=user, first_published_at__isnull=True, latest_revision_created_at__gte=since
    )
    if recent.count() >= MAX_SUGGESTIONS_PER_DAY:
        raise ValidationError(
            _("Sie haben heute schon %(max)s Orte vorgeschlagen. Danke! Weitere bitte morgen.")
            % {"max": MAX_SUGGESTIONS_PER_DAY}
        )
    district = data["district"]
    centre = POSTCODE_CENTRES.get(data.get("postcode") or "")
    # Without geocoding (no outside service sees the address) the map shows the postcode or district centre until the Redaktion corrects it.
    latitude, longitude = centre if centre else (district.latitude, district.longitude)
    with transaction.atomic():
        place = ChangingPlacePage(
            title=data["title"].strip(),
            slug=_unique_slug(index, data["title"]),
            live=False,
            kind=data["kind"],
            district=district,
            street=data["street"].strip(),
            postcode=data.get("postcode") or "",
            location_hint=data.get("location_hint") or "",
            latitude=Decimal(f"{float(latitude):.5f}"),
            longitude=Decimal(f"{float(longitude):.5f}"),
            changing_table=bool(data.get("changing_table")),
            nursing_room=bool(data.get("nursing_room")),
            bottle_warmer=bool(data.get("bottle_warmer")),
            step_free=bool(data.get("step_free")),
            family_toilet=bool(data.get("family_toilet")),
            free_of_charge=bool(data.get("free_of_charge")),
            note=data.get("note") or "",
            suggested_by=user,
            owner=user,
        )
        place.hours = [ChangingPlaceHours(weekday=day, opens=opens, closes=closes) for day, opens, closes in periods]
        index.add_child(instance=place)
        place.save_revision(user=user, log_action=True)
        workflow = place.get_workflow()
        if workflow is not None:
            workflow.start(place, user)
    logger.info("Changing place %s suggested by user %s", place.pk, user.pk)
    return place


def place_report(
    *, user: User, place: ChangingPlacePage, reason: str, comment: str = "", now: datetime.datetime | None = None
) -> ChangingPlaceReport:
    now = now or timezone.now()
    if not can_contribute(user):
        raise PermissionDenied(_("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))
    mine = ChangingPlaceReport.objects.filter(reported_by=user)
    if mine.filter(place=place, resolved_at__isnull=True).exists():
        raise ValidationError(_("Sie haben zu diesem Ort schon einen Hinweis geschickt. Die Redaktion prüft ihn."))
    if mine.filter(created_at__gte=now - datetime.timedelta(days=1)).count() >= MAX_REPORTS_PER_DAY:
        raise ValidationError(_("Sie haben heute schon viele Hinweise geschickt. Danke! Weitere bitte morgen."))
    return ChangingPlaceReport.objects.create(place=place, reason=reason, comment=comment.strip(), reported_by=user)


def report_resolve(
    *, report: ChangingPlaceReport, by: User, resolution: str = "", now: datetime.datetime | None = None
) -> ChangingPlaceReport:
    report.resolved_at = now or timezone.now()
    report.resolved_by = by
    report.resolution = resolution or report.resolution
    report.save(update_fields=["resolved_at", "resolved_by", "resolution"])
    return report


def suggestion_declined(*, place: ChangingPlacePage, reason: str) -> None:
    """The Redaktion did not take a parent's suggested place: the parent reads why (Wagtail's own mails stay off for
    parents)."""
    from community.notifications.services import notify

    if place.live or place.suggested_by is None:
        return
    notify(
        users=[place.suggested_by],
        kind="changing_places.declined",
        title=lambda: _("Ihr Vorschlag „%(title)s“ wurde nicht übernommen") % {"title": place.title},
        # The review inbox always asks for the reason; Wagtail's page editor may still decline without one.
        body=lambda: (
            _("Begründung der Redaktion: %(reason)s") % {"reason": reason}
            if reason
            else _("Bei Fragen schreiben Sie gern an die Redaktion.")
        ),
        url=lambda: "/konto/profil/",
    )
