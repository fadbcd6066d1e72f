"""At least 30 nursing and changing places across the demo city, with hours; plus one suggestion waiting for the Redaktion."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils.text import slugify
from wagtail.models import Page, Site

from community.accounts.models import User
from home.changing_places.models import ChangingPlaceHours, ChangingPlaceIndexPage, ChangingPlacePage
from home.changing_places.services import place_suggest
from home.demo import ensure_section
from home.models import District

# Opening patterns: (weekdays, opens, closes); "24h" is round the clock on every day, holidays included.
HOURS = {
    "amt": [(range(5), "08:00", "16:00")],
    "bibliothek": [(range(1, 6), "10:00", "18:00")],
    "handel": [(range(6), "09:00", "20:00")],
    "cafe": [(range(7), "08:00", "18:00")],
    "zentrum": [(range(6), "10:00", "20:00")],
    "24h": [(range(7), "00:00", "00:00")],
    "praxis": [(range(5), "08:00", "12:00"), ([0, 1, 3], "14:00", "18:00")],
}

# (title, kind, district slug, street, location hint, facilities, hours pattern)
PLACES = [
    (
        "Rathaus Mülheim – Bürgeramt",
        "oeffentlich",
        "altstadt-1",
        "Ruhrstraße 32",
        "EG neben dem Wartebereich",
        "wsb",
        "amt",
    ),
    (
        "Medienhaus – Stadtbibliothek",
        "oeffentlich",
        "altstadt-1",
        "Synagogenplatz 3",
        "1. OG, Kinderbibliothek",
        "wsfk",
        "bibliothek",
    ),
    (
        "Hauptbahnhof Mülheim",
        "oeffentlich",
        "eppinghofen",
        "Dieter-aus-dem-Siepen-Platz 1",
        "Servicetoilette am Gleis 1",
        "w",
        "24h",
    ),
    (
        "Forum City Mülheim",
        "geschaeft",
        "altstadt-1",
        "Hans-Böckler-Platz 12",
        "Familien-WC im 1. OG",
        "wsbfk",
        "zentrum",
    ),
    (
        "Rhein-Ruhr-Zentrum",
        "geschaeft",
        "heissen",
        "Humboldtring 13",
        "Familienraum neben Eingang Süd",
        "wsbfk",
        "zentrum",
    ),
    (
        "Drogeriemarkt Schloßstraße",
        "geschaeft",
        "altstadt-1",
        "Schloßstraße 20",
        "hinten links bei den Babyartikeln",
        "wf",
        "handel",
    ),
    ("Drogeriemarkt Styrum", "geschaeft", "styrum", "Oberhausener Straße 120", "neben der Kasse", "wf", "handel"),
    ("Drogeriemarkt Saarn", "geschaeft", "saarn", "Düsseldorfer Straße 55", "im Kundenbereich", "wf", "handel"),
    ("Drogeriemarkt Heißen", "geschaeft", "heissen", "Heißener Straße 10", "", "wf", "handel"),
    ("Café am Wasserbahnhof", "gastronomie", "broich", "Alte Schleuse 1", "Toilette im Untergeschoss", "wb", "cafe"),
    (
        "Familiencafé Kleine Auszeit",
        "gastronomie",
        "duempten",
        "Mellinghofer Straße 200",
        "Stillecke mit Sessel",
        "wsbfk",
        "cafe",
    ),
    ("Café Klostermarkt Saarn", "gastronomie", "saarn", "Klostermarkt 5", "", "wsb", "cafe"),
    ("Eiscafé an der Ruhr", "gastronomie", "mintard", "August-Thyssen-Straße 40", "", "w", "cafe"),
    ("Bistro im Camera Obscura", "gastronomie", "broich", "Am Schloß Broich 42", "", "wf", "cafe"),
    (
        "MüGa-Park – Parkhaus Toilette",
        "oeffentlich",
        "broich",
        "Am Schloß Broich 50",
        "Servicegebäude am Eingang",
        "wfk",
        "cafe",
    ),
    ("Familienpunkt Styrum", "familie", "styrum", "Moritzstraße 12", "Stillraum im EG", "wsbfk", "amt"),
    (
        "Familienpunkt Eppinghofen",
        "familie",
        "eppinghofen",
        "Eppinghofer Straße 40",
        "Wickelraum im 1. OG (Aufzug)",
        "wsbfk",
        "amt",
    ),
    ("Familienpunkt Saarn", "familie", "saarn", "Düsseldorfer Straße 80", "Wickeltisch im Flur", "wsbk", "amt"),
    ("Familienbildungsstätte", "familie", "altstadt-2", "Scharpenberg 1b", "jede Etage", "wsbfk", "amt"),
    ("Stadtteilbibliothek Dümpten", "oeffentlich", "duempten", "Mellinghofer Straße 120", "", "wf", "bibliothek"),
    ("Stadtteilbibliothek Heißen", "oeffentlich", "heissen", "Kleiststraße 50", "", "wf", "bibliothek"),
    ("Stadtteilbibliothek Speldorf", "oeffentlich", "speldorf", "Duisburger Straße 300", "", "wsf", "bibliothek"),
    ("Schwimmbad Südbad", "oeffentlich", "holthausen", "Kleiststraße 60", "Familienumkleide", "wfk", "handel"),
    ("Friedrich-Wilhelms-Hütte Markt", "geschaeft", "altstadt-2", "Friedrich-Ebert-Straße 15", "", "w", "handel"),
    (
        "Kinderarztpraxis am Kaiserplatz",
        "familie",
        "altstadt-2",
        "Kaiserplatz 4",
        "Wickelraum im Wartebereich",
        "wsfk",
        "praxis",
    ),
    ("Hebammenpraxis Winkhausen", "familie", "winkhausen", "Winkhauser Weg 8", "", "wsbf", "praxis"),
    ("Baumarkt Fulerum", "geschaeft", "fulerum", "Fulerumer Straße 200", "Kundentoilette", "wf", "handel"),
    ("Supermarkt Menden", "geschaeft", "menden-holthausen", "Mendener Straße 33", "", "wf", "handel"),
    ("Bürgerbüro Raadt", "oeffentlich", "raadt", "Raadter Straße 5", "", "wf", "amt"),
    ("Dorfcafé Selbeck", "gastronomie", "selbeck", "Kölner Straße 400", "", "wb", "cafe"),
    (
        "Evangelisches Krankenhaus – Eingangshalle",
        "oeffentlich",
        "altstadt-1",
        "Wertgasse 30",
        "neben der Cafeteria",
        "wsbf",
        "24h",
    ),
    ("Sportpark Styrum", "oeffentlich", "styrum", "Von-der-Tann-Straße 10", "Vereinsheim", "wf", "cafe"),
]
CODES = {"w": "changing_table", "s": "nursing_room", "b": "bottle_warmer", "f": "step_free", "k": "family_toilet"}


def ensure_index(home: Page) -> ChangingPlaceIndexPage:
    return ensure_section(
        home,
        ChangingPlaceIndexPage(
            title="Wickeln & Stillen",
            slug="wickeln-stillen",
            show_in_menus=True,
            intro="Wo finde ich unterwegs einen Wickeltisch oder einen ruhigen Platz zum Stillen? Orte in ganz Mülheim, von Eltern vorgeschlagen und von der Redaktion geprüft.",
        ),
        after="contact_points.ContactPointIndexPage",
    )


def seed() -> list[str]:
    site = Site.objects.get(is_default_site=True)
    index = ensure_index(site.root_page)
    districts = {district.slug: district for district in District.objects.all()}
    existing = set(index.get_children().values_list("slug", flat=True))
    created = 0
    for number, (title, kind, district_slug, street, hint, codes, hours) in enumerate(PLACES):
        slug = slugify(title.replace("ß", "ss").replace("ü", "ue").replace("ö", "oe").replace("ä", "ae"))
        if slug in existing:
            continue
        district = districts[district_slug]
        offset = Decimal((number % 7) - 3) / Decimal(800)
        place = ChangingPlacePage(
            title=title,
            slug=slug,
            kind=kind,
            district=district,
            street=street,
            location_hint=hint,
            latitude=district.latitude + offset,
            longitude=district.longitude - offset,
            open_on_holidays=hours == "24h",
            free_of_charge=kind != "gastronomie",
            **{CODES[code]: True for code in codes},
        )
        place.hours = [
            ChangingPlaceHours(
                weekday=day, opens=datetime.time.fromisoformat(opens), closes=datetime.time.fromisoformat(closes)
            )
            for days, opens, closes in HOURS[hours]
            for day in days
        ]
        index.add_child(instance=place)
        place.save_revision().publish()
        created += 1
    parent = User.objects.filter(username="olena").first()
    if parent and not ChangingPlacePage.objects.filter(suggested_by=parent).exists():
        place_suggest(
            user=parent,
            index=index,
            periods=[(day, datetime.time(9), datetime.time(18)) for day in range(6)],
            data={
                "title": "Spielwarenladen Heißen",
                "kind": "geschaeft",
                "district": districts["heissen"],
                "street": "Heißener Straße 44",
                "postcode": "45472",
                "location_hint": "hinten im Laden, Personal fragen",
                "changing_table": True,
                "free_of_charge": True,
                "note": "Sehr freundlich, man darf auch ohne Einkauf wickeln.",
            },
        )
    live = ChangingPlacePage.objects.live().count()
    waiting = ChangingPlacePage.objects.filter(live=False).count()
    return [f"Wickel- und Stillorte: {live} veröffentlicht, {waiting} Vorschlag in Prüfung ({created} neu)"]
