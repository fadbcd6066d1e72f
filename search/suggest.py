"""'Did you mean': the closest word the index knows, for query words that match nothing."""

from __future__ import annotations

import difflib

from search.analysis import dictionary, fold, words
from search.models import SearchWord

MIN_WORD, MAX_WORD = 3, 40


def vocabulary_words(text: str) -> set[str]:
    """Words of `text` worth suggesting: lowercase, letters only, 3 to 40 characters."""
    return {w.lower() for w in words(text) if MIN_WORD <= len(w) <= MAX_WORD and w.isalpha()}


def vocabulary_add(text: str) -> None:
    found = vocabulary_words(text)
    if found:
        SearchWord.objects.bulk_create(
            [SearchWord(word=w, folded=fold(w)[:MAX_WORD]) for w in found],
            ignore_conflicts=True,
            batch_size=500,
        )


def closest_word(word: str) -> str:
    folded = fold(word)
    if len(folded) < 4:
        return ""
    candidates = dict(SearchWord.objects.filter(folded__startswith=folded[0]).values_list("folded", "word"))
    near = [c for c in candidates if abs(len(c) - len(folded)) <= 2]
    match = difflib.get_close_matches(folded, near, n=1, cutoff=0.75)
    return candidates[match[0]] if match else ""


def known_word(word: str) -> bool:
    """A word the index has seen, a common German word, a compound whose parts the index or the family list knows,
    or a number-like token (U3). A compound of general German alone is not enough: "Kinderturen" reads as
    Kinder + Türen, but a parent who types it means the "Kinderturnen" the index has."""
    from search import german

    folded = fold(word)
    if not folded.isalpha() or SearchWord.objects.filter(folded=folded).exists():
        return True
    if german.zipf(folded) >= german.ZIPF_PART:
        return True
    parts = set(german.split(folded)) - dictionary()
    if not german.split(folded):
        return False
    return not parts or SearchWord.objects.filter(folded__in=parts).count() == len(parts)


def corrections(query_words: list[str], *, prefix: bool = False) -> dict[str, str]:
    """Unknown query words and the closest known word for each (typo tolerance, "did you mean").
    With `prefix`, a last word that begins a known word is still being typed, not misspelt."""
    found = {}
    for position, word in enumerate(query_words):
        if (
            prefix
            and position == len(query_words) - 1
            and SearchWord.objects.filter(folded__startswith=fold(word)).exists()
        ):
            continue
        if len(word) >= 4 and not known_word(word):
            candidate = closest_word(word)
            if candidate and fold(candidate) != fold(word):
                found[word] = candidate
    return found
