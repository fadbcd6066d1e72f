"""Translatable reference data (core.translatable), shown on the languages offers and Kitas are held in: German
originals that pages point to, translations made with wagtail-localize, names in the reader's language."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail.models import Locale

from core.translatable import LocalizedModelChoiceField, lang_marked
from home.directory.models import Language
from home.kita.models import KitaFocus
from home.offers.models import HolidayPeriod, OfferCategory
from tests.factories.localize import translate_snippet

pytestmark = pytest.mark.django_db

SEEDED_CODES = {"de", "en", "tr", "ar", "uk", "ru", "pl", "fa", "ku", "fr"}


@pytest.fixture
def turkish():
    return Language.objects.originals().get(code="tr")


@pytest.mark.parametrize("model", [Language, OfferCategory, HolidayPeriod, KitaFocus])
def test_the_bootstrap_made_every_existing_row_a_german_original(model):
    # The rows the earlier data migrations created, before the models became translatable.
    rows = list(model.objects.select_related("locale"))
    assert rows
    assert {row.locale.language_code for row in rows} == {"de"}
    assert len({row.translation_key for row in rows}) == len(rows)  # each its own translation group
    assert model.objects.originals().count() == len(rows)


def test_the_seeded_languages_are_all_there():
    assert set(Language.objects.originals().values_list("code", flat=True)) == SEEDED_CODES


def test_originals_leave_out_translations(turkish):
    english = translate_snippet(turkish, "en", name="Turkish")
    assert english.code == "tr"  # synchronised: the same code in every language
    assert english.translation_key == turkish.translation_key and english.locale.language_code == "en"
    assert Language.objects.filter(code="tr").count() == 2
    assert list(Language.objects.originals().filter(code="tr")) == [turkish]
    assert set(Language.objects.originals().values_list("code", flat=True)) == SEEDED_CODES


def test_codes_are_unique_per_locale_only(turkish):
    translate_snippet(turkish, "en", name="Turkish")  # a second "tr", in English
    with pytest.raises(IntegrityError), transaction.atomic():
        Language.objects.create(code="tr", name="Türkisch (doppelt)")


def test_the_name_comes_in_the_readers_language_and_falls_back_to_german(turkish):
    translate_snippet(turkish, "en", name="Turkish")
    with translation.override("en"):
        assert turkish.localized_name == "Turkish"
        assert turkish.localized("name") == ("Turkish", "en")
    with translation.override("de"):
        assert turkish.localized_name == "Türkisch"
    with translation.override("uk"):
        assert turkish.localized("name") == ("Türkisch", "de")


def test_a_translation_shows_its_own_name(turkish):
    english = translate_snippet(turkish, "en", name="Turkish")
    with translation.override("de"):
        assert english.localized_name == "Turkish"


def test_names_cost_no_query_per_object_and_follow_changes(turkish, django_assert_num_queries):
    english = translate_snippet(turkish, "en", name="Turkish")
    originals = list(Language.objects.originals())
    with translation.override("en"):
        [language.localized_name for language in originals]  # fills the map for English
        with django_assert_num_queries(0):
            names = {language.code: language.localized_name for language in originals}
        assert names["tr"] == "Turkish" and names["pl"] == "Polnisch"
        # Editing the translation (or any row of the model) is seen at once.
        english.name = "Turkish (Türkçe)"
        english.save()
        assert turkish.localized_name == "Turkish (Türkçe)"
        english.delete()
        assert turkish.localized_name == "Türkisch"


def test_a_german_fallback_is_marked_as_german(turkish):
    with translation.override("tr"):
        assert turkish.localized_name_html == '<span lang="de" dir="ltr">Türkisch</span>'
    with translation.override("ar"):
        # Inside a right-to-left page the German name keeps its own direction.
        assert turkish.localized_name_html == '<span lang="de" dir="ltr">Türkisch</span>'
    with translation.override("de"):
        assert turkish.localized_name_html == "Türkisch"
    with translation.override("de-x-ls"):
        # Leichte Sprache is German: no change of voice for a German name.
        assert turkish.localized_name_html == "Türkisch"


def test_a_translated_name_is_not_marked(turkish):
    translate_snippet(turkish, "ar", name="التركية")
    with translation.override("ar"):
        assert turkish.localized_name_html == "التركية"


def test_marked_text_is_escaped():
    with translation.override("en"):
        assert lang_marked("<b>Kunst & Kultur</b>", "de") == (
            '<span lang="de" dir="ltr">&lt;b&gt;Kunst &amp; Kultur&lt;/b&gt;</span>'
        )
        assert lang_marked("<b>Art</b>", "en") == "&lt;b&gt;Art&lt;/b&gt;"


def test_choice_fields_label_in_the_readers_language_and_keep_the_german_values(turkish):
    translate_snippet(turkish, "en", name="Turkish")
    field = LocalizedModelChoiceField(queryset=Language.objects.originals(), to_field_name="code", required=False)
    with translation.override("en"):
        choices = [(str(value), label) for value, label in field.choices][1:]
        html = field.widget.render("sprache", None)
        assert field.clean("tr") == turkish
    assert ("tr", "Turkish") in choices
    # Sorted by the name the reader sees ("Turkish" among the German fallbacks).
    labels = [label for _value, label in choices]
    assert labels == sorted(labels, key=str.casefold)
    assert '<option value="tr">Turkish</option>' in html
    assert '<option value="pl" lang="de" dir="ltr">Polnisch</option>' in html


def test_locales_added_later_are_known(turkish):
    Locale.objects.get_or_create(language_code="de-x-ls")
    translate_snippet(turkish, "de-x-ls", name="Türkische Sprache")
    with translation.override("de-x-ls"):
        assert turkish.localized("name") == ("Türkische Sprache", "de-x-ls")
