"""Writes of the offer directory: imports and the reminders about unchecked offers."""

from __future__ import annotations

import csv
import datetime
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from wagtail.rich_text import RichText

from community.accounts.languages import send_mail, users_by_language
from community.accounts.roles import REDAKTION
from core.background import enqueue
from core.slugs import german_slugify, match_key, unique_slug
from home.directory.models import Language, Provider
from home.models import District
from home.offers import hsds
from home.offers.exchange import OfferRecord, ParsedRow, parse_upload
from home.offers.models import OfferCategory, OfferDate, OfferImport, OfferIndexPage, OfferPage, StaleOfferNotice
from home.offers.selectors import import_progress_key

logger = logging.getLogger(__name__)
STALE_AFTER = datetime.timedelta(days=183)


@dataclass
class ImportRowResult:
    """One row's outcome, as the officer sees it on the page and in the downloadable report."""

    position: str
    title: str
    status: str  # one of ImportReport.STATUSES
    messages: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return {"new": _("neu"), "updated": _("aktualisiert"), "error": _("Fehler")}[self.status]


def _spreadsheet_safe(value: str) -> str:
    # Titles come from foreign files; a cell starting like a formula must stay text when the report is opened.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@dataclass
class ImportReport:
    STATUSES = ("new", "updated", "error")

    dry_run: bool
    review: bool = False  # a provider's import: every change goes to the Redaktion, nothing is published
    created: int = 0
    updated: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (position, reason)
    rows: list[ImportRowResult] = field(default_factory=list)
    providers_created: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            count = len(self.errors)
            return ngettext(
                "%(count)s Fehler gefunden, nichts importiert.", "%(count)s Fehler gefunden, nichts importiert.", count
            ) % {"count": len(self.errors)}
        if self.review:
            count = self.created + self.updated
            text = (
                ngettext(
                    "%(count)s Änderung würde der Redaktion zur Prüfung vorgelegt (neu: %(created)s).",
                    "%(count)s Änderungen würden der Redaktion zur Prüfung vorgelegt (neu: %(created)s).",
                    count,
                )
                if self.dry_run
                else ngettext(
                    "%(count)s Änderung wartet jetzt auf die Prüfung durch die Redaktion (neu: %(created)s).",
                    "%(count)s Änderungen warten jetzt auf die Prüfung durch die Redaktion (neu: %(created)s).",
                    count,
                )
            )
            return text % {"count": count, "created": self.created}
        verb = _("würden angelegt") if self.dry_run else _("angelegt")
        verb_updated = _("würden aktualisiert") if self.dry_run else _("aktualisiert")
        text = _("%(created)s Angebote %(verb)s, %(updated)s %(verb_updated)s.") % {
            "created": self.created,
            "verb": verb,
            "updated": self.updated,
            "verb_updated": verb_updated,
        }
        if self.providers_created:
            label = _("Neue Anbieter (würden angelegt)") if self.dry_run else _("Neue Anbieter")
            text += f" {label}: {', '.join(self.providers_created)}."
        return text

    def counts(self) -> list[tuple[str, int]]:
        """Rows per state (neu, aktualisiert, Fehler), for the page's overview."""
        labels = {"new": _("neu"), "updated": _("aktualisiert"), "error": _("Fehler")}
        return [(labels[status], sum(row.status == status for row in self.rows)) for status in self.STATUSES]

    def as_data(self) -> dict:
        """The report as JSON for `OfferImport.report`; `from_data` reads it back for the page and the download."""
        return {
            "dry_run": self.dry_run,
            "review": self.review,
            "created": self.created,
            "updated": self.updated,
            "errors": [list(error) for error in self.errors],
            "rows": [[row.position, row.title, row.status, row.messages] for row in self.rows],
            "providers_created": self.providers_created,
        }

    @classmethod
    def from_data(cls, data: dict) -> ImportReport:
        return cls(
            dry_run=data["dry_run"],
            review=data["review"],
            created=data["created"],
            updated=data["updated"],
            errors=[(position, reason) for position, reason in data["errors"]],
            rows=[
                ImportRowResult(position=position, title=title, status=status, messages=messages)
                for position, title, status, messages in data["rows"]
            ],
            providers_created=data["providers_created"],
        )

    def as_csv(self) -> str:
        """The report to download: one line per row of the file with its state and every message."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([_("Stelle"), _("Titel"), _("Status"), _("Meldungen")])
        for row in self.rows:
            writer.writerow(
                [
                    _spreadsheet_safe(text)
                    for text in (row.position, row.title, row.status_label, " | ".join(row.messages))
                ]
            )
        for position, reason in self.errors:
            if not any(row.position == position for row in self.rows):  # file-level problems have no row
                writer.writerow([_spreadsheet_safe(position), "", _("Fehler"), _spreadsheet_safe(reason)])
        return out.getvalue()


@dataclass
class _Choices:
    """One kind of reference data, found by any spelling of its name or slug, with what to offer when not."""

    by_key: dict[str, object]
    allowed: list[str]
    unknown_message: str  # "Kategorie „%(value)s“ ist unbekannt."

    def find(self, value: str):
        return self.by_key.get(match_key(value)) or self.by_key.get(value.strip().lower())

    def problem(self, value: str) -> str:
        return (self.unknown_message + " " + _("Erlaubt sind: %(allowed)s.")) % {
            "value": value,
            "allowed": ", ".join(self.allowed),
        }


def _choices(originals, *, keys, label, translations=(), message: str) -> _Choices:
    by_key: dict[str, object] = {}
    for item in originals:
        for key in keys(item):
            by_key.setdefault(key, item)
    # Translated names (a category read in English or Turkish) lead to the German original pages point to.
    by_translation = {getattr(item, "translation_key", None): item for item in originals}
    for item in translations:
        original = by_translation.get(item.translation_key)
        if original is not None:
            by_key.setdefault(match_key(item.name), original)
    return _Choices(by_key=by_key, allowed=[label(item) for item in originals], unknown_message=message)


def _provider_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class _Lookups:
    providers: dict[str, Provider]  # by _provider_key
    categories: _Choices
    districts: _Choices
    languages: _Choices
    new_providers: dict[str, OfferRecord] = field(default_factory=dict)  # first record naming each unknown provider

    @classmethod
    def load(cls) -> _Lookups:
        categories = list(OfferCategory.objects.originals())
        languages = list(Language.objects.originals())
        return cls(
            providers={_provider_key(p.name): p for p in Provider.objects.all()},
            # Pages point to the German originals: whatever the spelling, the lookup ends there.
            categories=_choices(
                categories,
                keys=lambda c: [match_key(c.slug), match_key(c.name)],
                label=lambda c: c.name,
                translations=OfferCategory.objects.exclude(pk__in=[c.pk for c in categories]),
                message=_("Kategorie „%(value)s“ ist unbekannt."),
            ),
            districts=_choices(
                list(District.objects.all()),
                keys=lambda d: [match_key(d.slug), match_key(d.name)],
                label=lambda d: d.name,
                message=_("Stadtteil „%(value)s“ ist unbekannt."),
            ),
            languages=_choices(
                languages,
                keys=lambda lang: [lang.code.lower(), match_key(lang.name)],
                label=lambda lang: f"{lang.code} ({lang.name})",
                translations=Language.objects.exclude(pk__in=[lang.pk for lang in languages]),
                message=_("Sprache „%(value)s“ ist unbekannt."),
            ),
        )

    def category(self, record: OfferRecord, value: str) -> OfferCategory | None:
        found = self.categories.find(value)
        if found is None and value in record.category_fallbacks:
            found = self.categories.find(record.category_fallbacks[value])
        return found

    def provider(self, record: OfferRecord) -> Provider | None:
        return self.providers.get(_provider_key(record.provider)) if record.provider else None

    def problems(self, record: OfferRecord) -> list[str]:
        problems = []
        for value in record.categories:
            if self.category(record, value) is None:
                problems.append(self.categories.problem(record.category_fallbacks.get(value, value)))
        if not record.categories:
            problems.append(
                _("Mindestens eine Kategorie ist nötig. Erlaubt sind: %(allowed)s.")
                % {"allowed": ", ".join(self.categories.allowed)}
            )
        if record.district and self.districts.find(record.district) is None:
            problems.append(self.districts.problem(record.district))
        for code in record.languages:
            if self.languages.find(code) is None:
                problems.append(self.languages.problem(code))
        return problems

    def provider_notes(self, record: OfferRecord) -> list[str]:
        """Unknown providers are created from the file (once, whoever names them first); known ones get a website."""
        if not record.provider:
            return []
        known = self.provider(record)
        if known is None:
            key = _provider_key(record.provider)
            if key in self.new_providers:
                return []
            self.new_providers[key] = record
            # Worded for both runs: a dry run, or a run stopped by errors elsewhere, creates nothing.
            return [
                _("Anbieter „%(name)s“ ist neu und wird angelegt (als Verein; bitte im Admin prüfen).")
                % {"name": record.provider}
            ]
        if record.provider_website and not known.website:
            return [_("Die Website des Anbieters „%(name)s“ wird ergänzt.") % {"name": known.name}]
        if record.provider_website and known.website.rstrip("/") != record.provider_website.rstrip("/"):
            return [
                _("Anbieter „%(name)s“ hat schon die Website %(website)s; sie bleibt.")
                % {"name": known.name, "website": known.website}
            ]
        return []

    def create_providers(self) -> None:
        taken = set(Provider.objects.values_list("slug", flat=True))
        for key, record in self.new_providers.items():
            # The kind is a guess the report asks the officer to check; most providers in other sources are clubs.
            self.providers[key] = Provider.objects.create(
                name=record.provider,
                slug=unique_slug(german_slugify(record.provider, max_length=190), taken, max_length=200),
                kind=Provider.Kind.ASSOCIATION,
                website=record.provider_website,
            )

    def complete_websites(self, record: OfferRecord) -> None:
        known = self.provider(record)
        if known is not None and record.provider_website and not known.website:
            known.website = record.provider_website
            known.save(update_fields=["website"])


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
    offer.provider = lookups.provider(record)
    offer.district = lookups.districts.find(record.district) if record.district else None
    # One category named twice (by slug and by name) is still one category.
    offer.categories = list(
        {c.pk: c for c in (lookups.category(record, value) for value in record.categories)}.values()
    )
    offer.languages = list({lang.pk: lang for lang in map(lookups.languages.find, record.languages)}.values())
    offer.body = [
        ("paragraph", RichText(f"<p>{escape(part)}</p>")) for part in record.description.split("\n\n") if part.strip()
    ]
    offer.dates = [OfferDate(**vars(line)) for line in record.dates]


class _ProviderScope:
    """A provider's own import: which offers a row may change, and the German reason when it may not."""

    def __init__(self, *, providers: list[Provider], offers: list[OfferPage]):
        self.providers = {provider.pk: provider for provider in providers}
        self.names = ", ".join(sorted(provider.name for provider in providers)) or "–"
        self.by_slug = {offer.slug: offer for offer in offers}

    def find(self, record: OfferRecord) -> OfferPage | None:
        """An offer made by hand has no source id: a row may name it by the address the export wrote."""
        if record.url:
            slug = urlsplit(record.url).path.rstrip("/").rsplit("/", 1)[-1]
            return self.by_slug.get(slug)
        return None

    def problems(self, record: OfferRecord, offer: OfferPage | None, lookups: _Lookups) -> list[str]:
        if offer is not None and offer.provider_id not in self.providers:
            return [
                _("„%(title)s“ ist kein Angebot Ihrer Organisation; Sie können nur Angebote von %(names)s ändern.")
                % {"title": offer.title, "names": self.names}
            ]
        if not record.provider:
            if len(self.providers) == 1:
                record.provider = next(iter(self.providers.values())).name
                return []
            return [_("Bitte nennen Sie in der Spalte provider Ihre Organisation: %(names)s.") % {"names": self.names}]
        provider = lookups.provider(record)
        if provider is None or provider.pk not in self.providers:
            return [
                _("Anbieter „%(name)s“ ist nicht Ihre Organisation; Sie können nur Angebote von %(names)s ändern.")
                % {"name": record.provider, "names": self.names}
            ]
        return []


