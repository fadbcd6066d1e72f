"""The demo city's content owned by `home`: districts, portal settings and the editorial pages."""

from __future__ import annotations

from decimal import Decimal

from django.apps import apps
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import ContentPage, District, DistrictIndexPage, HomePage, PortalSettings

# Mülheim an der Ruhr's Stadtteile with their Stadtbezirk and an approximate centre.
DISTRICTS = [
    ("Altstadt I", "altstadt-1", "Rechtsruhr-Süd", "51.42780", "6.88260"),
    ("Altstadt II", "altstadt-2", "Rechtsruhr-Süd", "51.43390", "6.88790"),
    ("Broich", "broich", "Linksruhr", "51.42310", "6.86430"),
    ("Dümpten", "duempten", "Rechtsruhr-Nord", "51.45250", "6.89900"),
    ("Eppinghofen", "eppinghofen", "Rechtsruhr-Nord", "51.43930", "6.88460"),
    ("Fulerum", "fulerum", "Rechtsruhr-Süd", "51.42760", "6.94280"),
    ("Heißen", "heissen", "Rechtsruhr-Süd", "51.43600", "6.92250"),
    ("Holthausen", "holthausen", "Rechtsruhr-Süd", "51.41860", "6.90160"),
    ("Menden-Holthausen", "menden-holthausen", "Rechtsruhr-Süd", "51.40150", "6.90880"),
    ("Mintard", "mintard", "Linksruhr", "51.37270", "6.89600"),
    ("Raadt", "raadt", "Rechtsruhr-Süd", "51.40600", "6.93600"),
    ("Saarn", "saarn", "Linksruhr", "51.40660", "6.87880"),
    ("Selbeck", "selbeck", "Linksruhr", "51.38150", "6.86550"),
    ("Speldorf", "speldorf", "Linksruhr", "51.42390", "6.83560"),
    ("Styrum", "styrum", "Rechtsruhr-Nord", "51.45180", "6.86280"),
    ("Winkhausen", "winkhausen", "Rechtsruhr-Nord", "51.44680", "6.91880"),
]

HOME_INTRO = (
    "<p>Kita-Plätze, Ferienbetreuung, Babykurse, Beratung und Freizeit: Hier finden Familien in "
    "Mülheim an der Ruhr alles an einem Ort – und tauschen sich mit anderen Eltern aus.</p>"
)

# (slug, title, in menu, intro, body paragraphs as HTML)
PAGES = [
    (
        "impressum",
        "Impressum",
        False,
        "Angaben gemäß § 5 DDG.",
        [
            "<p>Familienportal Mülheim an der Ruhr (Demonstrationsinstanz)<br/>"
            "Stadt Mülheim an der Ruhr – Familienbüro<br/>Musterstraße 1, 45468 Mülheim an der Ruhr</p>",
            "<p>Diese Installation enthält erfundene Demodaten. Namen, Angebote und Einrichtungen "
            "dienen nur der Vorführung.</p>",
        ],
    ),
    (
        "datenschutz",
        "Datenschutz",
        False,
        "Wie das Familienportal mit Ihren Daten umgeht.",
        [
            "<p>Das Portal lädt keine Schriften, Skripte oder Karten von fremden Servern und verwendet "
            "keine Tracker. Karten werden erst nach Ihrem Klick geladen.</p>",
            "<p>Für ein Konto speichern wir Benutzername, E-Mail-Adresse und die Inhalte, die Sie "
            "schreiben. Sie können Ihre Daten jederzeit herunterladen und Ihr Konto löschen.</p>",
        ],
    ),
]


def ensure_section(home: Page, index: Page, *, after: str | None = None) -> Page:
    """Add a section page (e.g. /kita/) once, right after the page of model `after` ("app_label.Model") in the menu;
    an older editorial page of the same slug from an earlier demo city gives way to it, in place. `after` is a
    name, not a class, so that a section does not import another feature (which may not be installed)."""
    model = type(index)
    existing = model.objects.child_of(home).first()
    if existing:
        return existing
    old = home.get_children().filter(slug=index.slug).first()
    if old is not None:
        old.delete()
    neighbour = None
    if after:
        try:
            neighbour = home.get_children().type(apps.get_model(after)).last()
        except LookupError:  # that feature is not installed: append at the end
            neighbour = None
    if neighbour is not None:
        neighbour.add_sibling(pos="right", instance=index)
    else:
        home.add_child(instance=index)
    index.save_revision().publish()
    return model.objects.get(pk=index.pk)


def _publish(page: Page) -> None:
    page.save_revision().publish()


def seed_districts() -> int:
    created = 0
    for name, slug, borough, lat, lon in DISTRICTS:
        _district, was_created = District.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "borough": borough, "latitude": Decimal(lat), "longitude": Decimal(lon)},
        )
        created += was_created
    return created


