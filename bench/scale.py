"""Scale the demo city by a factor, for page and search benchmarks.

    DATABASE_URL=sqlite:////tmp/bench/portal.sqlite3 .venv/bin/python bench/scale.py --factor 10

Run against a database that already holds the demo city (`manage.py seed_demo`). Tops each kind up to
its target: at --factor 1 the targets are about the demo city's own size, at 10 and 100 they grow linearly
(100: about 8,000 offers, 4,000 Kitas, 2,000 childminders, 3,000 events, 1,000 wiki articles with 50,000
published revisions, 100,000 forum posts). Running the same factor again adds nothing; a higher factor adds
the difference. Generated pages have slugs starting with "bench-" (forum topics too), so they can be told
apart from the demo's.

Generated content is real Wagtail content in the German locale under the existing section pages, with one
published revision per page, but it is written without the publishing signals: no translation aliases, no
notifications, no outbox jobs. Both search indexes (the portal's and Wagtail's admin search) are rebuilt
once at the end instead of once per object; --no-index skips that.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime
import logging
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from machina.apps.forum.models import Forum  # noqa: E402
from machina.apps.forum_conversation.models import Post, Topic  # noqa: E402
from machina.apps.forum_member.models import ForumProfile  # noqa: E402
from wagtail.models import Locale, Page, PageLogEntry, Revision, TaskState  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from community.accounts.models import User  # noqa: E402
from community.forum.models import PostLanguage, PostModeration  # noqa: E402
from community.wiki.models import WikiArticlePage, WikiCategory, WikiEdit, WikiIndexPage  # noqa: E402
from home.contact_points.demo import EVENTS  # noqa: E402
from home.contact_points.models import ContactPointPage, EventCancellation, EventPage  # noqa: E402
from home.contact_points.models.events import MAX_SERIES_DAYS  # noqa: E402
from home.directory.models import Language, Provider  # noqa: E402
from home.kita.demo import FIRST_NAMES, KITA_NAMES, STREETS  # noqa: E402
from home.kita.models import (  # noqa: E402
    AgeGroupCapacity,
    ChildminderPage,
    FreePlaces,
    KitaFocus,
    KitaIndexPage,
    KitaPage,
    OpeningHours,
    PlaceReport,
)
from home.management.commands.seed_demo import wagtail_indexes_deferred, wagtail_indexes_rebuild  # noqa: E402
from home.models import District  # noqa: E402
from home.offers.demo import CATEGORY_PICTURES, OFFERS  # noqa: E402
from home.offers.models import HolidayPeriod, OfferCategory, OfferDate, OfferIndexPage, OfferPage  # noqa: E402
from search.services import index_rebuild  # noqa: E402
from search.signals import search_updates_muted  # noqa: E402

PREFIX = "bench-"
BATCH = 200  # pages per transaction: small enough to keep memory flat, large enough to amortise the commits

# Targets per unit of --factor: factor 1 is about the demo city, 100 is the "100x" city.
PER_FACTOR = {
    "offers": 80,
    "kitas": 40,
    "childminders": 20,
    "events": 30,
    "wiki_articles": 10,
    "wiki_revisions": 500,
    "forum_posts": 1000,
}
KINDS = list(PER_FACTOR)

# Who writes in the forum and the wiki: the demo parents (new accounts would add nothing to the timings).
WRITERS = ["eltern", "mehmet", "julia", "olena", "rania", "swetlana", "emma"]

QUALIFIERS = [
    "",
    "",
    "",
    " am Vormittag",
    " am Nachmittag",
    " für Einsteiger",
    " für Fortgeschrittene",
    " – offene Gruppe",
    " im Familienzentrum",
    " am Wochenende",
    " (Kurs II)",
    " in den Ferien",
]
PLACES = ["Familienzentrum", "Gemeindezentrum", "Stadtteilbibliothek", "Turnhalle", "Begegnungsstätte", "Kita-Saal"]
KITA_PREFIXES = ["Kita", "Kita", "Kindertagesstätte", "Familienzentrum", "Ev. Kita", "Kath. Kita", "AWO-Kita"]
EVENT_WORDS = ["", "", " im Frühling", " am Abend", " für Neuzugezogene", " mit Kinderbetreuung", " (Reihe)"]

WIKI_TOPICS = [
    ("Elterngeld", "behoerden-geld"),
    ("Kindergeld", "behoerden-geld"),
    ("Kinderzuschlag", "behoerden-geld"),
    ("Bildungs- und Teilhabepaket", "behoerden-geld"),
    ("Hebammensuche", "schwangerschaft-geburt"),
    ("Geburtskliniken", "schwangerschaft-geburt"),
    ("Wochenbett", "schwangerschaft-geburt"),
    ("Beikost", "baby-kleinkind"),
    ("Schlafen im ersten Jahr", "baby-kleinkind"),
    ("Krabbelgruppen", "baby-kleinkind"),
    ("Kita-Eingewöhnung", "kita-schule"),
    ("Offener Ganztag", "kita-schule"),
    ("Schulanmeldung", "kita-schule"),
    ("Kinderarztsuche", "gesundheit"),
    ("U-Untersuchungen", "gesundheit"),
    ("Zahnarzt für Kinder", "gesundheit"),
    ("Spielplätze", "freizeit-ausfluege"),
    ("Schwimmbäder", "freizeit-ausfluege"),
    ("Ausflüge mit dem Kinderwagen", "freizeit-ausfluege"),
    ("Erziehungsberatung", "beratung-hilfe"),
    ("Alleinerziehend", "beratung-hilfe"),
    ("Frühe Hilfen", "beratung-hilfe"),
]
WIKI_TITLES = ["{t} in {d}", "{t}: Erfahrungen aus {d}", "{t} – Tipps für {d}", "Ratgeber {t} ({d})"]
WIKI_SENTENCES = [
    "Am besten ruft man vormittags an, dann ist die Leitung seltener besetzt.",
    "Die Beratung im Familienpunkt ist kostenlos und auf Wunsch mit Dolmetscherin.",
    "Bei uns hat es etwa sechs Wochen gedauert, bis alles geklärt war.",
    "Die Formulare gibt es auch auf Türkisch, Arabisch und Ukrainisch.",
    "Mit dem Bus 128 ist man in zehn Minuten dort, der Eingang ist barrierefrei.",
    "Plant genug Zeit ein und nehmt Snacks für die Kinder mit.",
    "Samstags ist es sehr voll, unter der Woche deutlich ruhiger.",
    "Die Öffnungszeiten haben sich geändert: mittwochs jetzt bis 18 Uhr.",
    "Ein Termin lässt sich online über das Portal der Stadt buchen.",
    "Wer einen Sozialpass hat, bekommt meistens eine Ermäßigung.",
    "Im Sommer gibt es zusätzliche Termine im Freien.",
    "Fragt ruhig nach, die Mitarbeiterinnen sind sehr hilfsbereit.",
]
WIKI_SUMMARIES = [
    "Öffnungszeiten aktualisiert",
    "Tippfehler korrigiert",
    "Erfahrungsbericht ergänzt",
    "Link zum Familienpunkt ergänzt",
    "Abschnitt gekürzt",
    "Neue Adresse eingetragen",
    "Hinweis zu Kosten ergänzt",
    "Formulierung verbessert",
]
FORUM_THEMES = [
    "Krabbelgruppe",
    "Kita-Platz",
    "Eingewöhnung",
    "Kinderarzt",
    "Hebamme",
    "Spielplatz",
    "Schwimmkurs",
    "Elterngeld",
    "Ferienbetreuung",
    "Babyschwimmen",
    "Tagesmutter",
    "Flohmarkt",
    "Zahnen",
    "Schlafprobleme",
    "OGS",
    "Kinderturnen",
]
FORUM_SUBJECTS = [
    "{t} in {d} gesucht",
    "Erfahrungen mit {t} in {d}?",
    "{t}: wer kennt sich aus?",
    "Frage zu {t}",
    "{t} – Tipps gesucht",
    "Suche Austausch zum Thema {t}",
]
FORUM_SENTENCES = [
    "Hallo zusammen, wir sind neu hier und hätten eine Frage.",
    "Bei uns hat das sehr gut geklappt, ich kann es nur empfehlen.",
    "Frag mal im Familienpunkt nach, die wissen meistens Bescheid.",
    "Wir haben ähnliche Erfahrungen gemacht, es braucht einfach Geduld.",
    "Danke für die vielen Tipps, das hilft uns wirklich weiter!",
    "Gibt es dazu schon Neuigkeiten?",
    "Die Wartelisten sind leider lang, meldet euch früh an.",
    "Samstags ist es dort immer sehr voll, lieber unter der Woche hingehen.",
    "Unsere Tochter war anfangs skeptisch, inzwischen geht sie total gern hin.",
    "Im Wiki steht dazu ein guter Artikel, schaut mal rein.",
    "Kann jemand eine Empfehlung im Stadtteil geben?",
    "Mit Kinderwagen ist der Weg gut machbar, es gibt eine Rampe.",
    "Wir treffen uns nächste Woche wieder, wer Lust hat, kommt einfach vorbei.",
    "Das Formular war komplizierter als gedacht, aber die Beratung hat geholfen.",
]


def targets(factor: float) -> dict[str, int]:
    return {kind: round(per * factor) for kind, per in PER_FACTOR.items()}


@contextlib.contextmanager
def dates_as_given(*models):
    """bulk_create would stamp auto_now/auto_now_add fields with the current time; generated histories need their
    own dates, so the flags are switched off for the duration (in this process only)."""
    fields = [
        field
        for model in models
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def spread(start: datetime.datetime, end: datetime.datetime, count: int, rng: random.Random) -> list:
    """`count` sorted moments between start and end."""
    span = max((end - start).total_seconds(), 60.0)
    return sorted(start + datetime.timedelta(seconds=rng.uniform(0, span)) for _ in range(count))


class Scaler:
    def __init__(self, *, factor: float, seed: int, out=print):
        self.factor = factor
        self.targets = targets(factor)
        self.rng = random.Random(seed)
        self.out = out
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.locale = Locale.objects.get(language_code="de")
        self.districts = list(District.objects.order_by("slug"))
        if not self.districts:
            raise SystemExit("No districts: seed the demo city first (manage.py seed_demo).")
        self.page_ct = ContentType.objects.get_for_model(Page)
        self.summary: list[str] = []

    # --- shared -----------------------------------------------------------------------------------------------
    def section(self, model):
        page = model.objects.filter(locale=self.locale).live().order_by("path").first()
        if page is None:
            raise SystemExit(f"No live {model.__name__} in the German tree: seed the demo city first.")
        return page

    def next_number(self, model) -> int:
        # Numbers continue after the bench pages already there, so a second run never reuses a slug.
        return model.objects.filter(slug__startswith=PREFIX).count() + 1

    def coordinates(self, district, spread_deg: float = 0.012):
        dlat = Decimal(str(round(self.rng.uniform(-spread_deg, spread_deg), 5)))
        dlon = Decimal(str(round(self.rng.uniform(-spread_deg, spread_deg), 5)))
        return district.latitude + dlat, district.longitude + dlon

    def add_pages(self, parent_for, pages: list[Page]) -> None:
        """Create pages as live pages with one revision each, like a publish but without its signals.

        `publish()` would fire page_published: translation aliases in every language, alerts, search refreshes
        and a log entry per page – minutes of work the benchmark does not need. The revision keeps the admin's
        history and "compare" working."""
        for start in range(0, len(pages), BATCH):
            chunk = pages[start : start + BATCH]
            with transaction.atomic():
                for page in chunk:
                    published = page.first_published_at
                    page.live = True
                    page.has_unpublished_changes = False
                    page.last_published_at = published
                    page.latest_revision_created_at = published
                    parent_for(page).add_child(instance=page)
                revisions = Revision.objects.bulk_create(
                    [
                        Revision(
                            content_type_id=page.content_type_id,
                            base_content_type=self.page_ct,
                            object_id=str(page.pk),
                            created_at=page.first_published_at,
                            object_str=page.title,
                            content=page.serializable_data(),
                        )
                        for page in chunk
                    ]
                )
                for page, revision in zip(chunk, revisions, strict=True):
                    page.latest_revision_id = page.live_revision_id = revision.pk
                Page.objects.bulk_update(chunk, ["latest_revision", "live_revision"], batch_size=BATCH)

    def published_at(self, days_back: int = 400) -> datetime.datetime:
        return self.now - datetime.timedelta(days=self.rng.uniform(1, days_back))

    def report(self, label: str, existing: int, target: int, started: float, extra: str = "") -> None:
        line = f"{label:<16} {existing:>7} → {target:>7}  ({max(target - existing, 0)} new, {time.monotonic() - started:.1f} s){extra}"
        self.summary.append(line)
        self.out(line)

    # --- offers -----------------------------------------------------------------------------------------------
    def offers(self) -> None:
        started = time.monotonic()
        index = self.section(OfferIndexPage)
        existing = OfferPage.objects.filter(locale=self.locale).count()
        target = self.targets["offers"]
        missing = target - existing
        if missing > 0:
            from home.demo_pictures import demo_image

            categories = {c.slug: c for c in OfferCategory.objects.originals()}
            languages = {lang.code: lang for lang in Language.objects.originals()}
            providers = list(Provider.objects.order_by("pk"))
            holidays = list(HolidayPeriod.objects.originals().filter(end__gte=self.today).order_by("start"))
            # One drawn picture per main category, as in the demo (drawing is slow; looked up once here).
            pictures = {
                slug: demo_image(title=f"Demo: Angebote {slug}", description=text, motif=motif, palette=palette)
                for slug, (motif, palette, text) in CATEGORY_PICTURES.items()
            }
            number = self.next_number(OfferPage)
            pages = []
            for n in range(number, number + missing):
                pages.append(self._offer(n, categories, languages, providers, holidays, pictures))
            self.add_pages(lambda page: index, pages)
        self.report("offers", existing, target, started)

    def _offer(self, n, categories, languages, providers, holidays, pictures) -> OfferPage:
        rng = self.rng
        title, cats, summary, ages, cost, schedule, _provider, langs, barrier_free, _districts = rng.choice(OFFERS)
        district = rng.choice(self.districts)
        full_title = title.format(d=district.name) + rng.choice(QUALIFIERS)
        kind, price, with_pass = cost
        if kind == "preis":
            price = Decimal(price) + Decimal(rng.choice([-10, -5, 0, 0, 5, 10, 20]))
            price = max(price, Decimal("3.00"))
        place = rng.choice(PLACES)
        lat, lon = self.coordinates(district)
        offer = OfferPage(
            title=full_title,
            slug=f"{PREFIX}{n:05d}-{slugify(full_title)}"[:200],
            summary=summary,
            image=pictures.get(cats[0]) if rng.random() < 0.8 else None,
            body=[("paragraph", RichText(f"<p>{summary} Treffpunkt ist {place} {district.name}.</p>"))],
            provider=rng.choice(providers) if providers else None,
            age_min_months=ages[0],
            age_max_months=ages[1],
            district=district,
            venue=f"{place} {district.name}",
            street=f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
            postcode=rng.choice(["45468", "45470", "45472", "45473", "45475", "45476", "45478", "45479", "45481"]),
            city="Mülheim an der Ruhr",
            latitude=lat,
            longitude=lon,
            registration_required=kind == "preis",
            registration_info="Anmeldung per E-Mail oder Telefon beim Anbieter." if kind == "preis" else "",
            places_left=rng.randint(0, 12) if kind == "preis" else None,
            cost_kind=kind,
            price=Decimal(price) if price else None,
            reduced_with_pass=with_pass,
            barrier_free=barrier_free if rng.random() < 0.8 else not barrier_free,
            accessible_toilet=barrier_free and rng.random() < 0.7,
            changing_table=rng.random() < 0.6,
            # Every tenth one unchecked for over half a year: the "stale" marker shows up in lists.
            last_checked=self.today
            - datetime.timedelta(days=rng.randint(190, 400) if n % 10 == 0 else rng.randint(0, 150)),
            external_id=f"{PREFIX}{n:05d}",
            first_published_at=self.published_at(),
        )
        chosen_categories = [*cats, rng.choice(list(categories))] if rng.random() < 0.3 else list(cats)
        offer.categories = [categories[c] for c in dict.fromkeys(chosen_categories) if c in categories]
        chosen = [code for code in langs if code in languages and (code == "de" or rng.random() < 0.7)]
        offer.languages = [languages[code] for code in chosen or ["de"] if code in languages]
        offer.dates = self._offer_dates(schedule, holidays)
        return offer

    def _offer_dates(self, schedule, holidays) -> list[OfferDate]:
        """Mostly running or coming offers; about one in ten already over (the lists must leave those out)."""
        rng, today = self.rng, self.today
        if schedule is None and rng.random() < 0.7:
            return []
        start_time = datetime.time(rng.choice([8, 9, 9, 10, 10, 14, 15, 16, 17, 18]), rng.choice([0, 0, 15, 30]))
        end_time = (
            datetime.datetime.combine(today, start_time)
            + datetime.timedelta(minutes=rng.choice([45, 60, 90, 120, 180]))
        ).time()
        roll = rng.random()
        if roll < 0.1:  # over
            first = today - datetime.timedelta(days=rng.randint(30, 300))
            return [
                OfferDate(
                    start_date=first,
                    end_date=first + datetime.timedelta(days=rng.randint(0, 25)),
                    start_time=start_time,
                    end_time=end_time,
                )
            ]
        if roll < 0.2 and holidays:
            period = rng.choice(holidays)
            return [OfferDate(start_date=period.start, end_date=period.end, start_time=start_time, end_time=end_time)]
        if roll < 0.45:  # a single date in the coming months
            day = today + datetime.timedelta(days=rng.randint(1, 180))
            return [OfferDate(start_date=day, start_time=start_time, end_time=end_time)]
        first = today - datetime.timedelta(days=rng.randint(0, 90))
        dates = [
            OfferDate(
                start_date=first,
                end_date=first + datetime.timedelta(days=rng.randint(60, 330)),
                weekday=rng.randint(0, 5),
                start_time=start_time,
                end_time=end_time,
            )
        ]
        if rng.random() < 0.2:  # twice a week
            dates.append(
                OfferDate(
                    start_date=first,
                    end_date=dates[0].end_date,
                    weekday=(dates[0].weekday + 2) % 6,
                    start_time=start_time,
                    end_time=end_time,
                )
            )
        return dates

    # --- Kitas and childminders -------------------------------------------------------------------------------
    def _hours(self) -> list[OpeningHours]:
        rng = self.rng
        opens = rng.choice([datetime.time(6, 30), datetime.time(7, 0), datetime.time(7, 30), datetime.time(8, 0)])
        closes = rng.choice([datetime.time(14, 0), datetime.time(16, 0), datetime.time(16, 30), datetime.time(17, 0)])
        friday = rng.choice([closes, closes, datetime.time(14, 0)])
        return [OpeningHours(weekday=day, opens=opens, closes=friday if day == 4 else closes) for day in range(5)]

    def daycares(self, kind: str) -> None:
        started = time.monotonic()
        model = KitaPage if kind == "kitas" else ChildminderPage
        index = self.section(KitaIndexPage)
        existing = model.objects.filter(locale=self.locale).count()
        target = self.targets[kind]
        missing = target - existing
        if missing > 0:
            focus = list(KitaFocus.objects.originals().order_by("slug"))
            languages = {lang.code: lang for lang in Language.objects.originals()}
            carriers = list(Provider.objects.filter(kitas__isnull=False).distinct()) or list(Provider.objects.all())
            number = self.next_number(model)
            make = self._kita if model is KitaPage else self._childminder
            pages = [make(n, focus, languages, carriers) for n in range(number, number + missing)]
            self.add_pages(lambda page: index, pages)
            self._free_places(pages)
        self.report(kind, existing, target, started)

    def _daycare_languages(self, languages, others) -> list:
        extra = [code for code in others if code in languages and self.rng.random() < 0.25]
        return [languages["de"], *(languages[code] for code in extra)] if "de" in languages else []

    def _kita(self, n, focus, languages, carriers) -> KitaPage:
        rng = self.rng
        district = rng.choice(self.districts)
        title = f"{rng.choice(KITA_PREFIXES)} {rng.choice(KITA_NAMES)} {district.name}"
        lat, lon = self.coordinates(district)
        kita = KitaPage(
            title=title,
            slug=f"{PREFIX}{n:05d}-{slugify(title)}"[:200],
            carrier=rng.choice(carriers) if carriers else None,
            district=district,
            summary=rng.choice(
                [
                    "Familiennahe Kita mit Außengelände, Eingewöhnung nach dem Berliner Modell.",
                    "Bewegungskita mit Turnhalle und großem Garten; Eingewöhnung nach dem Münchener Modell.",
                    "Zweisprachige Kita (Deutsch/Englisch) nahe der Ruhr, Frühstück und Mittagessen aus eigener Küche.",
                    "Kleine Einrichtung mit drei Gruppen, Schwerpunkt Natur und Wald.",
                ]
            ),
            street=f"{rng.choice(STREETS)} {rng.randint(1, 90)}",
            postcode=rng.choice(["45468", "45470", "45472", "45473", "45475", "45476", "45478", "45479", "45481"]),
            latitude=lat,
            longitude=lon,
            inclusion_places=rng.choice([0, 0, 1, 2, 3, 5]),
            lunch=rng.random() < 0.85,
            phone=f"0208 {rng.randint(300000, 999999)}",
            email=f"{PREFIX}kita{n}@example.org",
            open_days="Samstag im Februar, 10–13 Uhr" if rng.random() < 0.3 else "",
            first_published_at=self.published_at(700),
        )
        kita.capacities = [
            AgeGroupCapacity(group="u3", places=rng.randint(6, 20), min_age_months=rng.choice([4, 12, 24])),
            AgeGroupCapacity(group="ue3", places=rng.randint(20, 75)),
        ]
        kita.opening_hours = self._hours()
        kita.focus = rng.sample(focus, k=min(len(focus), rng.randint(1, 2))) if focus else []
        kita.languages = self._daycare_languages(languages, ["tr", "en", "ar", "ru", "uk"])
        return kita

    def _childminder(self, n, focus, languages, carriers) -> ChildminderPage:
        rng = self.rng
        district = rng.choice(self.districts)
        name = rng.choice(FIRST_NAMES)
        title = f"Kindertagespflege {name} ({district.name})"
        lat, lon = self.coordinates(district, 0.02)
        minder = ChildminderPage(
            title=title,
            slug=f"{PREFIX}{n:05d}-{slugify(title)}"[:200],
            district=district,
            summary="Kleine Gruppe von bis zu fünf Kindern in familiärer Atmosphäre, flexible Zeiten nach Absprache.",
            latitude=lat,
            longitude=lon,
            lunch=rng.random() < 0.9,
            phone=f"0157 {rng.randint(1000000, 9999999)}",
            first_published_at=self.published_at(700),
        )
        minder.capacities = [
            AgeGroupCapacity(group="u3", places=rng.randint(3, 5), min_age_months=rng.choice([4, 6, 12]))
        ]
        minder.opening_hours = self._hours()
        minder.languages = self._daycare_languages(languages, ["pl", "tr", "uk", "en"])
        return minder

    def _free_places(self, pages) -> None:
        """Every other daycare reports free places, some of them weeks ago, as the Redaktion's import would.
        Written in bulk: places_record() would queue a parents' alert job for each report."""
        reports, current = [], []
        for page in pages:
            if self.rng.random() < 0.5:
                continue
            when = self.now - datetime.timedelta(days=self.rng.choice([1, 3, 7, 14, 42, 60]))
            for capacity in page.capacities.all():
                free = self.rng.randint(0, min(capacity.places, 3))
                reports.append(
                    PlaceReport(daycare_id=page.pk, group=capacity.group, free_places=free, reported_at=when)
                )
                current.append(FreePlaces(daycare_id=page.pk, group=capacity.group, free_places=free, reported_at=when))
        with transaction.atomic(), dates_as_given(PlaceReport):
            PlaceReport.objects.bulk_create(reports, batch_size=500)
            FreePlaces.objects.bulk_create(current, batch_size=500, ignore_conflicts=True)

    # --- events -----------------------------------------------------------------------------------------------
    def events(self) -> None:
        started = time.monotonic()
        existing = EventPage.objects.filter(locale=self.locale).count()
        target = self.targets["events"]
        missing = target - existing
        if missing > 0:
            points = list(ContactPointPage.objects.filter(locale=self.locale).live().order_by("path"))
            if not points:
                raise SystemExit("No live Familienpunkt in the German tree: seed the demo city first.")
            number = self.next_number(EventPage)
            pages = [self._event(n, points) for n in range(number, number + missing)]
            self.add_pages(lambda page: page._bench_parent, pages)
        self.report("events", existing, target, started)

    def _event(self, n, points) -> EventPage:
        rng, today = self.rng, self.today
        _slug, title, summary, _weekday, _start, _end, repeat, audience, registration, venue = rng.choice(EVENTS)
        point = rng.choice(points)
        title = title + rng.choice(EVENT_WORDS)
        repeat = rng.choice([repeat, repeat, "", "weekly", "biweekly", "monthly"])
        roll = rng.random()
        if roll < 0.15:  # over: the calendars must skip it
            first = today - datetime.timedelta(days=rng.randint(20, 200))
        elif roll < 0.35:  # a series that started a while ago
            first = today - datetime.timedelta(days=rng.randint(1, 90))
        else:
            first = today + datetime.timedelta(days=rng.randint(0, 150))
        until = None
        if repeat:
            until = first + datetime.timedelta(weeks=rng.randint(4, 40))
            until = min(until, first + datetime.timedelta(days=MAX_SERIES_DAYS))
            if roll < 0.15:
                until = min(until, today - datetime.timedelta(days=1))
        hour = rng.choice([9, 9, 10, 10, 14, 15, 16, 18, 19])
        event = EventPage(
            title=title,
            slug=f"{PREFIX}{n:05d}-{slugify(title)}"[:200],
            summary=summary,
            audience=audience,
            venue=venue,
            start_date=first,
            start_time=datetime.time(hour, rng.choice([0, 30])),
            end_time=datetime.time(hour + rng.choice([1, 2, 3]), rng.choice([0, 30])),
            repeat=repeat,
            repeat_until=until,
            registration=registration,
            registration_info=f"Telefon {point.phone} oder {point.email}" if registration else "",
            capacity=rng.choice([8, 10, 12, 15, 20]) if registration == "erforderlich" else None,
            first_published_at=min(
                self.now,
                timezone.make_aware(datetime.datetime.combine(first, datetime.time(8)))
                - datetime.timedelta(days=rng.randint(3, 40)),
            ),
        )
        if repeat == "weekly" and until and rng.random() < 0.3:
            event.cancellations = [EventCancellation(date=first + datetime.timedelta(weeks=2), note="Team-Fortbildung")]
        event._bench_parent = point
        return event

    # --- wiki -------------------------------------------------------------------------------------------------
    def wiki(self) -> None:
        started = time.monotonic()
        index = self.section(WikiIndexPage)
        users = {u.username: u for u in User.objects.filter(username__in=[*WRITERS, "redaktion"])}
        writers = [users[name] for name in WRITERS if name in users]
        redaktion = users.get("redaktion")
        if not writers:
            raise SystemExit("No demo parents: seed the demo city first.")
        existing = WikiArticlePage.objects.filter(locale=self.locale).count()
        target = self.targets["wiki_articles"]
        missing = target - existing
        if missing > 0:
            categories = {c.slug: c for c in WikiCategory.objects.originals()}
            number = self.next_number(WikiArticlePage)
            pages = [self._article(n, categories, writers) for n in range(number, number + missing)]
            # Articles start without a revision here: their whole history is written below, first one included.
            with transaction.atomic():
                for page in pages:
                    page.live = True
                    page.has_unpublished_changes = False
                    page.last_published_at = page.latest_revision_created_at = page.first_published_at
                    index.add_child(instance=page)
        self.report("wiki articles", existing, target, started)

        started = time.monotonic()
        wiki_ct = ContentType.objects.get_for_model(WikiArticlePage)
        existing = Revision.objects.filter(content_type=wiki_ct).count()
        target = self.targets["wiki_revisions"]
        missing = target - existing
        if missing > 0:
            self._wiki_histories(missing, wiki_ct, writers, redaktion)
        self.report("wiki revisions", existing, target, started)

    def _article(self, n, categories, writers) -> WikiArticlePage:
        rng = self.rng
        topic, category = rng.choice(WIKI_TOPICS)
        district = rng.choice(self.districts)
        title = rng.choice(WIKI_TITLES).format(t=topic, d=district.name)
        paragraphs = [
            f"## {heading}\n" + " ".join(rng.sample(WIKI_SENTENCES, k=3))
            for heading in rng.sample(
                ["Worum geht es?", "Wo?", "Wann?", "Was kostet es?", "Unsere Erfahrungen", "Links"], k=4
            )
        ]
        article = WikiArticlePage(
            title=title,
            slug=f"{PREFIX}{n:05d}-{slugify(title)}"[:200],
            teaser=f"{topic} in {district.name}: was Eltern wissen sollten.",
            body="\n\n".join(paragraphs),
            owner=rng.choice(writers),
            first_published_at=self.published_at(720),
        )
        article.categories = [categories[category]] if category in categories else []
        return article

    def _wiki_histories(self, missing, wiki_ct, writers, redaktion) -> None:
        """Append published edits to articles nobody has an edit waiting for (their drafts must stay on top).

        A few articles get long histories and most get short ones, as in a real wiki. Each edit rewrites the
        closing "Aus der Praxis" section, so the text stays the same size however long the history grows."""
        rng = self.rng
        busy = set(WikiEdit.objects.filter(state=WikiEdit.State.PENDING).values_list("article_id", flat=True))
        busy |= {
            int(pk)
            for pk in TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).values_list(
                "workflow_state__object_id", flat=True
            )
            if str(pk).isdigit()
        }
        articles = list(WikiArticlePage.objects.filter(locale=self.locale).live().exclude(pk__in=busy).order_by("path"))
        if not articles:
            self.out("wiki: no article free for new revisions")
            return
        rng.shuffle(articles)
        weights = [1 / (rank + 1) ** 0.7 for rank in range(len(articles))]
        counts = collections.Counter(rng.choices(range(len(articles)), weights=weights, k=missing))
        for position, article in enumerate(articles):
            if article.live_revision_id is None:  # a new bench article needs its first revision whatever the draw
                counts[position] = max(counts[position], 1)
        marker = "\n\n## Aus der Praxis\n"
        jobs = [(articles[i], c) for i, c in counts.items()]
        for start in range(0, len(jobs), 50):
            with transaction.atomic():
                self._wiki_batch(jobs[start : start + 50], wiki_ct, writers, redaktion, marker)

    def _wiki_batch(self, jobs, wiki_ct, writers, redaktion, marker) -> None:
        rng = self.rng
        revisions, meta, updates, previous = [], [], [], {}
        for article, count in jobs:
            core = article.body.split(marker)[0]
            base = article.serializable_data()
            latest = article.get_latest_revision()
            fresh = latest is None  # a bench article: its first revision is the article itself
            begin = latest.created_at + datetime.timedelta(hours=1) if latest else article.first_published_at
            end = self.now - datetime.timedelta(hours=6)
            moments = spread(min(begin, end - datetime.timedelta(hours=1)), end, count, rng)
            if fresh:
                moments[0] = begin  # the article's creation, which its page already records
            previous[article.pk] = latest
            body = article.body
            for position, when in enumerate(moments):
                if not (fresh and position == 0):
                    body = core + marker + " ".join(rng.sample(WIKI_SENTENCES, k=rng.randint(1, 3)))
                revisions.append(
                    Revision(
                        content_type=wiki_ct,
                        base_content_type=self.page_ct,
                        object_id=str(article.pk),
                        created_at=when,
                        user=rng.choice(writers),
                        object_str=article.title,
                        content={**base, "body": body},
                    )
                )
                new = fresh and position == 0
                meta.append((article, when, "Neuer Artikel" if new else rng.choice(WIKI_SUMMARIES), new))
            updates.append((article, body, moments[-1], moments[0] if fresh else None))
        revisions = Revision.objects.bulk_create(revisions, batch_size=500)
        edits, logs = [], []
        for revision, (article, when, summary, new) in zip(revisions, meta, strict=True):
            decided = min(when + datetime.timedelta(hours=rng.randint(1, 30)), self.now)
            edits.append(
                WikiEdit(
                    article_id=article.pk,
                    revision=revision,
                    base_revision=previous[article.pk],
                    author=revision.user,
                    summary=summary,
                    new_article=new,
                    state=WikiEdit.State.PUBLISHED,
                    created_at=when,
                    decided_at=decided,
                    decided_by=redaktion,
                )
            )
            # The public history lists exactly the revisions with a publish entry (wiki selectors).
            logs.append(
                PageLogEntry(
                    content_type=revision.content_type,
                    label=article.title,
                    action="wagtail.publish",
                    data={},
                    timestamp=decided,
                    user=redaktion,
                    revision=revision,
                    page_id=article.pk,
                    content_changed=True,
                )
            )
            previous[article.pk] = revision
        WikiEdit.objects.bulk_create(edits, batch_size=500)
        PageLogEntry.objects.bulk_create(logs, batch_size=500)
        last_revision = {}
        for revision in revisions:
            last_revision[int(revision.object_id)] = revision
        for article, body, last, first in updates:
            fields = {
                "body": body,
                "latest_revision": last_revision[article.pk],
                "live_revision": last_revision[article.pk],
                "latest_revision_created_at": last,
                "last_published_at": last,
            }
            if first is not None:
                fields["first_published_at"] = first
            WikiArticlePage.objects.filter(pk=article.pk).update(**fields)

    # --- forum ------------------------------------------------------------------------------------------------
    def forum(self) -> None:
        started = time.monotonic()
        existing = Post.objects.count()
        target = self.targets["forum_posts"]
        missing = target - existing
        topics_made = 0
        if missing > 0:
            forums = list(Forum.objects.filter(type=Forum.FORUM_POST).order_by("pk"))
            writers = list(User.objects.filter(username__in=WRITERS))
            if not forums or not writers:
                raise SystemExit("No forums or demo parents: seed the demo city first.")
            topics_made = self._forum_posts(missing, forums, writers)
        self.report("forum posts", existing, target, started, f", {topics_made} new topics")

    def _forum_posts(self, missing, forums, writers) -> int:
        from machina.models.fields import render_func

        rng = self.rng
        # A pool of texts rendered once: machina renders Markdown in a pre_save signal that bulk_create skips.
        pool = [" ".join(rng.sample(FORUM_SENTENCES, k=rng.randint(1, 4))) for _ in range(300)]
        rendered = {text: render_func(text) for text in pool}
        forum_weights = [rng.uniform(0.5, 3) for _ in forums]
        lengths = []
        left = missing
        while left > 0:
            # Most conversations are short, a few run long (mean about 12 posts).
            length = min(left, max(1, int(rng.paretovariate(1.6) * 4)), 300)
            lengths.append(length)
            left -= length
        number = Topic.objects.filter(slug__startswith=PREFIX).count() + 1
        made = 0
        with dates_as_given(Topic, Post):
            for start in range(0, len(lengths), 300):
                with transaction.atomic():
                    made += self._forum_batch(
                        lengths[start : start + 300], number + start, forums, forum_weights, writers, pool, rendered
                    )
        with transaction.atomic():
            for forum in forums:
                forum.refresh_from_db()
                forum.update_trackers()
            for user in writers:
                # machina counts a member's posts on every save; bulk writing has to do it once.
                profile, _created = ForumProfile.objects.get_or_create(user=user)
                profile.posts_count = Post.approved_objects.filter(poster=user).count()
                profile.save(update_fields=["posts_count"])
        return made

    def _forum_batch(self, lengths, number, forums, forum_weights, writers, pool, rendered) -> int:
        rng = self.rng
        topics, plans = [], []
        for offset, length in enumerate(lengths):
            theme = rng.choice(FORUM_THEMES)
            subject = rng.choice(FORUM_SUBJECTS).format(t=theme, d=rng.choice(self.districts).name)
            opened = self.now - datetime.timedelta(days=rng.uniform(1, 720))
            gap_hours = rng.uniform(0.5, 30)
            moments = [
                min(opened + datetime.timedelta(hours=gap_hours * i * rng.uniform(0.5, 1.5)), self.now)
                for i in range(length)
            ]
            moments.sort()
            posters = [rng.choice(writers) for _ in range(length)]
            topics.append(
                Topic(
                    forum=rng.choices(forums, weights=forum_weights)[0],
                    poster=posters[0],
                    subject=subject,
                    slug=f"{PREFIX}{number + offset}-{slugify(subject, allow_unicode=True)}"[:255],
                    type=Topic.TOPIC_POST,
                    status=Topic.TOPIC_UNLOCKED,
                    approved=True,
                    posts_count=length,
                    created=moments[0],
                    updated=moments[-1],
                    last_post_on=moments[-1],
                )
            )
            plans.append((subject, moments, posters))
        topics = Topic.objects.bulk_create(topics, batch_size=500)
        posts = []
        for topic, (subject, moments, posters) in zip(topics, plans, strict=True):
            for position, (when, poster) in enumerate(zip(moments, posters, strict=True)):
                text = rng.choice(pool)
                post = Post(
                    topic=topic,
                    poster=poster,
                    subject=subject if position == 0 else f"Re: {subject}",
                    content=text,
                    approved=True,
                    created=when,
                    updated=when,
                )
                post._content_rendered = rendered[text]
                posts.append(post)
        posts = Post.objects.bulk_create(posts, batch_size=500)
        # What the portal's post_saved() adds to every new post: its moderation row, language, the writer's follow.
        PostModeration.objects.bulk_create([PostModeration(post=p, waited=False) for p in posts], batch_size=500)
        PostLanguage.objects.bulk_create([PostLanguage(post=p, language="de") for p in posts], batch_size=500)
        through = Topic.subscribers.through
        follows = {(p.topic_id, p.poster_id) for p in posts}
        through.objects.bulk_create(
            [through(topic_id=t, user_id=u) for t, u in follows], batch_size=500, ignore_conflicts=True
        )
        by_topic = collections.defaultdict(list)
        for post in posts:
            by_topic[post.topic_id].append(post)
        for topic in topics:
            own = by_topic[topic.pk]
            topic.first_post, topic.last_post = own[0], own[-1]
        Topic.objects.bulk_update(topics, ["first_post", "last_post"], batch_size=500)
        return len(topics)

    # --- all --------------------------------------------------------------------------------------------------
    def run(self, kinds: list[str], *, index: bool) -> None:
        self.out(f"Scaling the demo city to factor {self.factor:g}:")
        with search_updates_muted(), wagtail_indexes_deferred() as saved:
            if "offers" in kinds:
                self.offers()
            for kind in ("kitas", "childminders"):
                if kind in kinds:
                    self.daycares(kind)
            if "events" in kinds:
                self.events()
            if "wiki_articles" in kinds or "wiki_revisions" in kinds:
                self.wiki()
            if "forum_posts" in kinds:
                self.forum()
        if index:
            started = time.monotonic()
            result = index_rebuild()
            self.out(
                f"{'portal search':<16} {result['documents']:>7} documents ({result['engine']}, "
                f"{time.monotonic() - started:.1f} s)"
            )
            started = time.monotonic()
            wagtail_indexes_rebuild(saved)
            self.out(f"{'admin search':<16} rebuilt ({time.monotonic() - started:.1f} s)")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=float, required=True, help="1 = about the demo city, 10, 100 …")
    parser.add_argument("--only", help=f"comma-separated kinds (default: all): {','.join(KINDS)}")
    parser.add_argument("--seed", type=int, default=20, help="random seed (default 20)")
    parser.add_argument("--no-index", action="store_true", help="skip the search index rebuilds at the end")
    args = parser.parse_args(argv)
    kinds = KINDS if not args.only else [kind.strip() for kind in args.only.split(",") if kind.strip()]
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        parser.error(f"unknown kinds: {', '.join(unknown)}")
    if args.factor <= 0:
        parser.error("--factor must be positive")
    # Wagtail logs every created page at INFO: thousands of lines that only slow the run down.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    started = time.monotonic()
    Scaler(factor=args.factor, seed=args.seed).run(kinds, index=not args.no_index)
    print(f"done in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
