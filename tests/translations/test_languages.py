"""Every public page type in every language: the interface is in the reader's language, and whatever is still
German (content not translated yet) is marked lang="de" — never German interface text outside such a mark."""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings

from home.translations import services
from tests.factories import (
    ContentPageFactory,
    changing_place_index,
    contact_point_index,
    district,
    district_index,
    kita_index,
    make_article,
    make_changing_place,
    make_contact_point,
    make_daycare,
    make_event,
    make_offer,
    offer_index,
    wiki_index,
)

LANGUAGES = ["en", "tr", "ar", "uk", "ru"]
# Words that only German uses (none is an English, Turkish or transliterated word), and any word with ä ö ü ß.
GERMAN_WORDS = set(
    "und für nicht oder sie ihre ihren ihr ist sind werden wird auf zum zur bei noch keine keinen mehr hier der das "
    "dem den des ein eine einen einer mit von über uhr seite suche angebote jetzt geöffnet geschlossen heute "
    "morgen alle zurück weiter anmelden abmelden konto kontakt öffnungszeiten".split()
)
UMLAUT = re.compile(r"[äöüßÄÖÜ]")
# Turkish writes ö and ü itself (Türkçe, Üye ol): there only ä and ß give German away.
LANGUAGE_UMLAUT = {"tr": re.compile(r"[äßÄ]")}
WORD = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits: the age-group codes U3 and Ü3 stay whole
# Proper names of the test city: they are the same in every language.
NAMES = {"mülheim", "ruhr", "styrum", "saarn", "heißen", "moritzstraße", "kirchstraße", "hauptstraße", "ü3", "u3"}
CITY = "Mülheim an der Ruhr"


class Collector(HTMLParser):
    """Text and readable attributes of a page, each with the language the markup declares for it."""

    READABLE = ("title", "aria-label", "placeholder", "alt")
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.found: list[tuple[str, str]] = []  # (language, text)
        self.html_lang = ""

    def lang(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        language = attrs.get("lang", self.lang())
        if tag == "html":
            self.html_lang = language
        for name in self.READABLE:
            if attrs.get(name):
                self.found.append((language, attrs[name]))
        if tag not in self.VOID:
            self.stack.append((tag, language))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        # <title> holds the page's title (content) and cannot carry a language of its own.
        if self.stack and self.stack[-1][0] in ("script", "style", "title"):
            return
        if data.strip():
            self.found.append((self.lang(), data))


def german_interface_strings(language: str) -> set[str]:
    """Our German msgids that have a different text in `language` (so seeing them means a missing translation)."""
    po = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"))
    return {
        " ".join(entry.msgid.split())
        for entry in po
        if not entry.msgid_plural and entry.msgstr and entry.msgstr != entry.msgid and "%" not in entry.msgid
        if len(entry.msgid) >= 4 and "{" not in entry.msgid
    }


def german_leaks(html: str, language: str) -> list[str]:
    parser = Collector()
    parser.feed(html)
    assert parser.html_lang == language
    interface = german_interface_strings(language)
    umlaut = LANGUAGE_UMLAUT.get(language, UMLAUT)
    leaks = []
    for declared, text in parser.found:
        if declared != language:
            continue  # marked German (content not translated yet) or another language (a language's own name)
        normal = " ".join(text.split())
        if normal in interface:
            leaks.append(f"{normal[:90]!r}")
            continue
        normal = normal.replace(CITY, "")
        words = [word.lower() for word in WORD.findall(normal)]
        suspicious = [w for w in words if w not in NAMES and (w in GERMAN_WORDS or umlaut.search(w))]
        if suspicious:
            leaks.append(f"{normal[:90]!r} {suspicious}")
    return leaks


@pytest.fixture
def city(home_page):
    """One page of every public type, in German, and the five other languages switched on."""
    styrum = district("styrum")
    offers = offer_index(home_page)
    offer = make_offer(offers, title="Babyschwimmen Styrum", district=styrum, street="Moritzstraße 12")
    kitas = kita_index(home_page)
    kita = make_daycare(kitas, title="Kita Sonnenblume", district=styrum, lat="51.45", lon="6.86")
    minder = make_daycare(kitas, title="Tagespflege Anna", district=styrum, lat="51.45", lon="6.86", childminder=True)
    points = contact_point_index(home_page)
    point = make_contact_point(points, district=styrum, services=["Beratung"])
    event = make_event(point, title="Elterncafé", start_date=datetime.date.today() + datetime.timedelta(days=2))
    places = changing_place_index(home_page)
    place = make_changing_place(places, title="Stadtbibliothek", district=styrum)
    wiki = wiki_index(home_page)
    article = make_article(wiki)
    content = ContentPageFactory(parent=home_page, title="Über uns", slug="ueber-uns", intro="Wer wir sind.")
    districts = district_index(home_page)
    services.locales_enable(LANGUAGES)
    paths = [
        "",
        offers.slug + "/",
        offers.slug + "/" + offer.slug + "/",
        kitas.slug + "/",
        kitas.slug + "/" + kita.slug + "/",
        kitas.slug + "/" + minder.slug + "/",
        points.slug + "/",
        points.slug + "/" + point.slug + "/",
        points.slug + "/" + point.slug + "/" + event.slug + "/",
        places.slug + "/",
        places.slug + "/" + place.slug + "/",
        wiki.slug + "/",
        wiki.slug + "/" + article.slug + "/",
        districts.slug + "/",
        districts.slug + "/styrum/",
        content.slug + "/",
        "suche/?q=Schwimmen",
        "forum/",
    ]
    return paths


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_german_interface_text_outside_german_content(client, city, language):
    problems = {}
    for path in city:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, f"/{language}/{path}"
        leaks = german_leaks(response.content.decode(), language)
        if leaks:
            problems[f"/{language}/{path}"] = leaks[:8]
    assert not problems, "\n".join(f"{url}: {leaks}" for url, leaks in problems.items())


def test_untranslated_page_says_so_in_the_readers_language_and_marks_the_german_text(client, city):
    html = client.get("/tr/" + city[2]).content.decode()
    assert 'class="translation-notice"' in html
    assert re.search(r'<h1 lang="de" dir="ltr">(<bdi>)?Babyschwimmen Styrum(</bdi>)?</h1>', html)
    # The reader's menus stay Turkish, and a German page is not advertised as a Turkish alternate.
    assert 'hreflang="tr"' in html and '<link rel="alternate" hreflang="tr"' not in html


def test_the_detector_finds_german_interface_text():
    # Guards the test above: unmarked German and a German catalogue string are found, marked German is not.
    html = (
        '<html lang="en"><body><p>Öffnungszeiten</p><p lang="de">Über uns und mehr</p>'
        '<button title="Suche starten">Go</button><p>Opening hours</p></body></html>'
    )
    leaks = german_leaks(html, "en")
    assert len(leaks) == 2 and "Öffnungszeiten" in leaks[0] and "Suche starten" in leaks[1]