def seed_pages() -> dict[str, Page]:
    """Home page text and the editorial pages; pages that exist are left as the editors made them."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if isinstance(home, HomePage) and not home.intro:
        home.title = "Familienportal Mülheim an der Ruhr"
        home.intro = HOME_INTRO
        _publish(home)
    pages: dict[str, Page] = {}
    for slug, title, in_menu, intro, paragraphs in PAGES:
        page = home.get_children().filter(slug=slug).first()
        if page is None:
            page = ContentPage(
                title=title,
                slug=slug,
                intro=intro,
                show_in_menus=in_menu,
                body=[("paragraph", RichText(html)) for html in paragraphs],
            )
            home.add_child(instance=page)
            _publish(page)
        pages[slug] = page
    return pages


def seed_settings(*, pages: dict[str, Page]) -> None:
    site = Site.objects.get(is_default_site=True)
    settings = PortalSettings.for_site(site)
    if settings.contact_email:
        return
    settings.contact_name = "Familienbüro der Stadt Mülheim an der Ruhr"
    settings.contact_email = "familienbuero@example.org"
    settings.contact_phone = "0208 000000"
    settings.contact_address = "Musterstraße 1\n45468 Mülheim an der Ruhr"
    settings.imprint_page = pages["impressum"]
    settings.privacy_page = pages["datenschutz"]
    settings.save()


def seed() -> list[str]:
    """Seed everything `home` owns; returns lines for the command's report."""
    created = seed_districts()
    pages = seed_pages()
    seed_settings(pages=pages)
    return [f"Stadtteile: {District.objects.count()} ({created} neu)", f"Seiten: {Page.objects.live().count()}"]


def ensure_district_index(home: Page) -> DistrictIndexPage:
    return ensure_section(
        home,
        DistrictIndexPage(
            title="Stadtteile",
            slug="stadtteile",
            show_in_menus=True,
            intro="Alles für Familien in Ihrem Stadtteil auf einer Seite: Familienpunkt, Termine, Angebote, Kitas und Einrichtungen vor Ort.",
        ),
        after="contact_points.ContactPointIndexPage",
    )


def seed_district_index() -> list[str]:
    """The district pages come after the contact points in the menu, so this step runs after theirs."""
    ensure_district_index(Site.objects.get(is_default_site=True).root_page)
    return []


# (section slug, icon, picture motif, palette, what the picture shows)
SECTION_TILES = [
    ("angebote", "palette", "kunst", "sun", "Gezeichnet: Malpalette und Pinsel auf einer Sommerwiese"),
    ("kita", "blocks", "kita", "sun", "Gezeichnet: Kinder bauen einen Turm aus bunten Bauklötzen"),
    (
        "familienpunkte",
        "map-pin",
        "haus",
        "teal",
        "Gezeichnet: ein Familienpunkt mit Herz am Giebel, davor eine Familie",
    ),
    ("stadtteile", "house", "stadt", "sky", "Gezeichnet: zwei Häuser in einem Stadtteil unter blauem Himmel"),
    ("wickeln-stillen", "baby", "baby", "violet", "Gezeichnet: eine Mutter mit Kinderwagen"),
    ("wiki", "book-open", "wissen", "green", "Gezeichnet: ein aufgeschlagenes Buch auf einer Wiese"),
]


def _section_tiles(home: Page) -> list[dict]:
    from home.demo_pictures import demo_image

    children = {page.slug: page for page in home.get_children().live()}
    tiles = []
    for slug, icon, motif, palette, description in SECTION_TILES:
        page = children.get(slug)
        if page is None:  # that feature is not installed
            continue
        image = demo_image(title=f"Demo: Bereich {page.title}", description=description, motif=motif, palette=palette)
        tiles.append(
            {
                "page": page,
                "url": "",
                "title": "",
                "text": "",
                "icon": icon,
                "picture": {"image": image, "alt_text": description},
            }
        )
    return tiles


def _panel(key: str) -> tuple[str, dict]:
    return ("panel", {"panel": key, "heading": ""})


def seed_front_page() -> list[str]:
    """The Redaktion's arrangement of the demo home page: a notice, this week, the areas with pictures, the live
    panels. Only over the arrangement the migration gave (panels only): what editors changed stays."""
    import datetime

    from django.utils import timezone

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage) or any(block.block_type != "panel" for block in home.body):
        return []
    contact = home.get_children().live().filter(slug="familienpunkte").first()
    home.body = [
        (
            "notice",
            {
                "title": "Familienbüro: geänderte Sprechzeiten",
                "text": RichText(
                    "<p>Bis Ende des Monats berät das Familienbüro nur dienstags und donnerstags von 9 bis 13 Uhr. "
                    "Die Familienpunkte in den Stadtteilen sind wie gewohnt für Sie da.</p>"
                ),
                "link_page": contact,
                "link_url": "",
                "link_text": "Familienpunkte in Ihrer Nähe" if contact else "",
                "until": timezone.localdate() + datetime.timedelta(days=30),
                "level": "urgent",
            },
        ),
        _panel("termine_woche"),
        _panel("familienpunkte_offen"),
        ("tiles", {"heading": "Alles für Familien an einem Ort", "tiles": _section_tiles(home)}),
        _panel("kita_freie_plaetze"),
        _panel("wiki_neue_artikel"),
        _panel("forum_lebhafte_themen"),
        (
            "intro",
            {
                "heading": "Mitmachen und mitreden",
                "text": RichText(
                    "<p>Fragen Sie andere Eltern im Forum, schreiben Sie im Familien-Wiki mit oder helfen Sie "
                    "ehrenamtlich in einem Familienpunkt. Mit einem Konto geht das in zwei Minuten.</p>"
                ),
                "illustration": "gespraech",
                "picture": {"image": None, "alt_text": ""},
            },
        ),
    ]
    _publish(home)
    return [f"Startseite: {len(home.body)} Blöcke"]
