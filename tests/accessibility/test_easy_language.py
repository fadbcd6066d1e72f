"""The guide to the portal in Leichte Sprache, the demo that writes it, and the footer links on every page:
"Barrierefreiheit" and "Barriere melden" in the reader's language, "Leichte Sprache" once the guide is written in
Leichte Sprache, "Gebärdensprache" when the guide has a video."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Locale
from wagtail.rich_text import RichText

from home.accessibility import demo
from home.accessibility.models import AccessibilityStatementPage, EasyLanguageGuidePage
from home.accessibility.selectors import footer_pages, footer_urls
from home.translations import services as translations
from tests.factories import easy_guide, statement_page

pytestmark = pytest.mark.django_db


def footer(client, path: str = "/de/") -> str:
    return client.get(path).content.decode().split('<footer class="site-footer">')[1].split("</footer>")[0]


def easy_german() -> Locale:
    return Locale.objects.get_or_create(language_code=settings.EASY_GERMAN)[0]


def test_the_guide_shows_its_sections_and_its_sign_language_video(client, home_page):
    video = Document.objects.create(title="dgs.mp4", file=ContentFile(b"\x00", name="dgs.mp4"))
    guide = easy_guide(
        home_page,
        sign_language_video=[
            (
                "video",
                {
                    "title": "Das Portal in Gebärdensprache",
                    "video": video,
                    "captions": None,
                    "poster": None,
                    "transcript": RichText("<p>Hallo. Hier erklären wir das Portal.</p>"),
                },
            )
        ],
    )
    html = client.get(guide.url).content.decode()
    assert '<h2 id="abschnitt-1">Was finden Sie hier?</h2>' in html and "Kitas und Angebote." in html
    section = html.split('id="gebaerdensprache"')[1].split("</section>")[0]
    assert "In Deutscher Gebärdensprache" in section and "<video" in section
    assert "Hallo. Hier erklären wir das Portal." in section


def test_footer_links_to_the_statement_and_to_the_form_with_the_current_page(client, home_page):
    assert "Barrierefreiheit" not in footer(client)  # no statement yet: no link to nowhere
    statement = statement_page(home_page)
    easy_guide(home_page)
    html = footer(client, "/de/")
    assert f'<a href="{statement.url}">Barrierefreiheit</a>' in html
    assert f'<a href="{statement.url}?seite=%2Fde%2F#barriere-melden">Barriere melden</a>' in html
    # Without the Leichte Sprache locale there is no Leichte Sprache page, so no link that promises one.
    assert "Leichte Sprache" not in html and "Gebärdensprache" not in html
    # On the statement itself the form is right there: no page to pass on.
    assert f'<a href="{statement.url}#barriere-melden">Barriere melden</a>' in footer(client, statement.url)


def test_the_footer_finds_its_pages_in_one_query_then_reads_the_cache_until_a_page_changes(
    client, home_page, django_assert_num_queries
):
    statement = statement_page(home_page)
    easy_guide(home_page)
    with django_assert_num_queries(1):
        pages = footer_pages(language="de")
        assert pages.statement.url_path.endswith("/barrierefreiheit/")
        assert pages.guide.url_path.endswith("/so-nutzen-sie-das-familienportal/")
        assert pages.easy_guide is None and pages.sign_language is False
    assert footer_urls(language="de")["statement"] == "/de/barrierefreiheit/"
    # The footer is on every page: it costs no query once its links are known.
    with django_assert_num_queries(0):
        assert footer_urls(language="de")["statement"] == "/de/barrierefreiheit/"
    # A new address is in the footer right after publishing.
    statement.slug = "erklaerung-barrierefreiheit"
    statement.save_revision().publish()
    assert '<a href="/de/erklaerung-barrierefreiheit/">Barrierefreiheit</a>' in footer(client)
    statement.unpublish()
    assert "Barrierefreiheit" not in footer(client)


def test_footer_links_to_the_statement_in_the_readers_language(client, home_page):
    statement = statement_page(home_page)
    english = Locale.objects.get(language_code="en")
    home_page.copy_for_translation(english, alias=True)
    statement.copy_for_translation(english, alias=True)
    assert '<a href="/en/barrierefreiheit/">' in footer(client, "/en/")
    # Until it is translated, the English address shows the German statement, marked as German for screen readers.
    html = client.get("/en/barrierefreiheit/").content.decode()
    assert '<h1 lang="de" dir="ltr">Erklärung zur Barrierefreiheit</h1>' in html
    assert '<ul class="barrier-list" lang="de" dir="ltr">' in html
    assert '<a href="/de/barrierefreiheit/">' in footer(client, "/de/")
    # A language without its own page tree links to the German statement.
    assert '<a href="/de/barrierefreiheit/">' in footer(client, "/tr/")


def test_demo_creates_the_german_statement_and_guide_and_skips_leichte_sprache_without_its_locale(client, home_page):
    Locale.objects.filter(language_code=settings.EASY_GERMAN).delete()
    assert demo.seed() and demo.seed_easy_language() == []
    statement = AccessibilityStatementPage.objects.get()
    guide = EasyLanguageGuidePage.objects.get()
    assert statement.live and statement.status == AccessibilityStatementPage.Status.PARTIAL
    assert not statement.show_in_menus and not guide.show_in_menus
    barriers = [block.value["title"] for block in statement.barriers]
    assert barriers[:3] == ["Karten", "Dokumente von Anbietern", "Beiträge im Elternforum"]
    assert "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen" in statement.enforcement
    assert guide.live and guide.title == "So nutzen Sie das Familienportal"
    headings = [block.value["heading"] for block in guide.sections]
    assert headings == [
        "Was finden Sie hier?",
        "So finden Sie sich zurecht",
        "Wie barrierefrei ist das Portal?",
        "Barriere melden",
    ]
    html = client.get(guide.url).content.decode()
    assert f'href="{statement.url}"' in html  # the guide links to the statement
    # Running it again changes nothing.
    demo.seed()
    assert AccessibilityStatementPage.objects.count() == 1 and EasyLanguageGuidePage.objects.count() == 1


def test_demo_writes_the_leichte_sprache_guide_over_its_alias(client, home_page):
    """The translations step switches the languages on (an alias of every German page in each locale); the demo then
    turns the guide's alias into a page of its own with the text in Leichte Sprache, and the footer links to it."""
    demo.seed()
    guide = EasyLanguageGuidePage.objects.get()
    translations.locales_enable([settings.EASY_GERMAN])
    locale = Locale.objects.get(language_code=settings.EASY_GERMAN)
    alias = guide.get_translation(locale)
    assert alias.alias_of_id == guide.pk
    assert "Leichte Sprache" not in footer(client)  # an alias still shows the German text

    assert demo.seed_easy_language() == ["Leichte Sprache: Erklärung des Portals"]
    easy = EasyLanguageGuidePage.objects.get(locale=locale)
    assert easy.pk == alias.pk and easy.alias_of_id is None and easy.live
    assert easy.title == "So benutzen Sie das Familien-Portal"
    assert easy.get_latest_revision().content["title"] == "So benutzen Sie das Familien-Portal"
    guide.refresh_from_db()
    assert guide.title == "So nutzen Sie das Familienportal"  # the German page stays as it was

    response = client.get(easy.url)
    html = response.content.decode()
    assert response.status_code == 200 and easy.url.startswith(f"/{settings.EASY_GERMAN}/")
    assert f'<html lang="{settings.EASY_GERMAN}"' in html
    assert "Die Tab-Taste ist links auf der Tastatur." in html and "Barriere-Freiheit" in html
    link = f'<a href="{easy.url}" lang="{settings.EASY_GERMAN}" hreflang="{settings.EASY_GERMAN}">Leichte Sprache</a>'
    assert link in footer(client, "/de/")

    # What the editors write afterwards is theirs: a second run leaves it alone.
    easy.intro = "Von der Redaktion geändert."
    easy.save_revision().publish()
    assert demo.seed_easy_language() == []
    easy.refresh_from_db()
    assert easy.intro == "Von der Redaktion geändert."


