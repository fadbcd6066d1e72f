"""Reads of the offer directory, shared by the list page, the calendar feed, the API and the exports."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Case, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, WorkflowState

from core.geo import Point, distance_origin, squared_distance_expression
from core.restrictions import public
from home.directory.models import Language, Provider
from home.models import District
from home.offers.models import HolidayPeriod, OfferCategory, OfferDate, OfferImport, OfferIndexPage, OfferPage

FAR_FUTURE = datetime.date(9999, 12, 31)


@dataclass(frozen=True)
class OfferFilters:
    query: str = ""
    categories: tuple[OfferCategory, ...] = ()
    age_years: int | None = None
    district: District | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    free_only: bool = False
    barrier_free: bool = False
    language: Language | None = None
    sort: str = "datum"
    origin: Point | None = field(default=None)

    @classmethod
    def from_form(cls, cleaned: dict) -> OfferFilters:
        start, end = cleaned.get("von"), cleaned.get("bis")
        holiday: HolidayPeriod | None = cleaned.get("ferien")
        if holiday:
            start, end = holiday.start, holiday.end
        elif start and not end:
            end = start
        elif end and not start:
            start = end
        return cls(
            query=cleaned.get("q") or "",
            categories=tuple(cleaned.get("kategorie") or ()),
            age_years=cleaned.get("alter"),
            district=cleaned.get("stadtteil"),
            start=start,
            end=end,
            free_only=bool(cleaned.get("kostenlos")),
            barrier_free=bool(cleaned.get("barrierefrei")),
            language=cleaned.get("sprache"),
            sort=cleaned.get("sortierung") or "datum",
            origin=distance_origin(cleaned),
        )


def _weekdays_between(start: datetime.date, end: datetime.date) -> list[int]:
    days = (end - start).days
    return list(range(7)) if days >= 6 else sorted({(start + datetime.timedelta(d)).weekday() for d in range(days + 1)})


def _has_date_between(start: datetime.date, end: datetime.date) -> Exists:
    """An offer takes place between start and end: a day or range overlaps, or a weekly series meets one of the weekdays."""
    once = Q(weekday__isnull=True, start_date__lte=end) & (
        Q(end_date__gte=start) | Q(end_date__isnull=True, start_date__gte=start)
    )
    weekly = Q(weekday__in=_weekdays_between(start, end), start_date__lte=end) & (
        Q(end_date__isnull=True) | Q(end_date__gte=start)
    )
    return Exists(OfferDate.objects.filter(offer=OuterRef("pk")).filter(once | weekly))


def current_offers(*, index: OfferIndexPage | None = None, today: datetime.date | None = None) -> QuerySet[OfferPage]:
    """Published offers whose last date has not passed (ongoing and undated offers included)."""
    today = today or timezone.localdate()
    offers = public(OfferPage.objects.live())
    if index is not None:
        offers = offers.child_of(index)
    return offers.filter(Q(last_date__isnull=True) | Q(last_date__gte=today))


def offers_search(
    *, filters: OfferFilters, index: OfferIndexPage | None = None, today: datetime.date | None = None
) -> QuerySet[OfferPage]:
    """The list page's result: filtered, sorted, with everything a result card shows fetched up front."""
    today = today or timezone.localdate()
    offers = current_offers(index=index, today=today)
    if filters.query:
        offers = offers_search_words(offers, query=filters.query)
    if filters.categories:
        offers = offers.filter(categories__in=filters.categories).distinct()
    if filters.age_years is not None:
        youngest, oldest = filters.age_years * 12, filters.age_years * 12 + 11
        offers = offers.filter(
            Q(age_min_months__isnull=True) | Q(age_min_months__lte=oldest),
            Q(age_max_months__isnull=True) | Q(age_max_months__gte=youngest),
        )
    if filters.district:
        offers = offers.filter(district=filters.district)
    if filters.start and filters.end:
        offers = offers.filter(_has_date_between(filters.start, filters.end))
    if filters.free_only:
        offers = offers.filter(cost_kind=OfferPage.CostKind.FREE)
    if filters.barrier_free:
        offers = offers.filter(barrier_free=True)
    if filters.language:
        offers = offers.filter(languages=filters.language)

    offers = offers.annotate(
        next_date=Case(
            When(first_date__isnull=True, then=Value(FAR_FUTURE)),
            When(first_date__lt=today, then=Value(today)),
            default=F("first_date"),
        ),
    )
    if filters.origin is not None:
        offers = offers.annotate(
            distance_sort=Case(
                When(latitude__isnull=True, then=Value(1e9)),
                default=squared_distance_expression(filters.origin),
            )
        )
    if filters.sort == "entfernung" and filters.origin is not None:
        ordering = ["distance_sort", "title"]
    elif filters.sort == "titel":
        ordering = ["title"]
    else:
        ordering = ["next_date", "title"]
    return (
        offers.order_by(*ordering, "pk")
        .select_related("provider", "district")
        .prefetch_related("categories", "dates", "languages")
    )


def published_offers() -> QuerySet[OfferPage]:
    """Every live, public offer with what the exports write fetched up front (past ones too, until unpublished)."""
    return (
        public(OfferPage.objects.live())
        .order_by("title", "pk")
        .select_related("provider", "district")
        .prefetch_related("categories", "dates", "languages")
    )