def _submit_for_review(offer: OfferPage, user) -> None:
    """The same review as a hand edit in the page editor: the new revision goes into the page's workflow."""
    workflow = offer.get_workflow()
    if workflow is None:
        # Without a workflow nobody would ever see it; the revision stays an unpublished draft rather than going live.
        logger.warning("Offer %s: no approval workflow, the imported change stays a draft", offer.pk)
        return
    state = offer.current_workflow_state
    if state is not None:
        # The file holds the whole offer: its revision replaces an earlier change still waiting, as Wagtail's
        # "restart workflow" would.
        state.cancel(user=user)
    workflow.start(offer, user)


ImportProgress = Callable[[int, int, ImportRowResult], None]  # (rows done, rows in all, the row just done)


@transaction.atomic
def offers_import(
    *,
    rows: list[ParsedRow],
    index: OfferIndexPage,
    user=None,
    dry_run: bool = True,
    progress: ImportProgress | None = None,
    for_providers: list[Provider] | None = None,
) -> ImportReport:
    """Check every row; write only when all are fine, and then all of them or (on any failure) none.

    `for_providers` makes it a provider's own import: only those organizations' offers, no new providers, and each
    change a revision submitted to the Redaktion's approval workflow, never published."""
    review = for_providers is not None
    report = ImportReport(dry_run=dry_run, review=review)
    lookups = _Lookups.load()
    offers = list(OfferPage.objects.child_of(index).specific())
    existing = {offer.external_id: offer for offer in offers if offer.external_id}
    # The portal's own HSDS export names an offer without a source id by its HSDS id: importing that file again
    # (or a provider's edited copy of it) updates those offers instead of adding copies.
    exported = {hsds.service_id(offer.pk): offer for offer in offers}
    scope = _ProviderScope(providers=list(for_providers), offers=offers) if review else None
    targets: list[OfferPage | None] = []
    seen_ids: set[str] = set()
    for row in rows:
        record = row.record
        problems = list(row.errors) + (lookups.problems(record) if record else [])
        if record and record.external_id:
            if record.external_id in seen_ids:
                problems.append(_("Kennung „%(id)s“ kommt mehrfach vor.") % {"id": record.external_id})
            seen_ids.add(record.external_id)
        target = None
        if record is not None:
            target = existing.get(record.external_id or None) or exported.get(record.external_id or None)
            if target is None and scope:
                target = scope.find(record)
        if scope and record is not None:
            problems += scope.problems(record, target, lookups)
        targets.append(target)
        report.errors += [(row.position, problem) for problem in problems]
        # A provider's file never creates organizations: its rows name their own, or are refused above.
        notes = list(row.notes) + (lookups.provider_notes(record) if record and not scope else [])
        if record is None or problems:
            status = "error"
        elif target is not None:
            status = "updated"
            report.updated += 1
        else:
            status = "new"
            report.created += 1
        report.rows.append(
            ImportRowResult(
                position=row.position, title=record.title if record else "", status=status, messages=problems + notes
            )
        )
    report.providers_created = [record.provider for record in lookups.new_providers.values()]
    if not rows:
        report.errors.append((_("Datei"), _("Die Datei enthält keine Angebote.")))
    if dry_run or report.errors:
        for number, result in enumerate(report.rows, start=1):
            if progress:
                progress(number, len(report.rows), result)
        return report
    lookups.create_providers()
    taken_slugs = set(index.get_children().values_list("slug", flat=True))
    for number, (row, result, offer) in enumerate(zip(rows, report.rows, targets, strict=True), start=1):
        lookups.complete_websites(row.record)
        if offer is None:
            # A provider's new offer waits unpublished until the Redaktion approves it.
            offer = OfferPage(owner=user, live=not review)
            _apply(offer, row.record, lookups)
            # Wagtail's own slug drops umlauts ("bambini-fuball"); German readers expect "bambini-fussball".
            offer.slug = unique_slug(german_slugify(offer.title, max_length=80) or "angebot", taken_slugs)
            index.add_child(instance=offer)
        else:
            own_id = offer.external_id
            _apply(offer, row.record, lookups)
            if row.record.external_id != own_id:
                offer.external_id = own_id  # found by the portal's id or address: that is no source's key
        revision = offer.save_revision(user=user, log_action=True)
        if review:
            _submit_for_review(offer, user)
        else:
            revision.publish(user=user)
        if progress:
            progress(number, len(rows), result)
    logger.info(
        "Imported offers (%s): %s created, %s updated, %s providers created",
        "for review" if review else "published",
        report.created,
        report.updated,
        len(report.providers_created),
    )
    return report


