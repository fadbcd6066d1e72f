"""Searching translated content through the site: each reader searches their language plus the German originals
not translated for them; aliases and translations still under review are never indexed; German hits lead to the
page in the reader's language and are marked as German."""

import importlib
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page

from home.translations.models import PendingTranslation
from home.translations.services import locales_enable
from search.models import SearchEntry
from tests.factories import make_offer

pytestmark = pytest.mark.django_db

LANGUAGES = ["de-x-ls", "en", "tr", "ar", "uk", "ru"]
SWIMMING = {
    "en": {
        "Schwimmkurs für Kinder": "Swimming lessons for children",
        "Kinder lernen im Hallenbad Saarn schwimmen.": "Children learn to swim at the Saarn indoor pool.",
    },
    "tr": {
        "Schwimmkurs für Kinder": "Çocuklar için yüzme kursu",
        "Kinder lernen im Hallenbad Saarn schwimmen.": "Çocuklar Saarn kapalı yüzme havuzunda yüzmeyi öğrenir.",
    },
    "ru": {
        "Schwimmkurs für Kinder": "Курсы плавания для детей",
        "Kinder lernen im Hallenbad Saarn schwimmen.": "Дети учатся плавать в крытом бассейне Саарна.",
    },
    "ar": {
        "Schwimmkurs für Kinder": "دروس السباحة للأطفال",
        "Kinder lernen im Hallenbad Saarn schwimmen.": "يتعلم الأطفال السباحة في المسبح المغطى في زارن.",
    },
    "uk": {
        "Schwimmkurs für Kinder": "Курси плавання для дітей",
        "Kinder lernen im Hallenbad Saarn schwimmen.": "Діти вчаться плавати в критому басейні Зарна.",
    },
    "de-x-ls": {
        "Schwimmkurs für Kinder": "Schwimmen lernen für Kinder",
        "Kinder lernen im Hallenbad Saarn schwimmen.": "Kinder lernen schwimmen. Im Hallenbad in Saarn. Der Schwimm-Kurs ist für Kinder ab 5 Jahren.",
    },
}


def translate(page, language: str, strings: dict[str, str], *, publish: bool = True) -> Page:
    """Translate `page` with wagtail-localize as the translation editor does (segments without a translation keep
    their German text, the slug too); `publish=False` leaves it where the Redaktion's review would: converted
    from its alias, waiting."""
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    locale = Locale.objects.get(language_code=language)
    source, _created = TranslationSource.update_or_create_from_instance(page)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data], "translation_type": "manual"},
            )
    Translation.objects.get_or_create(source=source, target_locale=locale)
    translated, _created = source.create_or_update_translation(locale, publish=False, fallback=True)
    if publish:
        translated.get_latest_revision().publish()
    return Page.objects.get(pk=translated.pk)


@pytest.fixture
def city(home_page, offers_page, indexing):
    """Every language switched on (aliases for every page), a swimming course and a gym class in German."""
    with indexing():
        locales_enable(LANGUAGES)
        swimming = make_offer(
            offers_page,
            title="Schwimmkurs für Kinder",
            slug="schwimmkurs",
            summary="Kinder lernen im Hallenbad Saarn schwimmen.",
        )
        gym = make_offer(
            offers_page,
            title="Kinderturnen Styrum",
            slug="kinderturnen-styrum",
            summary="Turnen und Toben für Kinder ab drei Jahren in der Halle Styrum.",
        )
    return swimming, gym


