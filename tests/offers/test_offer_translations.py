"""Offer categories, languages and school holidays translated by the Redaktion with wagtail-localize: readers see
them in their language, while offers, filters, addresses and imports keep using the German originals."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from community.accounts.roles import REDAKTION
from core.translatable import forget_translated_values
from home.directory.models import Language
from home.offers.exchange import parse_upload
from home.offers.models import HolidayPeriod, OfferCategory, OfferPage
from home.offers.services import offers_import
from tests.factories import UserFactory, district, make_offer
from tests.factories.localize import translate_snippet

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def category(slug: str) -> OfferCategory:
    return OfferCategory.objects.originals().get(slug=slug)


def filter_labels(html: str) -> dict[str, str]:
    """The category checkboxes of the filter form: slug → label as printed."""
    return dict(
        re.findall(r'name="kategorie" value="([^"]+)"[^>]*> <label for="[^"]+">(.*?)</label>', html, flags=re.S)
    )


def card_tags(html: str, title: str) -> str:
    card = html[html.index(title) :]
    return card[: card.index("</p>", card.index('class="tags"'))]


@pytest.fixture
def sport_in_english():
    return translate_snippet(category("sport"), "en", name="Sports")


@pytest.fixture
def swimming(offers_page):
    return make_offer(
        offers_page,
        title="Babyschwimmen Saarn",
        categories=["sport", "babys-kleinkinder"],
        languages=["de", "tr"],
        district=district("saarn"),
        dates=[{"start_date": TODAY + datetime.timedelta(days=7)}],
    )


def test_translation_shows_in_english_filters_and_cards_and_german_stays_german(client, swimming, sport_in_english):
    english = client.get("/en/angebote/").content.decode()
    assert filter_labels(english)["sport"] == "Sports"
    assert '<span class="tag">Sports</span>' in card_tags(english, "Babyschwimmen Saarn")
    # Not translated yet: German, marked as German.
    assert '<span class="tag"><span lang="de" dir="ltr">Babys &amp; Kleinkinder</span></span>' in card_tags(
        english, "Babyschwimmen Saarn"
    )

    german = client.get("/de/angebote/").content.decode()
    assert filter_labels(german)["sport"] == "Sport"
    assert '<span class="tag">Sport</span>' in card_tags(german, "Babyschwimmen Saarn")
    assert "Sports" not in german


def test_an_untranslated_category_is_marked_german_in_turkish(client, swimming):
    turkish = client.get("/tr/angebote/").content.decode()
    assert '<span class="tag"><span lang="de" dir="ltr">Sport</span></span>' in card_tags(
        turkish, "Babyschwimmen Saarn"
    )
    assert filter_labels(turkish)["sport"] == '<span lang="de" dir="ltr">Sport</span>'


def test_the_offer_page_names_categories_and_languages_in_the_readers_language(client, swimming, sport_in_english):
    translate_snippet(Language.objects.originals().get(code="tr"), "en", name="Turkish")
    html = client.get("/en" + swimming.url[3:]).content.decode()
    assert '<span class="tag">Sports</span>' in html
    assert '<dd><span lang="de" dir="ltr">Deutsch</span>, Turkish</dd>' in html


def test_filtering_by_category_is_the_same_in_every_language(client, offers_page, swimming, sport_in_english):
    make_offer(offers_page, title="Elterncafé", categories=["beratung"], district=district("saarn"))
    german = client.get("/de/angebote/", {"kategorie": "sport"})
    english = client.get("/en/angebote/", {"kategorie": "sport"})
    assert german.context["result_count"] == english.context["result_count"] == 1
    assert [offer.title for offer in english.context["offers"]] == ["Babyschwimmen Saarn"]
    assert re.search(r'name="kategorie" value="sport"[^>]*checked', english.content.decode())
    # The translation is no second choice: one checkbox per category.
    assert len(filter_labels(english.content.decode())) == OfferCategory.objects.originals().count()


def test_the_language_filter_takes_the_code_when_the_language_is_translated(client, swimming):
    translate_snippet(Language.objects.originals().get(code="tr"), "en", name="Turkish")
    for prefix in ("/de", "/en"):
        response = client.get(f"{prefix}/angebote/", {"sprache": "tr"})
        assert response.status_code == 200
        assert [offer.title for offer in response.context["offers"]] == ["Babyschwimmen Saarn"]
    html = client.get("/en/angebote/").content.decode()
    assert '<option value="tr">Turkish</option>' in html
    assert '<option value="pl" lang="de" dir="ltr">Polnisch</option>' in html


def test_holidays_are_named_in_the_readers_language_with_their_dates(client, swimming):
    autumn = HolidayPeriod.objects.create(
        name="Herbstferien (Test)", start=TODAY + datetime.timedelta(days=5), end=TODAY + datetime.timedelta(days=9)
    )
    translate_snippet(autumn, "en", name="Autumn holidays (test)")
    dates = f"({autumn.start:%d.%m.}–{autumn.end:%d.%m.%Y})"
    with translation.override("en"):
        assert str(autumn) == f"Autumn holidays (test) {dates}"
    with translation.override("de"):
        assert str(autumn) == f"Herbstferien (Test) {dates}"
    html = client.get("/en/angebote/").content.decode()
    assert f'<option value="{autumn.pk}">Autumn holidays (test) {dates}</option>' in html
    # Only the original is a choice; choosing it filters by its dates in English too.
    assert html.count("Autumn holidays (test)") == 1
    response = client.get("/en/angebote/", {"ferien": autumn.pk})
    assert [offer.title for offer in response.context["offers"]] == ["Babyschwimmen Saarn"]


def test_the_page_editor_offers_only_the_originals(sport_in_english):
    translate_snippet(Language.objects.originals().get(code="tr"), "en", name="Turkish")
    form = OfferPage.get_edit_handler().get_form_class()()
    for name in ("categories", "languages"):
        choices = form.fields[name].queryset
        assert choices.count() == choices.model.objects.originals().count() > 0
        assert set(choices.values_list("locale__language_code", flat=True)) == {"de"}


def test_imports_match_slugs_and_codes_to_the_originals(offers_page, sport_in_english):
    district("saarn")
    translate_snippet(Language.objects.originals().get(code="tr"), "en", name="Turkish")
    header = "external_id,title,summary,categories,languages,district,last_checked"
    text = f'{header}\n"x-1","Kinderturnen","Turnen für Kinder.","sport","de;tr","saarn","{TODAY.isoformat()}"\n'
    report = offers_import(
        rows=parse_upload(name="angebote.csv", content=text.encode()), index=offers_page, dry_run=False
    )
    assert report.ok, report.errors
    offer = OfferPage.objects.get(external_id="x-1")
    assert list(offer.categories.all()) == [category("sport")]
    assert {language.locale.language_code for language in offer.languages.all()} == {"de"}


def test_the_api_and_exports_keep_the_german_taxonomy(client, swimming, sport_in_english):
    item = client.get("/api/v1/offers", {"kategorie": "sport"}).json()["results"][0]
    assert {"slug": "sport", "name": "Sport"} in item["categories"]
    hsds = client.get("/api/v1/offers.hsds.json").json()
    terms = {
        (term["code"], term["name"]) for term in (attribute["taxonomy_term"] for attribute in hsds[0]["attributes"])
    }
    assert terms == {("babys-kleinkinder", "Babys & Kleinkinder"), ("sport", "Sport")}


def test_the_admin_lists_translations_under_their_locale(client, sport_in_english):
    client.force_login(UserFactory(roles=[REDAKTION]))
    listing = "/admin/snippets/offers/offercategory/"
    every_locale = client.get(listing).content.decode()
    assert "Sports" in every_locale and ">Sport<" in every_locale
    german = client.get(listing, {"locale": "de"}).content.decode()
    english = client.get(listing, {"locale": "en"}).content.decode()
    assert "Sports" not in german and ">Sport<" in german
    assert "Sports" in english and ">Sport<" not in english


def test_query_count_does_not_grow_with_the_categories(client, offers_page, django_assert_max_num_queries, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # counts what rendering costs; the page cache has its own tests

    def add_offers(numbers):
        for number in numbers:
            extra = OfferCategory.objects.create(name=f"Kategorie {number}", slug=f"kategorie-{number}", sort_order=90)
            translate_snippet(extra, "en", name=f"Category {number}")
            make_offer(
                offers_page, title=f"Kurs {number:02d}", categories=["sport", extra.slug], languages=["de", "tr"]
            )

    add_offers(range(2))
    client.get("/en/angebote/")
    # Not cached yet: one query per model (categories, languages, holidays) and one for the locales, not per row.
    forget_translated_values()
    with django_assert_max_num_queries(30) as few:
        client.get("/en/angebote/")
    few_count = len(few.captured_queries)  # now: Django keeps only the last 9,000 queries of a connection
    add_offers(range(2, 14))
    client.get("/en/angebote/")  # warm again: the writes made the shared parts (navigation, settings) stale
    forget_translated_values()
    with django_assert_max_num_queries(few_count):
        response = client.get("/en/angebote/")
    assert len(response.context["offers"]) == 14
    assert "Category 13" in response.content.decode()