# --- Imports in the background: the page starts one and shows its progress, a worker runs it ---------------------
# Rows done so far live in the cache: the import writes in one transaction (all rows or none), so a counter in its
# own table would stay invisible to the page until the very end. Without a shared cache the page says "läuft" until
# the run is done, and then shows the same report.
IMPORT_PROGRESS_TIMEOUT = 24 * 60 * 60
KEEP_DRY_RUN_FILES = datetime.timedelta(days=7)


def offer_import_start(
    *,
    user,
    file_name: str,
    content: bytes,
    dry_run: bool,
    for_providers: list[Provider] | None = None,
    language: str = "de",
) -> OfferImport:
    """Keep the file and queue its import; the worker (or, without a broker, this request) runs `offer_import_run`."""
    from home.offers.tasks import run_offer_import

    with transaction.atomic():
        # Files of dry runs nobody imported are not kept for ever (up to 5 MB each); their reports stay.
        OfferImport.objects.filter(dry_run=True, created_at__lt=timezone.now() - KEEP_DRY_RUN_FILES).exclude(
            content=b""
        ).update(content=b"")
        run = OfferImport.objects.create(
            user=user,
            file_name=file_name[:255],
            content=content,
            dry_run=dry_run,
            review=for_providers is not None,
            language=language,
        )
        if for_providers is not None:
            run.for_providers.set(for_providers)
        enqueue(run_offer_import, run.pk)
    run.refresh_from_db()
    return run


