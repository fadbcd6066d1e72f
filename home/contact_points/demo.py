"""The demo city's three Familienpunkte with services, a month and more of events, volunteer roles and partners."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Page, Site

from community.accounts.models import User
from home.contact_points.models import (
    ContactPointClosure,
    ContactPointHours,
    ContactPointIndexPage,
    ContactPointPage,
    ContactPointService,
    ContactPointStaff,
    EventCancellation,
    EventPage,
    VolunteerRole,
    VolunteerShift,
)
from home.contact_points.services import volunteer_signup
from home.demo import ensure_section
from home.models import District, LocalInstitution

# (kind, name pattern, description) for each district's local institutions
INSTITUTIONS = [
    ("schule", "Grundschule {name}", "Offener Ganztag bis 16 Uhr, Schulsozialarbeit vor Ort."),
    ("bibliothek", "Stadtteilbibliothek {name}", "Bilderbuchkino jeden ersten Mittwoch, Vorlesepaten."),
    ("familienzentrum", "Familienzentrum {name}", "Verbund aus Kitas mit Beratung und Elternkursen."),
]
CITYWIDE = [
    (
        "beratung",
        "Erziehungs- und Familienberatung der Stadt",
        "altstadt-1",
        "Beratung bei Erziehungsfragen, Trennung und Krisen; kostenlos und vertraulich.",
    ),
    (
        "beratung",
        "Schwangerschaftsberatung Mülheim",
        "altstadt-2",
        "Beratung rund um Schwangerschaft, Geburt und finanzielle Hilfen.",
    ),
    (
        "gesundheit",
        "Frühe Hilfen – Familienhebammen",
        "eppinghofen",
        "Besuche von Familienhebammen im ersten Lebensjahr.",
    ),
    ("jugend", "Jugendzentrum Styrum", "styrum", "Offene Tür für Kinder ab 8 Jahren, Hausaufgabenhilfe."),
]

WEEKDAY_HOURS = [
    (0, "09:00", "16:00"),
    (1, "09:00", "16:00"),
    (2, "09:00", "18:00"),
    (3, "09:00", "16:00"),
    (4, "09:00", "13:00"),
]

POINTS = [
    {
        "title": "Familienpunkt Styrum",
        "slug": "styrum",
        "district": "styrum",
        "street": "Moritzstraße 12",
        "postcode": "45476",
        "lat": "51.45160",
        "lon": "6.86190",
        "phone": "0208 455-4710",
        "email": "familienpunkt.styrum@example.org",
        "summary": "Beratung unter einem Dach, Elterncafé mit Spielecke, Still- und Wickelraum – mitten in Styrum.",
        "services": [
            (
                "Familienhebammen",
                "Begleitung im ersten Lebensjahr, Fragen zu Stillen, Schlafen und Entwicklung.",
                "Di 9–12 Uhr, offene Sprechstunde",
                "ohne Termin",
            ),
            (
                "Sozialer Dienst",
                "Unterstützung in schwierigen Lebenslagen, Hilfen zur Erziehung.",
                "Do 14–16 Uhr",
                "nach Vereinbarung: 0208 455-4711",
            ),
            (
                "Seniorenberatung",
                "Für Großeltern und pflegende Angehörige.",
                "1. Mittwoch im Monat, 10–12 Uhr",
                "ohne Termin",
            ),
            (
                "Betreuungsservice",
                "Vermittlung von Kindertagespflege und Hilfe bei der Kita-Suche.",
                "Mo 9–12 Uhr",
                "Termin über das Portal oder telefonisch",
            ),
        ],
        "partners": ["styrum"],
        "cafe": True,
    },
    {
        "title": "Familienpunkt Eppinghofen",
        "slug": "eppinghofen",
        "district": "eppinghofen",
        "street": "Eppinghofer Straße 40",
        "postcode": "45468",
        "lat": "51.43960",
        "lon": "6.88520",
        "phone": "0208 455-4720",
        "email": "familienpunkt.eppinghofen@example.org",
        "summary": "Elterncafé, Sprachcafé und Beratung in mehreren Sprachen (Türkisch, Arabisch, Russisch).",
        "services": [
            (
                "Erziehungsberatung",
                "Gespräche zu Erziehung, Familie und Trennung.",
                "Mi 14–17 Uhr",
                "nach Vereinbarung: 0208 455-4721",
            ),
            (
                "Migrationsberatung für Familien",
                "Beratung auf Türkisch, Arabisch und Russisch.",
                "Mo und Do 10–13 Uhr",
                "ohne Termin",
            ),
            ("Familienhebammen", "Hausbesuche und Sprechstunde.", "Fr 9–11 Uhr", "ohne Termin"),
        ],
        "partners": ["eppinghofen", "altstadt-2"],
        "cafe": True,
    },
    {
        "title": "Familienpunkt Saarn",
        "slug": "saarn",
        "district": "saarn",
        "street": "Düsseldorfer Straße 80",
        "postcode": "45481",
        "lat": "51.40720",
        "lon": "6.87950",
        "phone": "0208 455-4730",
        "email": "familienpunkt.saarn@example.org",
        "summary": "Treffpunkt für junge Familien im Mülheimer Süden, mit Babytreff und Papa-Kind-Angeboten.",
        "services": [
            ("Familienhebammen", "Fragen rund ums Baby.", "Do 9–12 Uhr", "ohne Termin"),
            ("Betreuungsservice", "Kindertagespflege finden, Kita-Anmeldung.", "Di 13–16 Uhr", "nach Vereinbarung"),
        ],
        "partners": ["saarn", "selbeck"],
        "cafe": False,
    },
]

# (point slug, title, summary, weekday, start, end, repeat, audience, registration, venue)
EVENTS = [
    (
        "styrum",
        "Mütter-Café",
        "Frühstück, Austausch und Spielecke für Mütter (und Väter) mit Kindern bis 3 Jahren.",
        1,
        "09:30",
        "11:30",
        "weekly",
        "Eltern mit Kindern bis 3 Jahren",
        "",
        "Elterncafé",
    ),
    (
        "styrum",
        "Babytreff",
        "Babys spielen, Eltern tauschen sich aus; eine Familienhebamme ist dabei.",
        3,
        "10:00",
        "11:30",
        "weekly",
        "Eltern mit Babys bis 1 Jahr",
        "erwuenscht",
        "Gruppenraum",
    ),
    (
        "styrum",
        "Infoabend Kita-Anmeldung",
        "Wie funktioniert die Anmeldung? Welche Kitas gibt es in Styrum? Mit Betreuungsservice.",
        2,
        "19:00",
        "20:30",
        "",
        "Eltern",
        "erforderlich",
        "",
    ),
    (
        "styrum",
        "Stilltreff",
        "Offene Stillgruppe mit Stillberaterin.",
        2,
        "10:00",
        "11:30",
        "biweekly",
        "Stillende Mütter",
        "",
        "Stillraum",
    ),
    (
        "styrum",
        "Papa-Kind-Frühstück",
        "Samstags-Frühstück für Väter mit ihren Kindern.",
        5,
        "10:00",
        "12:00",
        "monthly",
        "Väter mit Kindern",
        "erwuenscht",
        "Elterncafé",
    ),
    (
        "eppinghofen",
        "Sprachcafé für Eltern",
        "Deutsch sprechen in entspannter Runde, Kinderbetreuung vor Ort.",
        0,
        "15:00",
        "17:00",
        "weekly",
        "Eltern, die Deutsch üben möchten",
        "",
        "",
    ),
    (
        "eppinghofen",
        "Elterncafé international",
        "Tee, Gebäck und Beratung auf Türkisch und Arabisch.",
        3,
        "09:30",
        "11:30",
        "weekly",
        "Alle Eltern",
        "",
        "Elterncafé",
    ),
    (
        "eppinghofen",
        "Kleiderbörse Kinderkleidung",
        "Gut erhaltene Kinderkleidung tauschen und günstig kaufen.",
        5,
        "10:00",
        "13:00",
        "monthly",
        "Alle Familien",
        "",
        "Saal",
    ),
    (
        "eppinghofen",
        "Infoabend Elterngeld",
        "Elterngeld, ElterngeldPlus und Partnerschaftsbonus verständlich erklärt.",
        1,
        "18:30",
        "20:00",
        "",
        "Werdende Eltern",
        "erforderlich",
        "",
    ),
    (
        "saarn",
        "Babytreff Saarn",
        "Krabbeln, singen, austauschen.",
        2,
        "10:00",
        "11:30",
        "weekly",
        "Eltern mit Babys bis 1 Jahr",
        "",
        "Spielraum",
    ),
    (
        "saarn",
        "Krabbelgruppe",
        "Für Kinder von 1 bis 2 Jahren mit Begleitung.",
        4,
        "09:30",
        "11:00",
        "weekly",
        "Kinder von 1 bis 2 Jahren",
        "erwuenscht",
        "",
    ),
    (
        "saarn",
        "Erste Hilfe am Kind",
        "Kurs mit einer Rettungssanitäterin: Verschlucken, Fieberkrampf, Unfälle.",
        5,
        "09:00",
        "13:00",
        "",
        "Eltern und Großeltern",
        "erforderlich",
        "Gemeindesaal nebenan",
    ),
]

ROLES = [
    (
        "styrum",
        "Elterncafé-Schicht",
        "Kaffee kochen, Gäste begrüßen, die Spielecke im Blick behalten – zusammen mit einer Fachkraft.",
        "Freude am Kontakt mit Familien; eine Hygieneschulung bieten wir an.",
        [(1, "09:00", "12:00", 2), (3, "09:30", "12:00", 2)],
    ),
    (
        "styrum",
        "Vorlesenachmittag",
        "Bilderbücher vorlesen für Kinder von 3 bis 6 Jahren, gern auch in Ihrer Familiensprache.",
        "",
        [(2, "15:00", "16:30", 1)],
    ),
    (
        "eppinghofen",
        "Sprachcafé begleiten",
        "Gespräche auf Deutsch anregen, Fragen beantworten.",
        "Gute Deutschkenntnisse",
        [(0, "14:45", "17:00", 2)],
    ),
    ("saarn", "Kleiderbörse helfen", "Tische aufbauen, Kleidung sortieren, Kasse.", "", [(5, "09:00", "13:30", 3)]),
]


def _time(value: str) -> datetime.time:
    return datetime.time.fromisoformat(value)


def ensure_index(home: Page) -> ContactPointIndexPage:
    """/familienpunkte/ replaces the editorial page of an older demo city."""
    return ensure_section(
        home,
        ContactPointIndexPage(
            title="Familienpunkte",
            slug="familienpunkte",
            show_in_menus=True,
            intro="Beratung unter einem Dach, Elterncafé, Still- und Wickelräume: die Anlaufstellen für Familien in Ihrem Stadtteil.",
        ),
        after="kita.KitaIndexPage",
    )


def seed_institutions() -> dict[str, list[LocalInstitution]]:
    by_district: dict[str, list[LocalInstitution]] = {}
    for district in District.objects.order_by("slug"):
        for kind, pattern, description in INSTITUTIONS:
            institution, _created = LocalInstitution.objects.get_or_create(
                name=pattern.format(name=district.name),
                district=district,
                defaults={
                    "kind": kind,
                    "description": description,
                    "street": f"Schulstraße {len(district.slug)}",
                    "phone": f"0208 455-{5000 + district.pk * 10 + len(kind)}",
                },
            )
            by_district.setdefault(district.slug, []).append(institution)
    for kind, name, slug, description in CITYWIDE:
        district = District.objects.get(slug=slug)
        institution, _created = LocalInstitution.objects.get_or_create(
            name=name,
            district=district,
            defaults={"kind": kind, "description": description},
        )
        by_district.setdefault(slug, []).append(institution)
    return by_district


def _week_start(today: datetime.date) -> datetime.date:
    return today - datetime.timedelta(days=today.weekday())


def seed() -> list[str]:
    from home.demo_pictures import demo_image

    site = Site.objects.get(is_default_site=True)
    index = ensure_index(site.root_page)
    institutions = seed_institutions()
    citywide = [LocalInstitution.objects.get(name=name) for _kind, name, _slug, _desc in CITYWIDE]
    monday = _week_start(timezone.localdate())
    created = 0
    points: dict[str, ContactPointPage] = {}
    for spec in POINTS:
        point = ContactPointPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if point is None:
            point = ContactPointPage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                image=demo_image(
                    title=f"Demo: {spec['title']}",
                    description=f"Gezeichnet: {spec['title']} – ein Haus mit Herz am Giebel, davor eine Familie",
                    motif="haus",
                    palette=("teal", "sky", "green")[POINTS.index(spec) % 3],
                ),
                district=District.objects.get(slug=spec["district"]),
                street=spec["street"],
                postcode=spec["postcode"],
                latitude=Decimal(spec["lat"]),
                longitude=Decimal(spec["lon"]),
                phone=spec["phone"],
                email=spec["email"],
                appointments="<p>Rufen Sie uns an oder kommen Sie in die offene Sprechstunde. Beratung ist kostenlos und vertraulich; "
                "auf Wunsch mit Dolmetscherin.</p>",
                step_free=True,
                accessible_toilet=spec["slug"] != "saarn",
                changing_table=True,
                nursing_room=True,
                parents_cafe=spec["cafe"],
                accessibility_note="Eingang über die Rampe an der Seite; Kinderwagen können im Flur stehen.",
            )
            point.hours = [ContactPointHours(weekday=d, opens=_time(o), closes=_time(c)) for d, o, c in WEEKDAY_HOURS]
            point.hour_exceptions = [
                ContactPointClosure(date=datetime.date(monday.year, 12, 24), closed=True, note="Heiligabend"),
                ContactPointClosure(date=datetime.date(monday.year, 12, 31), closed=True, note="Silvester"),
            ]
            point.services = [
                ContactPointService(name=n, description=d, consultation_hours=h, appointment=a)
                for n, d, h, a in spec["services"]
            ]
            point.partners = [i for slug in spec["partners"] for i in institutions.get(slug, [])] + citywide[:2]
            index.add_child(instance=point)
            point.save_revision().publish()
            created += 1
        points[spec["slug"]] = point
    created += _seed_events(points, monday)
    _seed_volunteering(points, monday)
    return [
        f"Familienpunkte: {ContactPointPage.objects.count()}, Veranstaltungen: {EventPage.objects.count()}, "
        f"Helfer-Schichten: {VolunteerShift.objects.count()}, Einrichtungen: {LocalInstitution.objects.count()} ({created} neu)"
    ]


def _seed_events(points: dict[str, ContactPointPage], monday: datetime.date) -> int:
    created = 0
    for number, (slug, title, summary, weekday, start, end, repeat, audience, registration, venue) in enumerate(EVENTS):
        point = points[slug]
        if EventPage.objects.child_of(point).filter(title=title).exists():
            continue
        first = monday + datetime.timedelta(
            days=weekday + (7 if not repeat else 0) + (7 * (number % 2) if not repeat else 0)
        )
        event = EventPage(
            title=title,
            summary=summary,
            audience=audience,
            venue=venue,
            start_date=first,
            start_time=_time(start),
            end_time=_time(end),
            repeat=repeat,
            repeat_until=first + datetime.timedelta(weeks=12) if repeat else None,
            registration=registration,
            registration_info=f"Telefon {point.phone} oder {point.email}" if registration else "",
            capacity=12 if registration == "erforderlich" else None,
        )
        if repeat == "weekly" and number % 3 == 0:
            event.cancellations = [EventCancellation(date=first + datetime.timedelta(weeks=2), note="Team-Fortbildung")]
        point.add_child(instance=event)
        event.save_revision().publish()
        created += 1
    return created


def _seed_volunteering(points: dict[str, ContactPointPage], monday: datetime.date) -> None:
    staff = User.objects.filter(username="familienpunkt").first()
    styrum = points["styrum"]
    if staff and not ContactPointStaff.objects.filter(page=styrum, user=staff).exists():
        # Through a revision, so that the next edit in the admin keeps the assignment.
        styrum.staff.add(ContactPointStaff(user=staff))
        styrum.save_revision().publish()
    for slug, title, description, requirements, slots in ROLES:
        role, created = VolunteerRole.objects.get_or_create(
            contact_point=points[slug],
            title=title,
            defaults={"description": description, "requirements": requirements},
        )
        if not created:
            continue
        for week in range(1, 5):
            for weekday, start, end, capacity in slots:
                VolunteerShift.objects.create(
                    role=role,
                    date=monday + datetime.timedelta(weeks=week, days=weekday),
                    starts=_time(start),
                    ends=_time(end),
                    capacity=capacity,
                )
    parent = User.objects.filter(username="julia").first()
    cafe = (
        VolunteerShift.objects.filter(role__title="Elterncafé-Schicht", role__contact_point=styrum)
        .order_by("date")
        .first()
    )
    if parent and cafe and not cafe.signups.exists():
        volunteer_signup(user=parent, shift=cafe, comment="Ich bringe einen Kuchen mit.")
