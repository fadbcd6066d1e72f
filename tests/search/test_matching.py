"""How a query matches, the same for every engine (search/matching.py): typo fixes, synonyms and phrases, the
glossary of the readers' languages, and German loanwords written in Cyrillic."""

import pytest

from search import synonyms
from search.matching import terms_for

pytestmark = pytest.mark.django_db


def _forms(group) -> set[str]:
    return {form for clause in group for forms in clause for form in forms}


def test_a_cyrillic_loanword_meets_the_german_word():
    terms = terms_for("кіндергельд", "de", {}, prefix=False)
    assert "kindergeld" in _forms(terms.groups[0])
    assert "kita" in _forms(terms_for("Кита", "de", {}, prefix=False).groups[0])
    # The word itself still matches as written.
    assert "бассейн" in _forms(terms_for("бассейн", "de", {}, prefix=False).groups[0])


def test_the_glossary_names_the_family_terms_in_every_reader_language():
    glossary = synonyms.glossary_groups()
    lines = [
        line
        for line in synonyms.GLOSSARY_PATH.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(glossary) == len(lines) >= 30  # no line is skipped
    nachhilfe = next(group for group in glossary if group[0] == "Nachhilfe")
    assert {"tutoring", "özel ders", "دروس خصوصية", "репетитор"} <= set(nachhilfe)
    # A Russian reader's word reaches the German original's word.
    terms = terms_for("репетитор", "de", {}, prefix=False)
    assert "nachhilf" in _forms(terms.groups[0]) or "nachhilfe" in _forms(terms.groups[0])


def test_a_synonym_phrase_is_one_word_of_the_query_and_a_typo_fix_another_way_to_match():
    terms = terms_for("schwimmen lernen saarn", "de", {}, prefix=False)
    assert terms.words == ["schwimmen lernen", "saarn"]
    assert "schwimmkurs" in _forms(terms.groups[0])  # the shipped list: Schwimmkurs, Schwimmen lernen, …
    fixed = terms_for("krabelgruppe", "de", {"krabelgruppe": "krabbelgruppe"}, prefix=False)
    assert {"krabelgruppe", "krabbelgruppe"} <= _forms(fixed.groups[0])


def test_a_loosened_compound_keeps_its_synonyms_for_each_part():
    terms = terms_for("Stillberatung Saarn", "de", {}, prefix=False).loosened()
    assert terms.words[:2] == ["still", "beratung"] and terms.words[2] == "Saarn"
    # An entry with a synonym of the whole word has every part: each part's group keeps the word's other clauses.
    assert _forms(terms.groups[0]) & _forms(terms.groups[1]) - {"still", "beratung"}