def offers_modified_after(offers: QuerySet[OfferPage], *, moment: datetime.datetime) -> QuerySet[OfferPage]:
    """Offers published (changed for readers) at or after `moment`; a page never published counts its last save."""
    return offers.filter(
        Q(last_published_at__gte=moment) | Q(last_published_at__isnull=True, latest_revision_created_at__gte=moment)
    )


def offer_providers() -> QuerySet[Provider]:
    """The providers of at least one published offer: an organization without public offers stays private."""
    return Provider.objects.filter(pk__in=published_offers().values("provider_id")).order_by("name", "pk")


def offer_categories() -> QuerySet[OfferCategory]:
    """The taxonomy's terms: the German originals that offers point to."""
    return OfferCategory.objects.originals().order_by("sort_order", "name", "pk")


def offers_with_place(offers: QuerySet[OfferPage]) -> QuerySet[OfferPage]:
    """Offers with a venue, a street or coordinates: those HSDS can give a service_at_location."""
    return offers.filter(~Q(venue="") | ~Q(street="") | Q(latitude__isnull=False))


def offers_search_words(offers: QuerySet[OfferPage], *, query: str) -> QuerySet[OfferPage]:
    """Every word in the title, the summary or the venue (the list page's free-text rule)."""
    for word in query.split()[:8]:
        offers = offers.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(venue__icontains=word))
    return offers


# --- a provider's own offers ("Meine Angebote") ------------------------------------------------------------------
def sees_all_offers(user) -> bool:
    """The Redaktion (who keeps the providers) and admins see every offer; a provider account only its organizations'."""
    return user.is_superuser or user.has_perm("directory.change_provider")


def offers_of_maintainer(*, user) -> QuerySet[OfferPage]:
    """The offers `user` looks after, in the default language (translations follow their original)."""
    offers = OfferPage.objects.filter(locale=Locale.get_default())
    if not sees_all_offers(user):
        offers = offers.filter(provider__in=user.maintained_providers.all())
    return offers.select_related("provider").order_by("provider__name", "title")


@dataclass(frozen=True)
class OfferReviewStatus:
    """Where an offer stands for its provider: published, waiting for the Redaktion, or declined with the reason."""

    offer: OfferPage
    state: str  # "live", "draft", "waiting", "declined"
    reason: str = ""
    since: datetime.datetime | None = None

    @property
    def label(self) -> str:
        return {
            "live": _("veröffentlicht"),
            "draft": _("Entwurf, nicht eingereicht"),
            "waiting": _("wartet auf Prüfung"),
            "declined": _("abgelehnt"),
        }[self.state]


def offers_review_status(*, offers) -> list[OfferReviewStatus]:
    """Each offer with its state from its latest approval workflow (one query for all of them)."""
    offers = list(offers)
    latest: dict[int, WorkflowState] = {}
    states = (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(offer.pk) for offer in offers],
        )
        .select_related("current_task_state")
        .order_by("created_at", "pk")
    )
    for state in states:
        latest[int(state.object_id)] = state  # the newest wins
    result = []
    for offer in offers:
        state = latest.get(offer.pk)
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            result.append(OfferReviewStatus(offer=offer, state="waiting", since=state.created_at))
        elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task_state = state.current_task_state
            result.append(
                OfferReviewStatus(
                    offer=offer,
                    state="declined",
                    reason=(task_state.comment if task_state else "").strip(),
                    since=task_state.finished_at if task_state else None,
                )
            )
        else:
            result.append(OfferReviewStatus(offer=offer, state="live" if offer.live else "draft"))
    return result


# --- Imports in the background ---------------------------------------------------------------------------------
# An import that has not started after this long is waiting for a worker that is not running (the outbox keeps it).
IMPORT_WAIT_WARNING = datetime.timedelta(minutes=2)


@dataclass(frozen=True)
class ImportProgress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def import_progress_key(import_id: int) -> str:
    """Where a running import counts its rows (`services.offer_import_run` writes, this module reads)."""
    return f"offers:import:{import_id}:progress"


def offer_import_progress(*, run: OfferImport) -> ImportProgress:
    """Rows done so far: the counter the running import keeps in the cache, or all of them once it has finished."""
    if run.finished:
        return ImportProgress(done=run.total, total=run.total)
    stored = cache.get(import_progress_key(run.pk))
    if stored:
        return ImportProgress(done=stored[0], total=stored[1])
    return ImportProgress(done=0, total=run.total)


def offer_import_holds_file(*, run: OfferImport) -> bool:
    """Whether the run still keeps its file (a dry run not yet imported), without reading the file."""
    return OfferImport.objects.filter(pk=run.pk).exclude(content=b"").exists()


def offer_import_waits_too_long(*, run: OfferImport, now: datetime.datetime | None = None) -> bool:
    return run.state == OfferImport.State.QUEUED and (now or timezone.now()) - run.created_at > IMPORT_WAIT_WARNING


def offer_import_visible_to(*, run: OfferImport, user) -> bool:
    """The uploader sees their run; the Redaktion's importers see every officer's run, the Redaktion every provider's."""
    if run.user_id is not None and run.user_id == user.pk:
        return True
    return sees_all_offers(user) if run.review else user.has_perm("offers.import_offers")


def offer_imports_recent(*, user, review: bool, limit: int = 10) -> QuerySet[OfferImport]:
    """The last runs for the import page's list: an officer's page lists every officer's, a provider's only their own."""
    runs = OfferImport.objects.filter(review=review).select_related("user").defer("content")
    if review and not sees_all_offers(user):
        runs = runs.filter(user=user)
    return runs[:limit]