def offer_import_confirm(*, run: OfferImport, user, for_providers: list[Provider] | None = None) -> OfferImport:
    """The real import of a file whose dry run passed, without uploading it again."""
    if not (run.dry_run and run.state == OfferImport.State.DONE and run.content and run.report):
        raise ValueError("only a finished dry run that still holds its file can be confirmed")
    if not ImportReport.from_data(run.report).ok:
        raise ValueError("a dry run with errors cannot be confirmed")
    content = bytes(run.content)
    # The file moves to the real run. Only one of two clicks at once (a double click, a second tab) empties it;
    # the other imports nothing.
    if not OfferImport.objects.filter(pk=run.pk).exclude(content=b"").update(content=b""):
        raise ValueError("this dry run was confirmed already")
    return offer_import_start(
        user=user,
        file_name=run.file_name,
        content=content,
        dry_run=False,
        for_providers=for_providers if run.review else None,
        language=run.language,
    )


def offer_import_run(*, import_id: int) -> None:
    """Run one queued import. Safe to run again after a worker died mid-way: the import's transaction rolled back."""
    run = OfferImport.objects.filter(pk=import_id).first()
    if run is None or run.finished:
        return
    OfferImport.objects.filter(pk=run.pk).update(state=OfferImport.State.RUNNING, started_at=timezone.now())
    key = import_progress_key(run.pk)

    def progress(done: int, total: int, _row) -> None:
        cache.set(key, [done, total], IMPORT_PROGRESS_TIMEOUT)

    try:
        with override(run.language):
            index = OfferIndexPage.objects.first()
            if index is None:
                raise LookupError("no offer index page")
            rows = parse_upload(name=run.file_name, content=bytes(run.content))
            OfferImport.objects.filter(pk=run.pk).update(total=len(rows))
            cache.set(key, [0, len(rows)], IMPORT_PROGRESS_TIMEOUT)
            report = offers_import(
                rows=rows,
                index=index,
                user=run.user,
                dry_run=run.dry_run,
                progress=progress,
                for_providers=list(run.for_providers.all()) if run.review else None,
            )
    except Exception:
        logger.exception("Offer import %s failed; nothing was written", run.pk)
        with override(run.language):
            failure = _(
                "Der Import ist an einem unerwarteten Fehler abgebrochen; es wurde nichts gespeichert. "
                "Bitte versuchen Sie es noch einmal; bleibt der Fehler, wenden Sie sich an den technischen Betrieb."
            )
        OfferImport.objects.filter(pk=run.pk).update(
            state=OfferImport.State.FAILED, failure=failure, finished_at=timezone.now()
        )
        return
    OfferImport.objects.filter(pk=run.pk).update(
        state=OfferImport.State.DONE,
        report=report.as_data(),
        finished_at=timezone.now(),
        # A dry run keeps the file for "Jetzt importieren"; a real run has no further use for it.
        content=run.content if run.dry_run else b"",
    )


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
                            "Bitte kontrollieren Sie Termine, Kosten und Kontakt und setzen Sie „Zuletzt geprüft“ neu:\n%(url)s\n\n"
                            "Ist alles noch aktuell? Dann bestätigen Sie es mit einem Klick, ohne Anmeldung "
                            "(der Link gilt %(days)s Tage):\n%(confirm_url)s\n"
                        )
                        % {
                            "title": offer.title,
                            "date": offer.last_checked.strftime("%d.%m.%Y"),
                            "url": f"{settings.PORTAL_BASE_URL}/admin/pages/{offer.pk}/edit/",
                            "days": STILL_CURRENT_MAX_AGE.days,
                            "confirm_url": settings.PORTAL_BASE_URL
                            + reverse("offer_still_current", args=[offer_still_current_token(offer=offer)]),
                        },
                        from_email=None,
                        recipient_list=sorted(user.email for user in recipients),
                    )
                sent += 1
    return sent


