from search.analysis import (
    LANGUAGE_STOPWORDS,
    UKRAINIAN_STEM_PATTERN,
    analyze,
    analyzer_for,
    cluster_analysis,
    covered,
    decompound,
    dictionary,
    fold,
    normalize,
    query_age,
    query_clauses,
    query_words,
    stem,
    stem_ukrainian,
    word_forms,
    words,
)
from search.german import split


def test_umlauts_and_sharp_s_fold_like_their_two_letter_spellings():
    assert fold("Müll") == fold("Muell") == "mull"
    assert fold("Mülheim") == fold("Muelheim") == "mulheim"
    assert fold("Straße") == "strasse"
    assert fold("Café") == "cafe"
    assert fold("Queue") == "queu"  # "ue" after q is not an umlaut
    assert fold("Київ") == "київ"  # Cyrillic keeps its letters


def test_light_stemming_joins_singular_and_plural():
    assert stem(fold("Kurse")) == stem(fold("Kurs")) == "kurs"
    assert stem(fold("Kindern")) == "kind"
    assert stem(fold("Plätze")) == stem(fold("Platz"))


def test_compounds_split_into_family_words_from_the_dictionary():
    assert {"kita", "platz"} <= word_forms("Kitaplätze")
    assert {"schwimm", "kurs"} <= word_forms("Schwimmkurs")
    assert {"wickel", "tisch"} <= word_forms("Wickeltisch")
    assert covered("ferienbetreuung") and covered("kitaplatz")
    assert not covered("babyschwimen")


def test_compounds_nobody_listed_split_by_general_german():
    # Neither these words nor "helm", "schere", "jacke", "schnee" or "anzug" are in the family list.
    assert not {"helm", "schere", "jacke", "schnee", "anzug", "laterne"} & dictionary()
    assert split("kinderzahnarzt") == ("kinder", "zahn", "arzt")
    assert set(decompound("kinderzahnarzt")) == {"kinder", "zahnarzt", "zahn", "arzt"}
    assert split("gartenschere") == ("garten", "schere")
    assert split("regenjacke") == ("regen", "jacke")  # not "reg" + en + "jacke"
    assert split("schneeanzug") == ("schnee", "anzug")
    assert split("laternenbasteln") == ("laterne", "basteln")  # the linking "n" dropped
    assert {"helm", "fahrrad"} <= set(decompound("fahrradhelm"))
    # A word more common than its would-be parts stays whole; function words and chance syllables are no parts.
    assert split("hebamme") == () and split("nachmittag") == () and split("garten") == ()
    assert covered("gartenschere") and not covered("gartenschre")


def test_derivations_and_participles_meet_their_root():
    def meet(a: str, b: str) -> bool:
        return bool(word_forms(a) & word_forms(b))

    assert meet("musikalisch", "Musik") and meet("Basteln", "Bastelnachmittag")
    assert meet("geimpft", "Impfung") and meet("behindert", "Behinderung") and meet("Gesundheit", "gesund")
    assert not meet("Markt", "Marke")  # a noun ending in t is no participle


def test_a_compound_query_matches_the_whole_word_or_all_its_parts():
    whole, parts = query_clauses("Kinderzahnarzt")
    assert "kinderzahnarzt" in whole[0]
    assert [min(forms, key=len) for forms in parts] == ["kind", "zahn", "arzt"]
    # Not every text with "Kinder" in it: one clause needs them all.
    assert len(query_clauses("Kinder")) == 1


def test_the_age_a_query_names():
    assert query_age("Kita unter 1 Jahr") == (0, 11)
    assert query_age("Angebote für 2-Jährige") == (24, 35)
    assert query_age("Kurs Baby 3 Monate") == (3, 3)
    assert query_age("swimming 4 years") == (48, 59)
    assert query_age("yüzme 3 yaş") == (36, 47)
    assert query_age("плавание 5 лет") == (60, 71)
    assert query_age("سباحة ٤ سنوات") == (48, 59)
    assert query_age("Kita in Saarn") is None and query_age("U3") is None


def test_index_and_query_meet_on_compounds_and_stopwords_are_not_required():
    indexed = set(analyze("Freie Kita-Plätze für Kinder unter drei"))
    words = query_words("Kitaplatz für u3")
    assert words == ["Kitaplatz", "u3"]  # "für" is not required
    assert word_forms(words[0]) & indexed


def test_the_cluster_gets_the_same_dictionary_and_an_analyzer_per_language():
    analysis = cluster_analysis()
    assert "kita" in analysis["filter"]["portal_de_decompound"]["word_list"]
    assert {"portal_de", "portal_tr", "portal_ar", "portal_en", "portal_ru", "portal_uk"} <= set(analysis["analyzer"])


# --- Other languages (search/analysis.py: one chain per language) ------------------------------------------


def _meet(a: str, b: str, language: str) -> bool:
    return bool(word_forms(a, language) & word_forms(b, language))


def test_leichte_sprache_and_unknown_codes_are_analysed_as_german():
    assert analyzer_for("de-x-ls") == analyzer_for("de") == analyzer_for("fr") == "de"
    assert analyzer_for("en") == "en" and analyzer_for("uk") == "uk"
    text = "Der Schwimm-Kurs ist für Kinder ab 5 Jahren."
    assert analyze(text, "de-x-ls") == analyze(text, "de") == analyze(text)


