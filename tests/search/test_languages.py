"""Translated content: each reader searches their language, plus German content not translated for them."""

import pytest

from search.documents import SearchDocument
from search.models import SearchEntry
from search.query import SearchQuery
from search.services import entry_fields, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(db):
    documents = [
        SearchDocument(
            key="page:1",
            kind="angebot",
            title="Schwimmkurs für Kinder",
            url="/de/schwimmkurs/",
            text="Schwimmen lernen im Hallenbad.",
            translated_to=["en", "tr"],
        ),
        SearchDocument(
            key="page:2",
            kind="angebot",
            title="Swimming lessons for children",
            url="/en/swimming/",
            text="Children learn swimming at the indoor pool.",
            language="en",
        ),
        SearchDocument(
            key="page:3",
            kind="angebot",
            title="Çocuklar için yüzme kursları",
            url="/tr/yuzme/",
            text="Kapalı havuzda yüzme öğrenmek.",
            language="tr",
        ),
        SearchDocument(
            key="page:4", kind="angebot", title="Kinderturnen Saarn", url="/de/turnen/", text="Turnen für Kinder."
        ),
        SearchDocument(
            key="page:5",
            kind="seite",
            title="Patenschaften für Familien",
            url="/de/paten/",
            text="Ehrenamtliche Patinnen und Paten begleiten Familien im Alltag.",
            translated_to=["de-x-ls"],
        ),
        # Leichte Sprache: German analysis, compound joints marked with the middle dot.
        SearchDocument(
            key="page:6",
            kind="seite",
            title="Paten·schaft für Familien",
            url="/de-x-ls/paten/",
            text="Ein Pate hilft Ihrer Familie im Alltag. Der Pate bekommt kein Geld dafür.",
            language="de-x-ls",
        ),
    ]
    created = [SearchEntry.objects.create(key=d.key, **entry_fields(d)) for d in documents]
    from search.services import database_engine

    database_engine().index_entries(created)
    return created


def _titles(q: str, language: str) -> list[str]:
    return [hit.title for hit in search(SearchQuery(text=q, language=language)).hits]


def _check(language_titles):
    assert language_titles("schwimmkurs", "de") == ["Schwimmkurs für Kinder"]
    assert language_titles("swimming", "de") == []
    assert language_titles("swimming", "en") == ["Swimming lessons for children"]
    # German content without an English version is still there for English readers …
    assert language_titles("kinderturnen", "en") == ["Kinderturnen Saarn"]
    # … but a German original with a translation is not listed twice.
    # (The English translation itself may come, through the glossary's "swimming lessons"; the cluster's terms
    # field is not split by language.)
    assert "Schwimmkurs für Kinder" not in language_titles("schwimmkurs", "en")
    # Leichte Sprache is German for the analysis ("Paten·schaft" is the compound "Patenschaft", "Paten" meets "Pate")
    # and its readers also get the German originals without an easy-to-read version.
    assert language_titles("patenschaft", "de-x-ls") == ["Paten·schaft für Familien"]
    assert language_titles("paten familien", "de-x-ls") == ["Paten·schaft für Familien"]
    # A compound matches as the whole word or with all its parts: not every text with "Kinder" in it.
    assert language_titles("kinderturnen", "de-x-ls") == ["Kinderturnen Saarn"]
    assert sorted(language_titles("kinder", "de-x-ls")) == ["Kinderturnen Saarn", "Schwimmkurs für Kinder"]
    assert language_titles("patenschaft", "de") == ["Patenschaften für Familien"]


def test_languages_on_the_database_engine(entries):
    _check(_titles)


@pytest.mark.search_engine
def test_languages_on_the_search_engine_with_their_own_analyzers(entries, cluster):
    cluster.ensure_index()
    cluster.write(entries)
    cluster.refresh()
    _check(_titles)
    assert _titles("swimming lesson", "en") == ["Swimming lessons for children"]  # English stemming
    assert _titles("yüzme kursu", "tr") == ["Çocuklar için yüzme kursları"]  # Turkish stemming
    assert _titles("kurs", "tr") == ["Çocuklar için yüzme kursları"]
