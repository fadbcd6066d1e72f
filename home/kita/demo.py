"""The demo city's Kitas (40+) and childminders (20+) with opening hours, places and reports."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from community.accounts.models import User
from home.demo import ensure_section
from home.directory.models import Language, Provider
from home.kita.models import (
    AgeGroupCapacity,
    ChildminderPage,
    FreePlaces,
    KitaFocus,
    KitaIndexPage,
    KitaPage,
    OpeningHours,
    PlaceReport,
    StaffAssignment,
)
from home.kita.services import places_record, places_report
from home.models import District

CARRIERS = [
    ("Stadt Mülheim an der Ruhr – Kitas", "staedtisch"),
    ("AWO Kindertagesstätten Mülheim", "freier-traeger"),
    ("Caritas-Kitas Mülheim", "kirche"),
    ("Diakonie Kitas an der Ruhr", "kirche"),
    ("Elterninitiative Kinderhaus e. V.", "verein"),
    ("Kita gGmbH Ruhrkinder", "privat"),
]
KITA_NAMES = [
    "Sonnenblume",
    "Regenbogen",
    "Pusteblume",
    "Schatzkiste",
    "Kunterbunt",
    "Wirbelwind",
    "Löwenzahn",
    "Sternschnuppe",
    "Arche Noah",
    "Ruhrpiraten",
    "Spatzennest",
    "Villa Kunterbunt",
    "Zauberwald",
    "Glückskäfer",
    "Purzelbaum",
    "Rasselbande",
    "Kleine Strolche",
    "Schneckenhaus",
    "Entdeckerland",
    "Kinderinsel",
    "Mäuseburg",
    "Weltenbummler",
    "Blauer Elefant",
    "Seepferdchen",
    "Zwergenland",
]
FIRST_NAMES = [
    "Anja",
    "Birgit",
    "Claudia",
    "Derya",
    "Elena",
    "Fatma",
    "Gabi",
    "Heike",
    "Irina",
    "Jasmin",
    "Katrin",
    "Lena",
    "Maria",
    "Nadine",
    "Olga",
    "Petra",
    "Ramona",
    "Sabine",
    "Tanja",
    "Ute",
    "Vera",
    "Markus",
]
STREETS = [
    "Kirchstraße",
    "Schulstraße",
    "Lindenweg",
    "Am Park",
    "Blumenstraße",
    "Ruhrstraße",
    "Waldweg",
    "Gartenstraße",
]
DEMO_STAFF = ("kita", "Kita Sonnenblume Styrum")


def ensure_index(home: Page) -> KitaIndexPage:
    """The search at /kita/ replaces the editorial page of an older demo city."""
    return ensure_section(
        home,
        KitaIndexPage(
            title="Kita & Tagespflege",
            slug="kita",
            show_in_menus=True,
            intro="<p>Kitas und Tagesmütter und -väter in Mülheim: wer passt zum Alter Ihres Kindes, zu Ihren Arbeitszeiten – und wo ist ein Platz frei?</p>",
            application_note="<p>Kinder haben ab dem ersten Geburtstag einen Rechtsanspruch auf einen Betreuungsplatz. Angemeldet wird offiziell beim Jugendamt der Stadt; die Angaben hier dienen der Orientierung.</p>",
        ),
        after="offers.OfferIndexPage",
    )


def _hours(number: int) -> list[OpeningHours]:
    opens = [datetime.time(7, 0), datetime.time(7, 30), datetime.time(8, 0)][number % 3]
    closes = [datetime.time(16, 30), datetime.time(17, 0), datetime.time(14, 0), datetime.time(16, 0)][number % 4]
    return [
        OpeningHours(
            weekday=day, opens=opens, closes=closes if day < 4 else datetime.time(14, 0) if number % 5 == 0 else closes
        )
        for day in range(5)
    ]


def seed() -> list[str]:
    site = Site.objects.get(is_default_site=True)
    index = ensure_index(site.root_page)
    districts = list(District.objects.order_by("slug"))
    focus = list(KitaFocus.objects.originals().order_by("slug"))
    languages = {lang.code: lang for lang in Language.objects.originals()}
    carriers = [
        Provider.objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "kind": kind, "email": f"{slugify(name)}@example.org"}
        )[0]
        for name, kind in CARRIERS
    ]
    existing = set(index.get_children().values_list("slug", flat=True))
    created = 0
    for number in range(42):
        district = districts[number % len(districts)]
        title = f"Kita {KITA_NAMES[number % len(KITA_NAMES)]} {district.name}"
        slug = slugify(title.replace("ß", "ss").replace("ü", "ue").replace("ö", "oe").replace("ä", "ae"))
        if slug in existing:
            continue
        offset = Decimal((number % 7) - 3) / Decimal(500)
        kita = KitaPage(
            title=title,
            slug=slug,
            carrier=carriers[number % len(carriers)],
            district=district,
            summary="Familiennahe Kita mit Außengelände, Eingewöhnung nach dem Berliner Modell.",
            street=f"{STREETS[number % len(STREETS)]} {number + 3}",
            postcode="45468",
            latitude=district.latitude + offset,
            longitude=district.longitude + offset,
            inclusion_places=number % 4,
            lunch=number % 6 != 0,
            phone=f"0208 {455000 + number}",
            email=f"kita{number}@example.org",
            open_days="Samstag im Februar, 10–13 Uhr" if number % 3 == 0 else "",
        )
        kita.capacities = [
            AgeGroupCapacity(group="u3", places=10 + number % 6, min_age_months=[4, 12, 24][number % 3]),
            AgeGroupCapacity(group="ue3", places=30 + number % 20),
        ]
        kita.opening_hours = _hours(number)
        kita.focus = [focus[number % len(focus)]] + ([focus[(number + 3) % len(focus)]] if number % 2 else [])
        kita.languages = [languages["de"]] + ([languages[["tr", "en", "ar", "ru"][number % 4]]] if number % 3 else [])
        index.add_child(instance=kita)
        kita.save_revision().publish()
        created += 1
    for number in range(22):
        district = districts[(number * 5) % len(districts)]
        name = FIRST_NAMES[number % len(FIRST_NAMES)]
        title = f"Kindertagespflege {name} ({district.name})"
        slug = slugify(f"tagespflege-{name}-{district.slug}")
        if slug in existing:
            continue
        minder = ChildminderPage(
            title=title,
            slug=slug,
            district=district,
            summary="Kleine Gruppe von bis zu fünf Kindern in familiärer Atmosphäre, flexible Zeiten nach Absprache.",
            latitude=district.latitude + Decimal((number % 5) - 2) / Decimal(300),
            longitude=district.longitude - Decimal((number % 5) - 2) / Decimal(300),
            lunch=True,
            phone=f"0157 {3000000 + number}",
        )
        minder.capacities = [AgeGroupCapacity(group="u3", places=5, min_age_months=[4, 6, 12][number % 3])]
        minder.opening_hours = _hours(number + 1)
        minder.languages = [languages["de"]] + ([languages[["pl", "tr", "uk"][number % 3]]] if number % 2 else [])
        index.add_child(instance=minder)
        minder.save_revision().publish()
        created += 1
    staff = User.objects.filter(username=DEMO_STAFF[0]).first()
    first_kita = KitaPage.objects.child_of(index).order_by("pk").first()
    if staff and first_kita and not first_kita.staff.filter(user=staff).exists():
        first_kita.staff.add(StaffAssignment(user=staff))
        first_kita.save_revision().publish()
        places_report(daycare=first_kita, user=staff, free_by_group={"u3": 2, "ue3": 0})
    if not FreePlaces.objects.exclude(daycare=first_kita).exists():
        # Reports as the Redaktion would enter them from the city's list; every third one some weeks old.
        for number, daycare in enumerate(index.get_children().specific().order_by("pk")[1:]):
            if number % 2 == 0:
                groups = {
                    c.group: (number // 2) % 3 if c.group == "u3" else number % 4 for c in daycare.capacities.all()
                }
                places_record(daycare=daycare, reported_by=None, free_by_group=groups)
                if number % 3 == 0:
                    weeks_ago = timezone.now() - datetime.timedelta(weeks=6)
                    PlaceReport.objects.filter(daycare=daycare).update(reported_at=weeks_ago)
                    FreePlaces.objects.filter(daycare=daycare).update(reported_at=weeks_ago)
    return [f"Kitas: {KitaPage.objects.count()}, Kindertagespflege: {ChildminderPage.objects.count()} ({created} neu)"]
