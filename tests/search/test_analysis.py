from search.analysis import analyze, cluster_analysis, covered, decompound, fold, query_words, stem, word_forms


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
    assert {"kita", "platz"} <= set(decompound("kitaplatze"))
    assert {"schwimm", "kurs"} <= word_forms("Schwimmkurs")
    assert {"wickel", "tisch"} <= word_forms("Wickeltisch")
    assert covered("ferienbetreuung") and covered("kitaplatz")
    assert not covered("babyschwimen")


def test_index_and_query_meet_on_compounds_and_stopwords_are_not_required():
    indexed = set(analyze("Freie Kita-Plätze für Kinder unter drei"))
    words = query_words("Kitaplatz für u3")
    assert words == ["Kitaplatz", "u3"]  # "für" is not required
    assert word_forms(words[0]) & indexed


def test_the_cluster_gets_the_same_dictionary_and_an_analyzer_per_language():
    analysis = cluster_analysis()
    assert "kita" in analysis["filter"]["portal_de_decompound"]["word_list"]
    assert {"portal_de", "portal_tr", "portal_ar", "portal_en", "portal_ru", "portal_uk"} <= set(analysis["analyzer"])
