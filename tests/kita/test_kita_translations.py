"""Pedagogical focus translated with wagtail-localize: the Kita search and Kita pages name it in the reader's
language, the filter keeps its German slug in every language."""

import pytest

from core.translatable import forget_translated_values
from home.directory.models import Language
from home.kita.models import KitaFocus, KitaPage
from tests.factories import district, kita_index, make_daycare
from tests.factories.localize import translate_snippet

pytestmark = pytest.mark.django_db


def focus(slug: str) -> KitaFocus:
    return KitaFocus.objects.originals().get(slug=slug)


@pytest.fixture
def index(home_page):
    return kita_index(home_page)


@pytest.fixture
def kitas(index):
    saarn = district("saarn")
    forest = make_daycare(
        index, title="Kita Waldwichtel", district=saarn, lat="51.4300", lon="6.8850", focus=[focus("natur")]
    )
    forest.languages = [Language.objects.originals().get(code="de"), Language.objects.originals().get(code="tr")]
    forest.save_revision().publish()
    make_daycare(index, title="Kita Sonnenschein", district=saarn, lat="51.4250", lon="6.8800", focus=[focus("musik")])
    return forest


@pytest.fixture
def nature_in_english():
    return translate_snippet(focus("natur"), "en", name="Nature day-care")


def test_search_names_the_focus_in_english_and_german_stays_german(client, kitas, nature_in_english):
    english = client.get("/en/kita/").content.decode()
    assert '<option value="natur">Nature day-care</option>' in english
    assert '<span class="tag">Nature day-care</span>' in english
    # Not translated: German, marked as German, in the card and in the select.
    assert '<span class="tag"><span lang="de" dir="ltr">Musik</span></span>' in english
    assert '<option value="musik" lang="de" dir="ltr">Musik</option>' in english

    german = client.get("/de/kita/").content.decode()
    assert '<option value="natur">Naturkita</option>' in german
    assert '<span class="tag">Naturkita</span>' in german
    assert "Nature day-care" not in german


def test_the_focus_filter_is_the_same_in_every_language(client, kitas, nature_in_english):
    german = client.get("/de/kita/", {"schwerpunkt": "natur"})
    english = client.get("/en/kita/", {"schwerpunkt": "natur"})
    assert [d.title for d in german.context["daycares"]] == [d.title for d in english.context["daycares"]]
    assert [d.title for d in english.context["daycares"]] == ["Kita Waldwichtel"]
    assert client.get("/api/v1/kitas", {"schwerpunkt": "natur"}).json()["results"][0]["focus"] == ["natur"]


def test_the_kita_page_names_focus_and_languages_in_the_readers_language(client, kitas, nature_in_english):
    translate_snippet(Language.objects.originals().get(code="tr"), "en", name="Turkish")
    html = client.get("/en" + kitas.url[3:]).content.decode()
    assert "<dd>Nature day-care</dd>" in html
    assert '<dd><span lang="de" dir="ltr">Deutsch</span>, Turkish</dd>' in html
    turkish = client.get("/tr" + kitas.url[3:]).content.decode()
    assert '<dd><span lang="de" dir="ltr">Naturkita</span></dd>' in turkish


def test_the_page_editor_offers_only_the_originals(nature_in_english):
    form = KitaPage.get_edit_handler().get_form_class()()
    choices = form.fields["focus"].queryset
    assert choices.count() == KitaFocus.objects.originals().count() < KitaFocus.objects.count()
    assert nature_in_english not in choices


def test_query_count_does_not_grow_with_the_focus_entries(client, index, django_assert_max_num_queries, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # counts what rendering costs; the page cache has its own tests

    def add_kitas(numbers):
        for number in numbers:
            extra = KitaFocus.objects.create(name=f"Schwerpunkt {number}", slug=f"schwerpunkt-{number}")
            translate_snippet(extra, "en", name=f"Focus {number}")
            make_daycare(
                index,
                title=f"Kita {number:02d}",
                district=district("heissen"),
                lat="51.436",
                lon="6.922",
                focus=[extra, focus("natur")],
            )

    add_kitas(range(2))
    client.get("/en/kita/")
    forget_translated_values()
    with django_assert_max_num_queries(30) as few:
        client.get("/en/kita/")
    few_count = len(few.captured_queries)  # now: Django keeps only the last 9,000 queries of a connection
    add_kitas(range(2, 14))
    client.get("/en/kita/")  # warm again: the writes made the shared parts (navigation, settings) stale
    forget_translated_values()
    with django_assert_max_num_queries(few_count):
        response = client.get("/en/kita/")
    assert len(response.context["daycares"]) == 14
    assert "Focus 13" in response.content.decode()
