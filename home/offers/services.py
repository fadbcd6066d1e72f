"""Writes of the offer directory: imports and the reminders about unchecked offers."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.rich_text import RichText

from community.accounts.languages import send_mail, users_by_language
from community.accounts.roles import REDAKTION
from home.directory.models import Language, Provider
from home.models import District
from home.offers.exchange import OfferRecord, ParsedRow
from home.offers.models import OfferCategory, OfferDate, OfferIndexPage, OfferPage, StaleOfferNotice

logger = logging.getLogger(__name__)
STALE_AFTER = datetime.timedelta(days=183)


@dataclass
class ImportReport:
    dry_run: bool
    created: int = 0
    updated: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (position, reason)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return _("%(count)s Fehler gefunden, nichts importiert.") % {"count": len(self.errors)}
        verb = _("würden angelegt") if self.dry_run else _("angelegt")
        verb_updated = _("würden aktualisiert") if self.dry_run else _("aktualisiert")
        return _("%(created)s Angebote %(verb)s, %(updated)s %(verb_updated)s.") % {
            "created": self.created,
            "verb": verb,
            "updated": self.updated,
            "verb_updated": verb_updated,
        }


@dataclass
class _Lookups:
    providers: dict[str, Provider]
    categories: dict[str, OfferCategory]
    districts: dict[str, District]
    languages: dict[str, Language]

    @classmethod
    def load(cls) -> _Lookups:
        return cls(
            providers={p.name: p for p in Provider.objects.all()},
            # Imports name categories and languages by slug and code: the German originals, as pages point to them.
            categories={c.slug: c for c in OfferCategory.objects.originals()},
            districts={d.slug: d for d in District.objects.all()},
            languages={lang.code: lang for lang in Language.objects.originals()},
        )

    def problems(self, record: OfferRecord) -> list[str]:
        problems = []
        if record.provider and record.provider not in self.providers:
            problems.append(_("Anbieter „%(name)s“ ist unbekannt.") % {"name": record.provider})
        for slug in record.categories:
            if slug not in self.categories:
                problems.append(_("Kategorie „%(slug)s“ ist unbekannt.") % {"slug": slug})
        if not record.categories:
            problems.append(_("Mindestens eine Kategorie ist nötig."))
        if record.district and record.district not in self.districts:
            problems.append(_("Stadtteil „%(slug)s“ ist unbekannt.") % {"slug": record.district})
        for code in record.languages:
            if code not in self.languages:
                problems.append(_("Sprache „%(code)s“ ist unbekannt.") % {"code": code})
        return problems


def _apply(offer: OfferPage, record: OfferRecord, lookups: _Lookups) -> None:
    for name in (
        "title",
        "summary",
        "external_id",
        "age_min_months",
        "age_max_months",
        "venue",
        "street",
        "postcode",
        "city",
        "latitude",
        "longitude",
        "registration_required",
        "registration_info",
        "registration_deadline",
        "places_left",
        "cost_kind",
        "price",
        "reduced_with_pass",
        "cost_note",
        "barrier_free",
        "accessible_toilet",
        "changing_table",
    ):
        setattr(offer, name, getattr(record, name))
    offer.last_checked = record.last_checked or timezone.localdate()
    offer.provider = lookups.providers.get(record.provider)
    offer.district = lookups.districts.get(record.district)
    offer.categories = [lookups.categories[slug] for slug in record.categories]
    offer.languages = [lookups.languages[code] for code in record.languages]
    offer.body = [
        ("paragraph", RichText(f"<p>{escape(part)}</p>")) for part in record.description.split("\n\n") if part.strip()
    ]
    offer.dates = [OfferDate(**vars(line)) for line in record.dates]


@transaction.atomic
def offers_import(*, rows: list[ParsedRow], index: OfferIndexPage, user=None, dry_run: bool = True) -> ImportReport:
    """Check every row; write only when all are fine, and then all of them or (on any failure) none."""
    report = ImportReport(dry_run=dry_run)
    lookups = _Lookups.load()
    existing = {
        offer.external_id: offer for offer in OfferPage.objects.child_of(index).exclude(external_id="").specific()
    }
    seen_ids: set[str] = set()
    for row in rows:
        problems = list(row.errors) + (lookups.problems(row.record) if row.record else [])
        if row.record and row.record.external_id:
            if row.record.external_id in seen_ids:
                problems.append(_("Kennung „%(id)s“ kommt mehrfach vor.") % {"id": row.record.external_id})
            seen_ids.add(row.record.external_id)
        report.errors += [(row.position, problem) for problem in problems]
        if row.record and not problems:
            if row.record.external_id in existing:
                report.updated += 1
            else:
                report.created += 1
    if not rows:
        report.errors.append((_("Datei"), _("Die Datei enthält keine Angebote.")))
    if dry_run or report.errors:
        return report
    for row in rows:
        offer = existing.get(row.record.external_id) if row.record.external_id else None
        if offer is None:
            offer = OfferPage(owner=user)
            _apply(offer, row.record, lookups)
            index.add_child(instance=offer)
        else:
            _apply(offer, row.record, lookups)
        offer.save_revision(user=user, log_action=True).publish(user=user)
    logger.info("Imported offers: %s created, %s updated", report.created, report.updated)
    return report


def _stale_recipients(offer: OfferPage) -> list:
    editors = Group.objects.get(name=REDAKTION).user_set.filter(is_active=True).exclude(email="")
    maintainers = offer.provider.maintainers.filter(is_active=True).exclude(email="") if offer.provider_id else []
    return list({user.pk: user for user in [*editors, *maintainers]}.values())


def offers_flag_stale(*, today: datetime.date | None = None) -> int:
    """Mail provider and Redaktion once about each published offer not checked for six months; returns mails sent."""
    today = today or timezone.localdate()
    stale = (
        OfferPage.objects.live()
        .filter(last_checked__lt=today - STALE_AFTER)
        .exclude(stale_notices__last_checked=F("last_checked"))
        .select_related("provider")
    )
    sent = 0
    for offer in stale:
        with transaction.atomic():
            notice, created = StaleOfferNotice.objects.get_or_create(offer=offer, last_checked=offer.last_checked)
            if not created:
                continue
            # One mail per language among the recipients, written in it.
            for language, recipients in users_by_language(_stale_recipients(offer)).items():
                with override(language):
                    send_mail(
                        subject=_("[Familienportal] Bitte prüfen: %(title)s") % {"title": offer.title},
                        message=_(
                            "Das Angebot „%(title)s“ wurde seit dem %(date)s nicht mehr geprüft.\n\n"
                            "Bitte kontrollieren Sie Termine, Kosten und Kontakt und setzen Sie „Zuletzt geprüft“ neu:\n%(url)s\n"
                        )
                        % {
                            "title": offer.title,
                            "date": offer.last_checked.strftime("%d.%m.%Y"),
                            "url": f"{settings.PORTAL_BASE_URL}/admin/pages/{offer.pk}/edit/",
                        },
                        from_email=None,
                        recipient_list=sorted(user.email for user in recipients),
                    )
                sent += 1
    return sent
