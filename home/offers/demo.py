"""The demo city's offer directory: organizations and 80+ offers across every category and district."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from community.accounts.models import User
from home.directory.models import Language, Provider
from home.models import District
from home.offers.models import HolidayPeriod, OfferCategory, OfferDate, OfferIndexPage, OfferPage

# name, kind, e-mail local part
PROVIDERS = [
    ("Stadt Mülheim an der Ruhr – Familienbüro", "staedtisch", "familienbuero"),
    ("Familienbildungsstätte an der Ruhr", "kirche", "fbs"),
    ("Kinder- und Jugendhilfe Mülheim e. V.", "freier-traeger", "kjh"),
    ("Sportverein Ruhraue 1920 e. V.", "verein", "sv-ruhraue"),
    ("Turnverein Heißen e. V.", "verein", "tv-heissen"),
    ("Katholisches Familienzentrum St. Mariae", "kirche", "st-mariae"),
    ("Musikschule Mülheim", "staedtisch", "musikschule"),
    ("Stadtbibliothek Mülheim", "staedtisch", "bibliothek"),
    ("Beratungsstelle für Eltern, Kinder und Jugendliche", "freier-traeger", "beratung"),
    ("Hebammenpraxis Lebensanfang", "privat", "hebammen"),
    ("Kreativwerkstatt Kunterbunt", "privat", "kunterbunt"),
]
DEMO_PROVIDER_ACCOUNT = ("anbieter", "Familienbildungsstätte an der Ruhr")

# title pattern, categories, summary, (min, max) age in months, cost (kind, price, pass), schedule, provider index,
# languages, barrier-free, districts. Schedules: ("weekly", weekday, "HH:MM", "HH:MM") or ("holiday", period name,
# "HH:MM", "HH:MM") or ("once", days from today, "HH:MM", "HH:MM") or ("range", days from today, length) or None.
OFFERS = [
    (
        "Babytreff {d}",
        ["babys-kleinkinder"],
        "Offener Treff für Eltern mit Babys bis zwölf Monate: spielen, austauschen, Fragen an eine Familienhebamme.",
        (0, 12),
        ("kostenlos", None, False),
        ("weekly", 1, "09:30", "11:00"),
        0,
        ["de", "tr", "ar"],
        True,
        ["styrum", "saarn", "heissen"],
    ),
    (
        "Krabbelgruppe {d}",
        ["babys-kleinkinder"],
        "Spielgruppe für Kinder von einem bis drei Jahren mit ihren Eltern, angeleitet von einer Erzieherin.",
        (12, 36),
        ("preis", "24.00", True),
        ("weekly", 3, "10:00", "11:30"),
        1,
        ["de"],
        True,
        ["broich", "duempten", "altstadt-1"],
    ),
    (
        "PEKiP-Kurs {d}",
        ["babys-kleinkinder", "bildung"],
        "Prager Eltern-Kind-Programm: Bewegung und Sinneserfahrungen im ersten Lebensjahr, zehn Termine.",
        (1, 12),
        ("preis", "89.00", True),
        ("weekly", 2, "09:00", "10:30"),
        1,
        ["de"],
        False,
        ["saarn", "holthausen", "speldorf"],
    ),
    (
        "Babyschwimmen {d}",
        ["babys-kleinkinder", "sport"],
        "Wassergewöhnung für Babys ab vier Monaten mit Mama oder Papa im warmen Lehrschwimmbecken.",
        (4, 18),
        ("preis", "65.00", True),
        ("weekly", 5, "10:00", "10:45"),
        3,
        ["de", "en"],
        True,
        ["saarn", "styrum", "heissen"],
    ),
    (
        "Kinderturnen {d}",
        ["sport"],
        "Turnen, Klettern und Balancieren für Kinder von drei bis sechs Jahren in der Sporthalle.",
        (36, 83),
        ("preis", "30.00", True),
        ("weekly", 1, "16:00", "17:00"),
        4,
        ["de"],
        True,
        ["heissen", "winkhausen", "fulerum"],
    ),
    (
        "Fußball-Minis {d}",
        ["sport"],
        "Erstes Fußballtraining für Kinder von vier bis sieben Jahren, ohne Leistungsdruck.",
        (48, 95),
        ("preis", "12.00", True),
        ("weekly", 4, "16:30", "17:30"),
        3,
        ["de", "tr"],
        False,
        ["speldorf", "styrum", "duempten"],
    ),
    (
        "Ferienbetreuung Herbst {d}",
        ["ferienbetreuung"],
        "Spiel, Basteln und Ausflüge in den Herbstferien für Grundschulkinder, mit Mittagessen.",
        (72, 131),
        ("kostenlos", None, False),
        ("holiday", "Herbstferien 2027", "08:00", "16:00"),
        0,
        ["de", "tr", "uk"],
        True,
        ["saarn", "styrum", "eppinghofen"],
    ),
    (
        "Ferienspiele Sommer {d}",
        ["ferienbetreuung", "freizeit"],
        "Drei Wochen Ferienspiele mit Ausflügen an die Ruhr, Sport und Theater für Kinder von 6 bis 12.",
        (72, 155),
        ("preis", "45.00", True),
        ("holiday", "Sommerferien 2027", "08:30", "15:30"),
        2,
        ["de"],
        True,
        ["broich", "heissen", "duempten"],
    ),
    (
        "Osterferien-Werkstatt {d}",
        ["ferienbetreuung", "kultur"],
        "Malen, Töpfern und Drucken in den Osterferien: eine Woche Kunst für Kinder ab sechs.",
        (72, 143),
        ("preis", "35.00", True),
        ("holiday", "Osterferien 2027", "09:00", "13:00"),
        10,
        ["de", "en"],
        False,
        ["altstadt-2", "saarn", "speldorf"],
    ),
    (
        "Weihnachtsferien-Betreuung {d}",
        ["ferienbetreuung"],
        "Verlässliche Betreuung zwischen den Jahren für Kinder berufstätiger Eltern, sechs bis zwölf Jahre.",
        (72, 143),
        ("kostenlos", None, False),
        ("holiday", "Weihnachtsferien 2026/27", "07:30", "16:30"),
        0,
        ["de", "ar", "ru"],
        True,
        ["styrum", "holthausen", "winkhausen"],
    ),
    (
        "Vorlesestunde {d}",
        ["kultur", "bildung"],
        "Bilderbuchkino und Vorlesen für Kinder von drei bis sechs Jahren, ohne Anmeldung.",
        (36, 83),
        ("kostenlos", None, False),
        ("weekly", 2, "15:30", "16:15"),
        7,
        ["de", "tr", "uk"],
        True,
        ["altstadt-1", "duempten", "saarn"],
    ),
    (
        "Musikgarten {d}",
        ["kultur", "babys-kleinkinder"],
        "Singen, Tanzen und erste Instrumente für Kinder von 18 Monaten bis drei Jahren mit einem Elternteil.",
        (18, 36),
        ("preis", "54.00", True),
        ("weekly", 0, "10:00", "10:45"),
        6,
        ["de"],
        True,
        ["altstadt-2", "broich", "heissen"],
    ),
    (
        "Kindertheater im Stadtteil {d}",
        ["kultur", "freizeit"],
        "Mitmach-Theater für Kinder ab vier Jahren und ihre Familien.",
        (48, None),
        ("preis", "5.00", True),
        ("once", 10, "15:00", "16:00"),
        10,
        ["de"],
        True,
        ["styrum", "saarn", "menden-holthausen"],
    ),
    (
        "Erziehungsberatung {d}",
        ["beratung"],
        "Vertrauliche Beratung bei Fragen zu Erziehung, Trennung und Familienkonflikten, auf Wunsch mit Dolmetscherin.",
        (None, None),
        ("kostenlos", None, False),
        ("weekly", 3, "14:00", "18:00"),
        8,
        ["de", "tr", "ar", "ru"],
        True,
        ["altstadt-1", "styrum", "heissen"],
    ),
    (
        "Schwangerschaftsberatung {d}",
        ["beratung", "gesundheit"],
        "Beratung rund um Schwangerschaft, Elterngeld und Hilfen nach der Geburt.",
        (None, 0),
        ("kostenlos", None, False),
        None,
        5,
        ["de", "en", "ar"],
        True,
        ["eppinghofen", "saarn", "broich"],
    ),
    (
        "Rückbildungsgymnastik {d}",
        ["gesundheit", "sport"],
        "Kurs für Mütter sechs bis zwölf Wochen nach der Geburt; Babys dürfen mitkommen.",
        (0, 6),
        ("preis", "55.00", False),
        ("weekly", 2, "18:00", "19:00"),
        9,
        ["de"],
        False,
        ["saarn", "heissen", "speldorf"],
    ),
    (
        "Erste Hilfe am Kind {d}",
        ["gesundheit", "bildung"],
        "Eintägiger Kurs für Eltern und Großeltern: Notfälle bei Babys und Kleinkindern erkennen und handeln.",
        (None, None),
        ("preis", "40.00", True),
        ("once", 21, "09:00", "16:00"),
        2,
        ["de"],
        True,
        ["altstadt-2", "holthausen", "styrum"],
    ),
    (
        "Elternkurs „Starke Eltern – Starke Kinder“ {d}",
        ["bildung", "beratung"],
        "Acht Abende über Erziehung ohne Gewalt, Grenzen setzen und gute Gespräche.",
        (None, None),
        ("preis", "20.00", True),
        ("weekly", 1, "19:00", "21:00"),
        2,
        ["de", "tr"],
        True,
        ["duempten", "fulerum", "saarn"],
    ),
    (
        "Hausaufgabenhilfe {d}",
        ["bildung"],
        "Ehrenamtliche helfen Grundschulkindern bei Hausaufgaben und beim Lesen.",
        (72, 131),
        ("kostenlos", None, False),
        ("weekly", 0, "14:30", "16:00"),
        2,
        ["de", "ar", "uk"],
        True,
        ["eppinghofen", "styrum", "winkhausen"],
    ),
    (
        "Waldspielgruppe {d}",
        ["freizeit", "babys-kleinkinder"],
        "Bei jedem Wetter draußen: Spielgruppe im Wald für Kinder von zwei bis vier Jahren.",
        (24, 48),
        ("preis", "15.00", False),
        ("weekly", 4, "09:30", "11:30"),
        5,
        ["de"],
        False,
        ["selbeck", "mintard", "raadt"],
    ),
    (
        "Familienwanderung {d}",
        ["freizeit"],
        "Geführte Wanderung mit Kinderwagen-tauglicher Strecke und Picknick.",
        (None, None),
        ("kostenlos", None, False),
        ("once", 17, "11:00", "14:00"),
        0,
        ["de"],
        False,
        ["mintard", "selbeck", "raadt"],
    ),
    (
        "Kinderflohmarkt {d}",
        ["freizeit"],
        "Kleidung, Spielzeug und Bücher von Familien für Familien; Standanmeldung erbeten.",
        (None, None),
        ("kostenlos", None, False),
        ("once", 24, "10:00", "13:00"),
        5,
        ["de"],
        True,
        ["broich", "duempten", "menden-holthausen"],
    ),
    (
        "Familiencafé {d}",
        ["freizeit", "beratung"],
        "Kaffee, Kuchen und Kontakte: offener Treff für Familien aus dem Stadtteil.",
        (None, None),
        ("spende", None, False),
        ("weekly", 4, "15:00", "17:30"),
        0,
        ["de", "tr", "ar", "uk"],
        True,
        ["styrum", "eppinghofen", "heissen"],
    ),
    (
        "Kinderyoga {d}",
        ["sport", "gesundheit"],
        "Spielerisches Yoga für Kinder von vier bis acht Jahren.",
        (48, 107),
        ("preis", "42.00", True),
        ("weekly", 3, "16:00", "16:45"),
        10,
        ["de", "en"],
        True,
        ["saarn", "altstadt-2", "speldorf"],
    ),
    (
        "Schwimmkurs Seepferdchen {d}",
        ["sport"],
        "Schwimmen lernen bis zum Seepferdchen in zehn Stunden, für Kinder ab fünf Jahren.",
        (60, 107),
        ("preis", "80.00", True),
        ("weekly", 5, "09:00", "09:45"),
        3,
        ["de"],
        True,
        ["styrum", "saarn", "heissen"],
    ),
    (
        "Sprachcafé für Eltern {d}",
        ["bildung"],
        "Deutsch sprechen im Alltag: Eltern üben gemeinsam, Kinderbetreuung inklusive.",
        (None, None),
        ("kostenlos", None, False),
        ("weekly", 2, "09:00", "10:30"),
        2,
        ["de", "ar", "uk", "ru", "fa"],
        True,
        ["eppinghofen", "styrum", "altstadt-1"],
    ),
    (
        "Väter-Kind-Samstag {d}",
        ["freizeit"],
        "Einmal im Monat: Papas und Kinder bauen, spielen und kochen zusammen.",
        (36, 119),
        ("kostenlos", None, False),
        ("once", 31, "10:00", "13:00"),
        1,
        ["de", "tr"],
        True,
        ["heissen", "duempten", "broich"],
    ),
    (
        "Babymassage {d}",
        ["babys-kleinkinder", "gesundheit"],
        "Fünf Termine Babymassage für Eltern mit Babys von sechs Wochen bis sechs Monaten.",
        (1, 6),
        ("preis", "49.00", True),
        ("weekly", 0, "11:00", "12:00"),
        9,
        ["de", "en"],
        True,
        ["saarn", "altstadt-2", "winkhausen"],
    ),
]
# A placeholder slug above that maps to Dümpten (kept readable in the table).
_DISTRICT_ALIASES = {"duempten": "duempten"}


def _dates(schedule, today: datetime.date) -> list[OfferDate]:
    if schedule is None:
        return []
    kind = schedule[0]
    if kind == "weekly":
        _kind, weekday, start, end = schedule
        return [
            OfferDate(
                start_date=today - datetime.timedelta(days=30),
                end_date=today + datetime.timedelta(days=200),
                weekday=weekday,
                start_time=datetime.time.fromisoformat(start),
                end_time=datetime.time.fromisoformat(end),
            )
        ]
    if kind == "holiday":
        _kind, name, start, end = schedule
        period = HolidayPeriod.objects.originals().get(name=name)
        return [
            OfferDate(
                start_date=period.start,
                end_date=period.end,
                start_time=datetime.time.fromisoformat(start),
                end_time=datetime.time.fromisoformat(end),
            )
        ]
    _kind, offset, start, end = schedule
    return [
        OfferDate(
            start_date=today + datetime.timedelta(days=offset),
            start_time=datetime.time.fromisoformat(start),
            end_time=datetime.time.fromisoformat(end),
        )
    ]


def ensure_index(home: Page) -> OfferIndexPage:
    """The offer list at /angebote/; an editorial page of the same slug from an older demo city gives way to it."""
    index = OfferIndexPage.objects.child_of(home).first()
    if index:
        return index
    old = home.get_children().filter(slug="angebote").first()
    if old is not None:
        old.delete()
    index = OfferIndexPage(
        title="Angebote",
        slug="angebote",
        show_in_menus=True,
        intro="Ferienbetreuung, Babykurse, Sport, Kultur und Beratung für Familien in Mülheim – gepflegt von den Anbietern, geprüft von der Redaktion.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    first = home.get_first_child()
    if first.pk != index.pk:
        index.move(first, pos="left")  # the offers lead the main navigation
    return OfferIndexPage.objects.get(pk=index.pk)


def seed_providers() -> dict[str, Provider]:
    providers = {}
    for name, kind, mail in PROVIDERS:
        providers[name], _created = Provider.objects.get_or_create(
            name=name,
            defaults={
                "slug": slugify(name)[:200],
                "kind": kind,
                "email": f"{mail}@example.org",
                "phone": "0208 000000",
            },
        )
    account = User.objects.filter(username=DEMO_PROVIDER_ACCOUNT[0]).first()
    if account:
        providers[DEMO_PROVIDER_ACCOUNT[1]].maintainers.add(account)
    return providers


# The picture each main category's offers get: (motif, palette, what it shows). Its description is the alt text.
CATEGORY_PICTURES = {
    "babys-kleinkinder": ("baby", "violet", "Gezeichnet: eine Mutter mit Kinderwagen auf einer Wiese"),
    "freizeit": ("familie", "green", "Gezeichnet: eine Familie spaziert zwischen Bäumen"),
    "sport": ("sport", "sky", "Gezeichnet: ein Wasserball über Wellen"),
    "ferienbetreuung": ("natur", "sun", "Gezeichnet: Bäume unter der Sommersonne"),
    "kultur": ("musik", "violet", "Gezeichnet: drei bunte Musiknoten"),
    "bildung": ("wissen", "green", "Gezeichnet: ein aufgeschlagenes Buch"),
    "beratung": ("haus", "teal", "Gezeichnet: ein Beratungshaus mit Herz am Giebel, davor eine Familie"),
    "gesundheit": ("familie", "teal", "Gezeichnet: eine Familie im Park"),
}


def _category_picture(slug: str):
    from home.demo_pictures import demo_image

    motif, palette, description = CATEGORY_PICTURES.get(slug, CATEGORY_PICTURES["freizeit"])
    return demo_image(title=f"Demo: Angebote {slug}", description=description, motif=motif, palette=palette)


def seed_offers(*, index: OfferIndexPage, providers: dict[str, Provider]) -> int:
    today = timezone.localdate()
    categories = {c.slug: c for c in OfferCategory.objects.originals()}
    languages = {lang.code: lang for lang in Language.objects.originals()}
    districts = {d.slug: d for d in District.objects.all()}
    provider_list = [providers[name] for name, _kind, _mail in PROVIDERS]
    existing = set(OfferPage.objects.child_of(index).values_list("external_id", flat=True))
    created = 0
    for number, (
        title,
        cats,
        summary,
        ages,
        cost,
        schedule,
        provider,
        langs,
        barrier_free,
        district_slugs,
    ) in enumerate(OFFERS):
        for slot, slug in enumerate(district_slugs):
            district = districts[slug]
            external_id = f"demo-{number:02d}-{district.slug}"
            if external_id in existing:
                continue
            kind, price, with_pass = cost
            offset = Decimal(((number * 7 + slot * 3) % 11) - 5) / Decimal(1000)
            offer = OfferPage(
                title=title.format(d=district.name),
                summary=summary,
                # The alt text is the image's description (image_alt stays empty: nothing to translate per offer).
                image=_category_picture(cats[0]),
                body=[
                    (
                        "paragraph",
                        RichText(
                            f"<p>{summary} Treffpunkt ist {'das Familienzentrum' if slot % 2 else 'der Gemeindesaal'} in {district.name}.</p>"
                        ),
                    )
                ],
                provider=provider_list[provider],
                age_min_months=ages[0],
                age_max_months=ages[1],
                district=district,
                venue=f"{'Familienzentrum' if slot % 2 else 'Gemeindezentrum'} {district.name}",
                street=f"{['Kirchstraße', 'Schulstraße', 'Am Markt', 'Parkweg'][number % 4]} {number % 30 + 1}",
                postcode="45468",
                city="Mülheim an der Ruhr",
                latitude=district.latitude + offset,
                longitude=district.longitude - offset,
                registration_required=kind == "preis",
                registration_info="Anmeldung per E-Mail oder Telefon beim Anbieter." if kind == "preis" else "",
                places_left=(number + slot) % 9 if kind == "preis" else None,
                cost_kind=kind,
                price=Decimal(price) if price else None,
                reduced_with_pass=with_pass,
                barrier_free=barrier_free,
                accessible_toilet=barrier_free and slot != 2,
                changing_table=slot != 1,
                last_checked=today - datetime.timedelta(days=200 if (number + slot) % 13 == 0 else (number * 5) % 90),
                external_id=external_id,
            )
            offer.categories = [categories[c] for c in cats]
            offer.languages = [languages[code] for code in langs]
            offer.dates = _dates(schedule, today)
            index.add_child(instance=offer)
            offer.save_revision().publish()
            created += 1
    return created


def seed() -> list[str]:
    site = Site.objects.get(is_default_site=True)
    index = ensure_index(site.root_page)
    providers = seed_providers()
    created = seed_offers(index=index, providers=providers)
    total = OfferPage.objects.live().count()
    return [f"Angebote: {total} ({created} neu), Anbieter: {Provider.objects.count()}"]