# --- the Redaktion's decision, told to the provider -------------------------------------------------------------
def offer_decision_notify(*, offer: OfferPage, approved: bool, reason: str = "") -> int:
    """Tell every maintainer of the offer's organization how the Redaktion decided (notice and mail, via the outbox)."""
    from community.notifications.services import notify

    if not offer.provider_id:
        return 0
    maintainers = list(offer.provider.maintainers.filter(is_active=True))
    if approved:
        created = notify(
            users=maintainers,
            kind="offers.approved",
            title=lambda: _("Ihr Angebot „%(title)s“ ist freigegeben") % {"title": offer.title},
            body=lambda: _("Die Redaktion hat Ihre Änderung geprüft; sie ist jetzt öffentlich zu sehen:"),
            # The page in the recipient's language, where it has one.
            url=lambda: offer.localized.url or offer.url,
        )
    else:
        created = notify(
            users=maintainers,
            kind="offers.declined",
            title=lambda: _("Ihre Änderung an „%(title)s“ wurde nicht übernommen") % {"title": offer.title},
            # The review inbox always asks for the reason; Wagtail's page editor may still decline without one.
            body=lambda: (
                (
                    _("Begründung der Redaktion: %(reason)s") % {"reason": reason}
                    if reason
                    else _("Bei Fragen schreiben Sie gern an die Redaktion.")
                )
                + "\n\n"
                + _("Unter „Meine Angebote“ können Sie das Angebot überarbeiten und erneut einreichen:")
            ),
            url=lambda: reverse("offers_mine"),
        )
    return len(created)