def test_english_stems_possessives_and_stop_words():
    assert _meet("Swimming", "swim", "en") and _meet("lessons", "Lesson", "en")
    assert _meet("children's", "child", "en")  # possessive off, irregular plural
    assert normalize("Café", "en") == "cafe"
    assert normalize("queue", "en") == "queue"  # no German "ue" rule in English
    assert query_words("Courses for kids in Saarn", "en") == ["Courses", "kids", "Saarn"]


def test_turkish_lowercases_dotted_and_dotless_i_and_meets_without_its_letters_marks():
    assert normalize("İSTANBUL", "tr") == "istanbul"  # not "i̇stanbul" as str.lower() makes it
    assert normalize("IĞDIR", "tr") == "ığdır"
    assert "i̇" not in "".join(analyze("İzmir İÇİN", "tr"))
    assert normalize("Mülheim'da", "tr") == "mülheim"  # a case ending after the apostrophe
    assert _meet("KURSLARI", "kurs", "tr")
    assert _meet("kursu", "kursları", "tr")  # possessive vowel Snowball keeps
    assert _meet("başvurusu", "başvuru", "tr")
    assert _meet("yuzme", "yüzme", "tr") and _meet("cocuklar", "Çocuklar", "tr")  # keyboards without ü, ç
    assert query_words("çocuklar için yüzme", "tr") == ["çocuklar", "yüzme"]


def test_arabic_normalization_unifies_marks_tatweel_and_letter_forms():
    plain = analyze("سباحة", "ar")
    assert analyze("سِبَاحَةٌ", "ar") == plain  # short vowels
    assert analyze("سبـــاحة", "ar") == plain  # tatweel
    assert normalize("أطفال", "ar") == normalize("إطفال", "ar") == normalize("آطفال", "ar") == normalize("اطفال", "ar")
    assert normalize("مستشفى", "ar") == normalize("مستشفي", "ar")  # alef maqsura and ya
    assert normalize("مدرسة", "ar") == normalize("مدرسه", "ar")  # ta marbuta and ha
    assert normalize("١٢٣", "ar") == "123"
    assert _meet("السباحة", "سباحة", "ar") and _meet("للأطفال", "أطفال", "ar") and _meet("بالمجان", "مجان", "ar")
    assert words("دروسُ السِّباحةِ", "ar") == ["دروسُ", "السِّباحةِ"]  # marks do not split a word
    assert query_words("دروس في السباحة", "ar") == ["دروس", "السباحة"]


def test_russian_folds_yo_and_stems():
    assert normalize("Ёлка", "ru") == "елка"
    assert _meet("плавание", "плавания", "ru") and _meet("детей", "дети", "ru") and _meet("курсы", "курсов", "ru")
    assert query_words("курсы для детей", "ru") == ["курсы", "детей"]


def test_ukrainian_unifies_apostrophes_and_strips_case_endings_lightly():
    assert {normalize(w, "uk") for w in ("сім'я", "сім’я", "сімʼя", "сімя")} == {"сімя"}
    assert words("Сім’я та діти", "uk") == ["Сім’я", "та", "діти"]
    assert {stem_ukrainian(w) for w in ("плавання", "плаванню", "плаванням", "плаванні")} == {"плаванн"}
    assert {stem_ukrainian(w) for w in ("діти", "дітей", "дітям", "дітьми")} == {"діт"}
    assert {stem_ukrainian(w) for w in ("курс", "курси", "курсів", "курсах", "курсами")} == {"курс"}
    assert {stem_ukrainian(w) for w in ("дитячий", "дитячого", "дитяча", "дитячих")} == {"дитяч"}
    # Short words and stems are left alone; verb endings are not touched ("роботи" is a noun here).
    assert stem_ukrainian("ми") == "ми" and stem_ukrainian("їжа") == "їжа"
    assert stem_ukrainian("роботи") == stem_ukrainian("робота") == "робот"
    assert query_words("курси для дітей", "uk") == ["курси", "дітей"]


def test_the_cluster_gets_the_same_ukrainian_endings_and_stop_words():
    analysis = cluster_analysis()
    assert analysis["filter"]["portal_uk_stem"]["pattern"] == UKRAINIAN_STEM_PATTERN
    assert analysis["analyzer"]["portal_uk"]["char_filter"] == ["portal_uk_apostrophes"]
    assert "children => child" in analysis["filter"]["portal_en_irregular"]["rules"]
    for language in ("en", "tr", "ru", "ar", "uk"):
        assert f"portal_{language}_stop" in analysis["analyzer"][f"portal_{language}"]["filter"]
        assert set(analysis["filter"][f"portal_{language}_stop"]["stopwords"]) == LANGUAGE_STOPWORDS[language]


def test_a_leichte_sprache_entry_goes_into_the_german_fields_of_the_cluster():
    from search.engines.cluster import ClusterEngine, entry_source
    from search.models import SearchEntry
    from search.query import SearchQuery

    entry = SearchEntry(key="page:1", kind="seite", title="Schwimmen lernen", text="Kinder lernen schwimmen.")
    entry.language = "de-x-ls"
    source = entry_source(entry)
    assert (
        source["language"] == "de-x-ls" and source["title_de"] == "Schwimmen lernen" and "title_de-x-ls" not in source
    )
    engine = ClusterEngine.__new__(ClusterEngine)
    assert engine._languages(SearchQuery(text="x", language="de-x-ls")) == ["de"]
    assert engine._languages(SearchQuery(text="x", language="uk")) == ["uk", "de"]
