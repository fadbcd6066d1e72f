"""The demo city's accessibility statement (honest about its barriers) and the guide to the portal, in German and,
where the Leichte Sprache locale exists, written anew in Leichte Sprache."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from home.accessibility.models import AccessibilityStatementPage, EasyLanguageGuidePage
from home.demo import ensure_section
from home.models import PortalSettings

STATEMENT_BODY = [
    "<p>Die Stadt Mülheim an der Ruhr ist bemüht, ihr Familienportal im Einklang mit § 10b des "
    "Behindertengleichstellungsgesetzes Nordrhein-Westfalen (BGG NRW) und der Barrierefreie-Informationstechnik-"
    "Verordnung Nordrhein-Westfalen (BITV NRW) barrierefrei zugänglich zu machen.</p>",
    "<p>Maßstab sind die Web Content Accessibility Guidelines (WCAG) 2.1 in der Stufe AA und die europäische Norm "
    "EN 301 549. Diese Erklärung gilt für alle Seiten des Familienportals.</p>",
]
# (what, why, alternative)
BARRIERS = [
    (
        "Karten",
        "Karten werden erst nach einem Klick auf „Karte laden“ angezeigt, damit vorher keine Daten an den "
        "Kartendienst gehen. Die Karten selbst lassen sich nicht vollständig mit der Tastatur bedienen und sind für "
        "Screenreader nur eingeschränkt nutzbar.",
        "Jede Adresse steht auch als Text auf der Seite. Listen lassen sich ohne Karte nach Stadtteil filtern und "
        "nach Entfernung zu einer Postleitzahl sortieren.",
    ),
    (
        "Dokumente von Anbietern",
        "PDF-Dateien und andere Dokumente, die Anbieter und Einrichtungen bereitstellen, prüft die Redaktion nicht "
        "vollständig auf Barrierefreiheit. Manche haben keine Textebene, keine Überschriften oder keine "
        "Bildbeschreibungen.",
        "Die wichtigsten Angaben (Termine, Kosten, Kontakt) stehen als Text auf der jeweiligen Seite. Auf Wunsch "
        "schicken wir Ihnen den Inhalt eines Dokuments in zugänglicher Form.",
    ),
    (
        "Beiträge im Elternforum",
        "Beiträge im Forum schreiben Eltern selbst. Die Moderation prüft sie auf die Forenregeln, aber nicht auf "
        "Barrierefreiheit, etwa auf Bildbeschreibungen oder verständliche Sprache.",
        "",
    ),
    (
        "Erläuterungen in Deutscher Gebärdensprache",
        "Für die Erklärung des Portals gibt es noch kein Video in Deutscher Gebärdensprache.",
        "Die Erklärung des Portals gibt es in Leichter Sprache. Sie können uns auch per E-Mail oder über das "
        "Formular erreichen.",
    ),
]
ASSESSMENT = "Selbstbewertung der Redaktion nach den Prüfschritten des BITV-Tests."
FEEDBACK_INTRO = (
    "Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in einer zugänglichen Form? Schreiben Sie uns "
    "über das Formular oder nutzen Sie die Kontaktdaten. Name und E-Mail-Adresse sind freiwillig; wenn Sie eine "
    "E-Mail-Adresse angeben, antworten wir Ihnen."
)
ENFORCEMENT = (
    "<p>Wenn Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort erhalten haben, können Sie ein "
    "Ombudsverfahren beantragen. Zuständig ist die Ombudsstelle für barrierefreie Informationstechnik des Landes "
    "Nordrhein-Westfalen bei der Beauftragten der Landesregierung für Menschen mit Behinderungen sowie für "
    "Patientinnen und Patienten (§ 10d BGG NRW, §§ 9 ff. BITV NRW). Sie vermittelt zwischen Ihnen und der "
    "öffentlichen Stelle.</p>"
    '<p>Den Antrag können Sie online, per E-Mail oder per Post stellen: <a href="https://www.lbbp.nrw.de/ombudsstelle">'
    "www.lbbp.nrw.de/ombudsstelle</a></p>"
)

GUIDE_TITLE = "So nutzen Sie das Familienportal"
GUIDE_SLUG = "so-nutzen-sie-das-familienportal"
GUIDE_INTRO = "Was Sie im Familienportal finden, wie Sie sich zurechtfinden und wie barrierefrei das Portal ist."
# (heading, HTML); {statement} is replaced by the statement page's id.
GUIDE_SECTIONS = [
    (
        "Was finden Sie hier?",
        "<p>Das Familienportal bündelt, was Familien in Mülheim an der Ruhr brauchen: Kitas und Kindertagespflege mit "
        "freien Plätzen, Angebote und Kurse, die Familienpunkte in den Stadtteilen mit ihren Terminen, Orte zum "
        "Wickeln und Stillen, ein Familien-Wiki und ein Forum für Eltern.</p>"
        "<p>Alles ist kostenlos. Ein Konto brauchen Sie nur, wenn Sie selbst schreiben möchten, etwa im Forum.</p>",
    ),
    (
        "So finden Sie sich zurecht",
        "<p>Das Hauptmenü oben auf jeder Seite führt zu allen Bereichen, zum Forum und zur Suche. Über „Sprache“ "
        "oben auf der Seite wechseln Sie zwischen Deutsch, Leichter Sprache, Englisch, Türkisch, Arabisch, "
        "Ukrainisch und Russisch.</p>"
        "<p>Mit der Tabulatortaste erreichen Sie alle Links und Formulare; der Link „Zum Inhalt springen“ am "
        "Seitenanfang überspringt das Menü. Unten auf jeder Seite finden Sie Kontakt, Impressum, Datenschutz und "
        "die Erklärung zur Barrierefreiheit.</p>",
    ),
    (
        "Wie barrierefrei ist das Portal?",
        "<p>Das Portal ist teilweise barrierefrei. Karten lassen sich nicht vollständig mit der Tastatur bedienen, "
        "Dokumente von Anbietern sind nicht immer barrierefrei, und Beiträge im Forum prüfen wir nicht auf "
        'Barrierefreiheit. Einzelheiten nennt die <a linktype="page" id="{statement}">Erklärung zur '
        "Barrierefreiheit</a>.</p>",
    ),
    (
        "Barriere melden",
        "<p>Ist Ihnen eine Barriere aufgefallen? Nutzen Sie das Formular „Barriere melden“; der Link steht unten auf "
        "jeder Seite. Name und E-Mail-Adresse sind freiwillig. Wenn Sie eine E-Mail-Adresse angeben, antworten wir "
        "Ihnen.</p>",
    ),
]

# Leichte Sprache (rules of the Netzwerk Leichte Sprache): short sentences, one statement each, each on a line of
# its own, hard words explained, no abbreviations, numbers as digits, long words split with a hyphen.
EASY_TITLE = "So benutzen Sie das Familien-Portal"
EASY_INTRO = "Hier erklären wir das Familien-Portal in Leichter Sprache."
EASY_SECTIONS = [
    (
        "Was ist das Familien-Portal?",
        "<p>Das Familien-Portal ist eine Internet-Seite.<br/>"
        "Die Internet-Seite ist für Familien in Mülheim an der Ruhr.<br/>"
        "Hier finden Sie Informationen für Eltern und Kinder.</p>"
        "<p>Zum Beispiel:</p>"
        "<ul>"
        "<li>Kitas.<br/>Eine Kita ist ein Haus für kleine Kinder.<br/>Dort passen Erzieherinnen und Erzieher auf die Kinder auf.</li>"
        "<li>Kurse für Familien.<br/>Zum Beispiel Kurse für Eltern mit Babys.</li>"
        "<li>Familien-Punkte.<br/>Dort bekommen Eltern Hilfe und Beratung.</li>"
        "<li>Orte zum Wickeln.<br/>Wickeln heißt: Sie geben dem Baby eine frische Windel.</li>"
        "<li>Ein Forum.<br/>Im Forum schreiben Eltern miteinander.</li>"
        "</ul>"
        "<p>Das Familien-Portal kostet kein Geld.</p>",
    ),
    (
        "So finden Sie sich zurecht",
        "<p>Oben auf jeder Seite ist das Menü.<br/>"
        "Das Menü ist eine Liste mit Links.<br/>"
        "Ein Link ist ein Wort zum Anklicken.<br/>"
        "Dann kommen Sie auf eine andere Seite.</p>"
        "<p>Im Menü gibt es auch die Suche.<br/>"
        "Mit der Suche finden Sie Informationen schneller.</p>"
        "<p>Sie möchten eine andere Sprache?<br/>"
        "Oben auf der Seite steht: Sprache.<br/>"
        "Dort können Sie eine andere Sprache wählen.</p>"
        "<p>Sie haben keine Maus?<br/>"
        "Dann benutzen Sie die Tab-Taste.<br/>"
        "Die Tab-Taste ist links auf der Tastatur.<br/>"
        "Auf der Tab-Taste sind 2 Pfeile.<br/>"
        "Mit der Tab-Taste springen Sie von Link zu Link.</p>"
        "<p>Ganz unten auf jeder Seite sind noch mehr Links.<br/>"
        "Zum Beispiel zu dieser Seite in Leichter Sprache.</p>",
    ),
    (
        "Barriere-Freiheit",
        "<p>Barriere-frei heißt:<br/>"
        "Alle Menschen können das Familien-Portal gut benutzen.<br/>"
        "Auch Menschen mit Behinderung.<br/>"
        "Zum Beispiel Menschen, die schlecht sehen.</p>"
        "<p>Das Familien-Portal ist noch nicht ganz barriere-frei.<br/>"
        "An diesen Stellen gibt es noch Probleme:</p>"
        "<ul>"
        "<li>Die Karten.<br/>Eine Karte zeigt: Hier ist ein Ort.<br/>"
        "Die Karten funktionieren nicht gut mit der Tastatur.<br/>"
        "Darum steht die Adresse immer auch als Text da.</li>"
        "<li>Manche Dokumente.<br/>Diese Dokumente kommen von Vereinen und anderen Stellen.<br/>"
        "Manche Dokumente sind schwer zu lesen.</li>"
        "<li>Das Forum.<br/>Im Forum schreiben Eltern selbst.<br/>"
        "Diese Texte sind manchmal schwer zu verstehen.</li>"
        "</ul>"
        "<p>Wir arbeiten daran.</p>"
        '<p>Mehr dazu steht in der <a linktype="page" id="{statement}">Erklärung zur Barriere-Freiheit</a>.<br/>'
        "Diese Erklärung ist in schwerer Sprache.</p>",
    ),
    (
        "Sagen Sie uns Bescheid",
        "<p>Sie haben ein Problem mit einer Seite?<br/>"
        "Zum Beispiel: Sie können einen Text nicht lesen.<br/>"
        "Oder ein Knopf funktioniert nicht.<br/>"
        "Dann schreiben Sie uns.</p>"
        "<p>Ganz unten auf jeder Seite ist ein Link.<br/>"
        "Der Link heißt: Barriere melden.<br/>"
        "Dort ist ein Formular.<br/>"
        "Ein Formular ist wie ein Brief.<br/>"
        "Sie schreiben in das Formular: Das ist das Problem.</p>"
        "<p>Ihren Namen müssen Sie nicht schreiben.<br/>"
        "Sie möchten eine Antwort?<br/>"
        "Dann schreiben Sie Ihre E-Mail-Adresse dazu.</p>"
        "{phone}",
    ),
]


def _sections(sections, *, statement: Page, phone: str = "") -> list:
    phone_html = f"<p>Sie können uns auch anrufen.<br/>Die Telefon-Nummer ist: {phone}</p>" if phone else ""
    return [
        (
            "section",
            {
                "heading": heading,
                "text": RichText(html.replace("{statement}", str(statement.pk)).replace("{phone}", phone_html)),
                "image": None,
            },
        )
        for heading, html in sections
    ]


def ensure_statement(home: Page) -> AccessibilityStatementPage:
    today = timezone.localdate()
    return ensure_section(
        home,
        AccessibilityStatementPage(
            title="Erklärung zur Barrierefreiheit",
            slug="barrierefreiheit",
            show_in_menus=False,
            status=AccessibilityStatementPage.Status.PARTIAL,
            created_on=today,
            reviewed_on=today,
            assessment=ASSESSMENT,
            body=[("paragraph", RichText(html)) for html in STATEMENT_BODY],
            barriers=[
                ("barrier", {"title": title, "reason": reason, "alternative": alternative})
                for title, reason, alternative in BARRIERS
            ],
            feedback_intro=FEEDBACK_INTRO,
            enforcement=ENFORCEMENT,
        ),
    )


def ensure_guide(home: Page, *, statement: Page) -> EasyLanguageGuidePage:
    return ensure_section(
        home,
        EasyLanguageGuidePage(
            title=GUIDE_TITLE,
            slug=GUIDE_SLUG,
            show_in_menus=False,
            intro=GUIDE_INTRO,
            sections=_sections(GUIDE_SECTIONS, statement=statement),
        ),
    )


def seed() -> list[str]:
    """The German statement and guide, below the home page and outside the menu (the footer links to them)."""
    home = Site.objects.get(is_default_site=True).root_page
    statement = ensure_statement(home)
    ensure_guide(home, statement=statement)
    return ["Barrierefreiheit: Erklärung und Erklärung des Portals"]


def seed_easy_language() -> list[str]:
    """The guide in Leichte Sprache: the Leichte Sprache page tree holds an alias of the German guide (the German
    text under the Leichte Sprache address); it becomes a page of its own with the text written in Leichte Sprache.
    Without that locale nothing happens; a page the editors already wrote stays as it is."""
    locale = Locale.objects.filter(language_code=settings.EASY_GERMAN).first()
    guide = EasyLanguageGuidePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    statement = AccessibilityStatementPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if locale is None or guide is None or statement is None:
        return []
    easy = guide.get_translation_or_none(locale)
    if easy is None:
        # The locale exists but its tree was built without the guide: translate it where its parent is translated.
        if guide.get_parent().get_translation_or_none(locale) is None:
            return []
        easy = guide.copy_for_translation(locale)
    elif easy.alias_of_id is None:
        return []
    easy = easy.specific
    site = Site.objects.get(is_default_site=True)
    easy.title = EASY_TITLE
    easy.draft_title = EASY_TITLE
    easy.intro = EASY_INTRO
    easy.sections = _sections(EASY_SECTIONS, statement=statement, phone=PortalSettings.for_site(site).contact_phone)
    easy.alias_of_id = None
    easy.save()
    easy.save_revision().publish()
    return ["Leichte Sprache: Erklärung des Portals"]