# --- "still current" with one click from the reminder -------------------------------------------------------------
STILL_CURRENT_SALT = "offers.still-current"
STILL_CURRENT_MAX_AGE = datetime.timedelta(days=60)


class StillCurrentLinkError(Exception):
    """A link from the reminder that cannot confirm anything; the message is for the person who clicked it."""


def offer_still_current_token(*, offer: OfferPage) -> str:
    """The signed part of the reminder's link: this offer, as checked on this date (renewed once, the link is spent)."""
    return signing.dumps({"offer": offer.pk, "checked": offer.last_checked.isoformat()}, salt=STILL_CURRENT_SALT)


def offer_for_still_current_token(*, token: str) -> tuple[OfferPage, bool]:
    """The offer a reminder link names, and whether it still waits for the confirmation (False: already renewed)."""
    try:
        data = signing.loads(token, salt=STILL_CURRENT_SALT, max_age=STILL_CURRENT_MAX_AGE)
    except signing.SignatureExpired as error:
        raise StillCurrentLinkError(
            _(
                "Dieser Link ist abgelaufen (er gilt %(days)s Tage). Bitte melden Sie sich an und setzen Sie "
                "„Zuletzt geprüft“ im Angebot neu."
            )
            % {"days": STILL_CURRENT_MAX_AGE.days}
        ) from error
    except signing.BadSignature as error:
        raise StillCurrentLinkError(
            _("Dieser Link ist ungültig. Bitte öffnen Sie ihn genau so, wie er in der E-Mail steht.")
        ) from error
    offer = OfferPage.objects.live().filter(pk=data.get("offer")).first()
    if offer is None:
        raise StillCurrentLinkError(_("Dieses Angebot ist nicht mehr veröffentlicht; es gibt nichts zu bestätigen."))
    return offer, offer.last_checked.isoformat() == data.get("checked")


@transaction.atomic
def offer_confirm_still_current(*, token: str, today: datetime.date | None = None) -> OfferPage:
    """Renew an offer's check date from the reminder's link. Not reviewed: it changes no content the public reads
    except the date that says someone looked, and only the reminder's recipients hold the link."""
    offer, waiting = offer_for_still_current_token(token=token)
    if not waiting:
        return offer  # confirmed before (or checked by hand since): nothing to do, and no error for a second click
    today = today or timezone.localdate()
    offer.last_checked = today
    offer.save(update_fields=["last_checked"])
    # The date lives in the revisions as well: a later publish of an older revision must not bring back the old date.
    for revision in {offer.live_revision, offer.latest_revision} - {None}:
        if revision.content.get("last_checked", "") < today.isoformat():
            revision.content["last_checked"] = today.isoformat()
            revision.save(update_fields=["content"])
    logger.info("Offer %s confirmed as still current from the reminder link", offer.pk)
    return offer