def test_demo_translates_the_guide_when_the_leichte_sprache_tree_lacks_it(home_page):
    demo.seed()
    locale = easy_german()
    home_page.copy_for_translation(locale, alias=True)
    assert demo.seed_easy_language() == ["Leichte Sprache: Erklärung des Portals"]
    easy = EasyLanguageGuidePage.objects.get(locale=locale)
    assert easy.live and easy.alias_of_id is None and easy.intro == demo.EASY_INTRO


def test_demo_skips_leichte_sprache_when_its_tree_has_no_home_page(home_page):
    demo.seed()
    easy_german()
    assert demo.seed_easy_language() == []
    assert not EasyLanguageGuidePage.objects.filter(locale__language_code=settings.EASY_GERMAN).exists()


def test_footer_offers_sign_language_when_the_guide_has_a_video(client, home_page):
    video = Document.objects.create(title="dgs.webm", file=ContentFile(b"\x00", name="dgs.webm"))
    guide = easy_guide(home_page)
    guide.sign_language_video = [
        (
            "video",
            {"title": "DGS", "video": video, "captions": None, "poster": None, "transcript": RichText("<p>Text</p>")},
        )
    ]
    guide.save_revision().publish()
    assert f'<a href="{guide.url}#gebaerdensprache">Gebärdensprache</a>' in footer(client)


def german_interface_text(html: str, language: str) -> list[str]:
    """German interface text outside a lang mark: a catalogue string left in German, or a word only German uses.
    (The test in tests/translations also counts any word with ä, ö or ü, which Turkish words have as well.)"""
    from tests.translations.test_languages import CITY, GERMAN_WORDS, WORD, Collector, german_interface_strings

    parser = Collector()
    parser.feed(html)
    assert parser.html_lang == language
    interface = german_interface_strings(language)
    leaks = []
    for declared, text in parser.found:
        normal = " ".join(text.split())
        if declared == language and (
            normal in interface or any(word.lower() in GERMAN_WORDS for word in WORD.findall(normal.replace(CITY, "")))
        ):
            leaks.append(normal[:90])
    return leaks


@pytest.mark.parametrize("language", ["en", "tr", "ar", "uk", "ru"])
def test_statement_form_and_guide_speak_the_readers_language(client, home_page, language):
    """In every language the interface of both pages is translated; the German statement and guide (not translated
    yet) are marked lang="de"."""
    statement = statement_page(home_page)
    guide = easy_guide(home_page)
    translations.locales_enable([language])
    problems = {}
    for url in (f"/{language}/{statement.slug}/", f"/{language}/{guide.slug}/", f"/{language}/{statement.slug}/danke/"):
        response = client.get(url)
        assert response.status_code == 200, url
        if leaks := german_interface_text(response.content.decode(), language):
            problems[url] = leaks
    assert not problems, problems
    # An invalid report is explained in the reader's language as well.
    html = client.post(f"/{language}/{statement.slug}/", {"description": ""}).content.decode()
    assert "Bitte beschreiben Sie die Barriere." not in html and not german_interface_text(html, language)
