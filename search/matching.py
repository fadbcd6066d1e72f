"""What a query asks for, word by word, the same for every engine: each word with the ways it can match.

A word matches an entry when the entry's index tokens (search/analysis.py) have any of its clauses, a clause being
sets of forms that must all be present (a German compound: the whole word, or all its parts; a synonym of several
words: all of them). Typo corrections and synonyms (search/synonyms.py: the shipped list and the Redaktion's) are
more clauses of the same word, so that "Nachhilfe" finds the "Lernhilfe" offer on SQLite, PostgreSQL and the
search cluster alike.
"""

from __future__ import annotations

import dataclasses
import functools

from search.analysis import Clause, analyzer_for, fold, normalize, query_clauses, query_words, stem, word_forms

MAX_PHRASE = 3  # synonyms of up to three words are recognised in a query ("schwimmen lernen")


@dataclasses.dataclass
class Terms:
    """A query in one analysis: its words and, per word, how it matches; the last word may be a typed prefix."""

    analyzer: str
    words: list[str]
    groups: list[tuple[Clause, ...]]
    prefix: str = ""

    @property
    def forms(self) -> frozenset[str]:
        return frozenset(form for group in self.groups for clause in group for forms in clause for form in forms)

    def loosened(self) -> Terms:
        """For partial matching: a compound's parts count as words of their own, so that "Stillberatung" finds the
        Stillcafé (without "Beratung") when nothing has both. An entry with the whole word or a synonym of it still
        has every part: it keeps the word's other clauses."""
        words, groups = [], []
        for word, group in zip(self.words, self.groups, strict=True):
            own = query_clauses(word, self.analyzer) if " " not in word else ()
            parts = own[1] if len(own) > 1 else None  # a German compound's parts (see query_clauses)
            if parts is None:
                words.append(word)
                groups.append(group)
                continue
            others = tuple(clause for clause in group if clause != parts)
            for forms in parts:
                words.append(max(forms, key=len))
                groups.append(((forms,), *others))
        return dataclasses.replace(self, words=words, groups=groups)

    def last_prefix(self, position: int) -> str:
        return self.prefix if position == len(self.groups) - 1 else ""

    def matched(self, tokens: set[str]) -> list[bool]:
        """For each word, whether an entry with these index tokens has it."""
        found = []
        for position, group in enumerate(self.groups):
            last = self.last_prefix(position)
            found.append(
                any(all(forms & tokens for forms in clause) for clause in group)
                or bool(last and any(token.startswith(last) for token in tokens))
            )
        return found


def _key(words: list[str]) -> tuple[str, ...]:
    return tuple(stem(fold(word)) for word in words)


@functools.lru_cache(maxsize=16)
def _synonyms(groups: tuple[tuple[str, ...], ...]) -> dict[tuple[str, ...], tuple[Clause, ...]]:
    """Each synonym (as the stems of its words) and the clauses of the other terms of its groups."""
    clauses_of: dict[tuple[str, ...], list[Clause]] = {}
    for group in groups:
        terms = [query_words(term) for term in group]
        terms = [term for term in terms if term]
        for term in terms:
            key = _key(term)
            for other in terms:
                if other is term or _key(other) == key:
                    continue
                if len(other) == 1:
                    # The synonym as a word (or inside a compound that has it), not through its parts: "Familien-
                    # beratung" for "Erziehungsberatung" is not every text with "Familie" and "Beratung".
                    found = [query_clauses(other[0])[0]]
                else:
                    found = [tuple(word_forms(word) for word in other)]
                clauses_of.setdefault(key, [])
                clauses_of[key] += [clause for clause in found if clause not in clauses_of[key]]
    return {key: tuple(clauses) for key, clauses in clauses_of.items()}


def synonym_table() -> dict[tuple[str, ...], tuple[Clause, ...]]:
    from search.synonyms import synonym_groups

    return _synonyms(synonym_groups())


def terms_for(text: str, language: str, fixes: dict[str, str], *, prefix: bool) -> Terms | None:
    """The query `text` in the analysis of `language`, with typo fixes and (for German) synonyms; None when only
    stop words are left."""
    analyzer = analyzer_for(language)
    words = query_words(text, analyzer)
    if not words:
        return None
    groups = [
        query_clauses(word, analyzer) + (query_clauses(fixes[word], analyzer) if word in fixes else ())
        for word in words
    ]
    if analyzer == "de":
        groups = [group + _transliterated(word) for word, group in zip(words, groups, strict=True)]
        words, groups = _with_synonyms(words, groups)
    last = normalize(words[-1], analyzer) if prefix and len(words[-1]) >= 3 and " " not in words[-1] else ""
    return Terms(analyzer, words, groups, last)


# German words as Ukrainian and Russian readers write them in Cyrillic ("Кіндергельд", "Элтернгельд", "Кита"): letter
# by letter into German spelling, so that they meet the German originals.
CYRILLIC_TO_GERMAN = str.maketrans(
    {
        **dict(zip("абвгґдезиіклмнопрстуфы", "abwggdesiiklmnoprstufy", strict=True)),
        "ж": "sch",
        "й": "j",
        "х": "ch",
        "ц": "z",
        "ч": "tsch",
        "ш": "sch",
        "щ": "schtsch",
        "ь": "",
        "ъ": "",
        "ю": "ju",
        "я": "ja",
        "є": "je",
        "ї": "ji",
        "ё": "jo",
        "э": "e",
    }
)


def _transliterated(word: str) -> tuple[Clause, ...]:
    """A Cyrillic word's clauses as the German word it may spell (none for other words)."""
    lower = word.lower()
    if not any("а" <= char <= "я" or char in "іїєґё" for char in lower):
        return ()
    latin = lower.translate(CYRILLIC_TO_GERMAN)
    return query_clauses(latin) if latin.isascii() and latin.isalpha() else ()


def _with_synonyms(words: list[str], groups: list) -> tuple[list[str], list]:
    """Synonyms as more ways to match: a phrase of several words that is a synonym ("schwimmen lernen") becomes one
    word of the query, matching as all its words or as any of its synonyms."""
    table = synonym_table()
    if not table:
        return words, groups
    merged_words, merged_groups, position = [], [], 0
    while position < len(words):
        for length in range(min(MAX_PHRASE, len(words) - position), 0, -1):
            key = _key(words[position : position + length])
            if key in table:
                if length == 1:
                    group = groups[position] + table[key]
                else:
                    phrase = tuple(groups[position + n][0][0] for n in range(length))  # each word's whole forms
                    group = (phrase, *table[key])
                merged_words.append(" ".join(words[position : position + length]))
                merged_groups.append(group)
                position += length
                break
        else:
            merged_words.append(words[position])
            merged_groups.append(groups[position])
            position += 1
    return merged_words, merged_groups