def _results(client, language: str, q: str, *, marks: bool = False) -> str:
    """The results page in `language` for `q` (without the <mark> highlights unless asked for)."""
    response = client.get(f"/{language}/suche/", {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    return html if marks else html.replace("<mark>", "").replace("</mark>", "")


@pytest.mark.parametrize(
    "language, q",
    [("en", "swimming"), ("tr", "yüzme"), ("ru", "плавание"), ("ar", "سباحة"), ("uk", "плавання")],
)
def test_a_translated_offer_is_found_in_the_readers_language_and_the_german_original_not_twice(
    client, city, indexing, language, q
):
    swimming, _gym = city
    with indexing():
        translate(swimming, language, SWIMMING[language])
    title = SWIMMING[language]["Schwimmkurs für Kinder"]
    html = _results(client, language, q)
    assert f'<a href="/{language}/angebote/schwimmkurs/"><bdi>{title}</bdi></a>' in html, html
    # The API (no language prefix) reads the reader's language from the browser, like every page.
    data = client.get("/api/v1/search", {"q": q}, HTTP_ACCEPT_LANGUAGE=language).json()
    assert [(r["title"], r["url"]) for r in data["results"]] == [
        (title, f"http://testserver/{language}/angebote/schwimmkurs/")
    ]
    # The German original has its translation in this language: German words do not list it a second time.
    assert "Schwimmkurs für Kinder" not in _results(client, language, "schwimmkurs")
    assert SearchEntry.objects.get(key=f"page:{swimming.pk}").translated_to == [language]


def test_a_german_original_without_translation_is_found_in_english_linked_in_english_and_marked_german(
    client, city, indexing
):
    _swimming, gym = city
    html = _results(client, "en", "kinderturnen", marks=True)
    link = '<a href="/en/angebote/kinderturnen-styrum/" lang="de" dir="ltr"><bdi><mark>Kinderturnen</mark> Styrum</bdi></a>'
    assert link in html, html
    assert '<p class="result__snippet" lang="de" dir="ltr">' in html
    assert client.get("/en/angebote/kinderturnen-styrum/").status_code == 200
    # In Arabic (right to left) the German text keeps its own direction.
    assert '<a href="/ar/angebote/kinderturnen-styrum/" lang="de" dir="ltr">' in _results(client, "ar", "kinderturnen")
    # A forum topic (German, not a page) leads to the same conversation under the reader's prefix.
    from tests.factories import ParentFactory, make_forum, make_topic

    with indexing():
        make_topic(make_forum(), ParentFactory(), "Kinderturnen am Samstag?", "Wer kennt eine Gruppe?")
    html = _results(client, "en", "kinderturnen samstag")
    assert re.search(
        r'<a href="/en/forum/[^"]+/topic/[^"]+" lang="de" dir="ltr"><bdi>Kinderturnen am Samstag\?</bdi></a>', html
    ), html
    # German readers get it as it is.
    assert '<a href="/de/angebote/kinderturnen-styrum/"><bdi>Kinderturnen Styrum</bdi></a>' in _results(
        client, "de", "kinderturnen"
    )


def test_alias_pages_are_never_indexed_and_translated_to_lists_only_real_translations(city, indexing):
    swimming, gym = city
    with indexing():
        english = translate(swimming, "en", SWIMMING["en"])
    aliases = set(Page.objects.filter(alias_of__isnull=False).values_list("pk", flat=True))
    assert gym.pk in Page.objects.filter(pk__in=aliases).values_list("alias_of", flat=True)  # 6 copies each
    expected = {f"page:{swimming.pk}", f"page:{gym.pk}", f"page:{english.pk}"}

    def check():
        keys = set(SearchEntry.objects.values_list("key", flat=True))
        assert keys == expected
        assert not keys & {f"page:{pk}" for pk in aliases}
        assert SearchEntry.objects.get(key=f"page:{gym.pk}").translated_to == []
        assert SearchEntry.objects.get(key=f"page:{swimming.pk}").translated_to == ["en"]
        assert SearchEntry.objects.get(key=f"page:{english.pk}").language == "en"

    check()
    call_command("search_reindex", stdout=io.StringIO())
    check()


def test_a_pending_translation_is_not_indexed_until_it_is_approved(client, city, indexing):
    swimming, _gym = city
    with indexing():
        pending = translate(swimming, "en", SWIMMING["en"], publish=False)
    assert PendingTranslation.objects.filter(page_id=pending.pk).exists() and pending.live
    assert not SearchEntry.objects.filter(key=f"page:{pending.pk}").exists()
    assert "Swimming lessons" not in _results(client, "en", "swimming")
    # Meanwhile English readers find the German original, on the English page.
    assert '<a href="/en/angebote/schwimmkurs/" lang="de" dir="ltr">' in _results(client, "en", "schwimmkurs")

    with indexing():
        pending.get_latest_revision().publish()  # the Redaktion approves
    assert not PendingTranslation.objects.exists()
    assert '<a href="/en/angebote/schwimmkurs/"><bdi>Swimming lessons for children</bdi></a>' in _results(
        client, "en", "swimming"
    )
    assert "Schwimmkurs für Kinder" not in _results(client, "en", "schwimmkurs")
    assert SearchEntry.objects.get(key=f"page:{swimming.pk}").translated_to == ["en"]


def test_a_copy_taken_out_of_review_or_a_deleted_translation_reach_the_index(client, city, indexing):
    swimming, _gym = city
    with indexing():
        pending = translate(swimming, "en", SWIMMING["en"], publish=False)
    with indexing():
        PendingTranslation.objects.filter(page_id=pending.pk).delete()  # its text counts as its own now
    assert SearchEntry.objects.filter(key=f"page:{pending.pk}", language="en").exists()
    assert SearchEntry.objects.get(key=f"page:{swimming.pk}").translated_to == ["en"]

    with indexing():
        Page.objects.get(pk=pending.pk).delete()
    assert not SearchEntry.objects.filter(key=f"page:{pending.pk}").exists()
    assert SearchEntry.objects.get(key=f"page:{swimming.pk}").translated_to == []
    assert "Schwimmkurs für Kinder" in _results(client, "en", "schwimmkurs")


def test_leichte_sprache_is_searched_as_german_with_the_german_originals(client, city, indexing):
    swimming, gym = city
    with indexing():
        easy = translate(swimming, "de-x-ls", SWIMMING["de-x-ls"])
    entry = SearchEntry.objects.get(key=f"page:{easy.pk}")
    assert entry.language == "de-x-ls"
    assert {"schwimm", "kurs"} <= set(entry.body_tokens.split())  # "Schwimm-Kurs" analysed as German
    # "Schwimmkurse": a German compound in the plural meets "Schwimm-Kurs".
    html = _results(client, "de-x-ls", "schwimmkurse")
    assert '<a href="/de-x-ls/angebote/schwimmkurs/"><bdi>Schwimmen lernen für Kinder</bdi></a>' in html
    assert "Schwimmkurs für Kinder" not in html
    html = _results(client, "de-x-ls", "kinderturnen")
    assert '<a href="/de-x-ls/angebote/kinderturnen-styrum/" lang="de" dir="ltr">' in html
    # German readers get the German original, never the easy-to-read version.
    html = _results(client, "de", "schwimmkurse")
    assert "Schwimmkurs für Kinder" in html and "Schwimmen lernen für Kinder" not in html


def test_each_entry_is_indexed_with_the_analysis_of_its_language(city, indexing):
    swimming, _gym = city
    with indexing():
        for language in ("en", "tr", "uk", "de-x-ls"):
            translate(swimming, language, SWIMMING[language])
    keys = dict(SearchEntry.objects.values_list("language", "id"))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            expected = {"de": "german", "de-x-ls": "german", "en": "english", "tr": "turkish", "uk": "simple"}
            for language, config in expected.items():
                cursor.execute(
                    "SELECT search_vector = setweight(to_tsvector(%s::regconfig, title_tokens), 'A') "
                    "|| setweight(to_tsvector(%s::regconfig, body_tokens), 'B') FROM portal_search_searchentry "
                    "WHERE id = %s",
                    [config, config, keys[language]],
                )
                assert cursor.fetchone() == (True,), language
        else:
            cursor.execute("SELECT rowid, lang FROM portal_search_fts")
            analysis = dict(cursor.fetchall())
            assert {language: analysis[pk] for language, pk in keys.items()} == {
                "de": "de",
                "de-x-ls": "de",
                "en": "en",
                "tr": "tr",
                "uk": "uk",
            }


def test_the_migration_reanalyses_old_entries_and_drops_aliases(client, city, indexing):
    """An index written before this change: every entry analysed as German, aliases indexed as translations."""
    from django.apps import apps

    from search.analysis import analyze
    from search.engines.database import DatabaseEngine

    swimming, gym = city
    with indexing():
        english = translate(swimming, "en", SWIMMING["en"])
    alias = gym.get_translation(Locale.objects.get(language_code="en"))
    old = SearchEntry.objects.create(
        key=f"page:{alias.pk}", kind="angebot", title=gym.title, text=gym.summary, url="/en/x/", language="en"
    )
    SearchEntry.objects.filter(key=f"page:{gym.pk}").update(translated_to=LANGUAGES)
    for entry in SearchEntry.objects.all():
        entry.title_tokens, entry.body_tokens = " ".join(analyze(entry.title)), " ".join(analyze(entry.text))
        entry.save()
    DatabaseEngine().index_entries(list(SearchEntry.objects.all()))

    class SchemaEditor:
        def __init__(self):
            self.connection = connection

        def execute(self, sql, params=()):
            with connection.cursor() as cursor:
                cursor.execute(sql, params)

    migration = importlib.import_module("search.migrations.0002_entries_per_language")
    migration.forward(apps, SchemaEditor())

    assert not SearchEntry.objects.filter(pk=old.pk).exists()
    assert SearchEntry.objects.get(key=f"page:{gym.pk}").translated_to == []
    assert "swim" in SearchEntry.objects.get(key=f"page:{english.pk}").title_tokens.split()  # English stem now
    assert '<a href="/en/angebote/kinderturnen-styrum/" lang="de"' in _results(client, "en", "kinderturnen")
    assert "Swimming lessons for children" in _results(client, "en", "swimming")
