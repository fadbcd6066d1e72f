"""German text analysis shared by both engines.

The search cluster gets the same chain as index settings (`cluster_analysis()`); the database engine runs it
in Python (`analyze()`), so that "Kitaplätze", "Kita-Platz" and "kitaplatz" meet in both. The chain:
lowercase → German normalization (ä→a, ae→a, ß→ss, like Lucene's GermanNormalizationFilter) → other Latin
diacritics folded → compound parts from the family dictionary → light stemming (Lucene's GermanLightStemmer).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

DICTIONARY_PATH = Path(__file__).parent / "dictionary" / "de_family.txt"
DISTRICT_ALIASES_PATH = Path(__file__).parent / "dictionary" / "district_aliases.txt"
LINKING = ("", "s", "n", "en", "es", "e")  # Fugenelemente between compound parts
MIN_PART = 3
WORD_RE = re.compile(r"\w+", re.UNICODE)
_ST_ENDING = set("bdfghklmnt")
# Words too common to require in a match ("Kita in Saarn" needs Kita and Saarn, not "in").
STOPWORDS = frozenset(
    "aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du ein eine einem einen einer "
    "eines er es fur gibt habe hat ich ihr im in ist ja kann man mein mit nach nicht noch oder sie sind so uber "
    "um und uns von vor war was wer wie wir wo zu zum zur".split()
)


def fold(word: str) -> str:
    """Lowercase, German umlauts and their two-letter spellings to the plain vowel, ß to ss, Latin accents off."""
    word = word.lower().replace("ß", "ss").replace("ä", "a").replace("ö", "o").replace("ü", "u")
    word = re.sub(r"(?<!q)ue", "u", word)
    word = word.replace("ae", "a").replace("oe", "o")
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    kept, previous_latin = [], False
    for char in decomposed:
        if unicodedata.combining(char) and previous_latin:
            continue  # é → e; Cyrillic й or Arabic marks stay
        kept.append(char)
        previous_latin = char.isascii()
    return unicodedata.normalize("NFC", "".join(kept))


def stem(word: str) -> str:
    """Light German stemming (Lucene's GermanLightStemmer, after folding): Kurse → kurs, Kindern → kind."""
    if not word.isalpha() or not word.isascii():
        return word
    length = len(word)
    if length > 5 and word.endswith("ern"):
        word = word[:-3]
    elif length > 4 and word[-2:] in ("em", "en", "er", "es"):
        word = word[:-2]
    elif length > 3 and (word.endswith("e") or (word.endswith("s") and word[-2] in _ST_ENDING)):
        word = word[:-1]
    length = len(word)
    if length > 5 and word.endswith("est"):
        word = word[:-3]
    elif length > 4 and (word[-2:] in ("er", "en") or (word.endswith("st") and word[-3] in _ST_ENDING)):
        word = word[:-2]
    return word


@functools.cache
def dictionary() -> frozenset[str]:
    """The family-domain word parts, folded, from search/dictionary/de_family.txt."""
    parts = set()
    for line in DICTIONARY_PATH.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and len(fold(line)) >= MIN_PART:
            parts.add(fold(line))
    return frozenset(parts)


@functools.lru_cache(maxsize=50_000)
def decompound(word: str) -> tuple[str, ...]:
    """Dictionary parts inside a folded word (all matches, like dictionary_decompounder with only_longest_match off)."""
    parts = dictionary()
    if len(word) < MIN_PART * 2 - 1:
        return ()
    found = []
    longest = max(len(p) for p in parts)
    for start in range(len(word)):
        for end in range(start + MIN_PART, min(len(word), start + longest) + 1):
            piece = word[start:end]
            if piece != word and piece in parts:
                found.append(piece)
    return tuple(found)


@functools.lru_cache(maxsize=10_000)
def covered(word: str) -> bool:
    """Whether a folded word is made only of dictionary parts (a compound we can read, not a typo)."""
    parts = dictionary()
    if not word:
        return True
    for end in range(MIN_PART, len(word) + 1):
        if word[:end] in parts:
            rest = word[end:]
            for link in LINKING:
                if rest.startswith(link) and covered(rest[len(link) :]):
                    return True
    return False


@functools.cache
def district_aliases() -> dict[str, str]:
    aliases = {}
    for line in DISTRICT_ALIASES_PATH.read_text(encoding="utf-8").splitlines():
        if ":" in line and not line.startswith("#"):
            name, _sep, others = line.partition(":")
            aliases[name.strip()] = " ".join(o.strip() for o in others.split(",") if o.strip())
    return aliases


def district_terms(district: str) -> str:
    """A Stadtteil's name with what people also call it ("Altstadt I" → "… Innenstadt Stadtmitte …")."""
    return " ".join(filter(None, [district, district_aliases().get(district, "")]))


def words(text: str) -> list[str]:
    return WORD_RE.findall(text or "")


@functools.lru_cache(maxsize=100_000)
def word_forms(word: str) -> frozenset[str]:
    """Every form a word is indexed and searched under: folded, stemmed, and its stemmed compound parts."""
    folded = fold(word)
    forms = {folded, stem(folded)}
    for part in decompound(folded):
        forms.add(stem(part))
    return frozenset(f for f in forms if f)


def analyze(text: str) -> list[str]:
    """Index tokens for the database engine (one text, many forms per word)."""
    tokens: list[str] = []
    for word in words(text):
        if fold(word) in STOPWORDS:
            continue
        tokens.extend(sorted(word_forms(word)))
    return tokens


def query_words(query: str) -> list[str]:
    """The words a document must match (stop words dropped); each matches through any of its `word_forms`."""
    return [word for word in words(query) if fold(word) not in STOPWORDS]


def cluster_analysis() -> dict:
    """The same chain as OpenSearch/Elasticsearch analysis settings, plus per-language analyzers for translations."""
    return {
        "filter": {
            "portal_de_decompound": {
                "type": "dictionary_decompounder",
                "word_list": sorted(dictionary()),
                "min_subword_size": MIN_PART,
                "only_longest_match": False,
            },
            "portal_de_stem": {"type": "stemmer", "language": "light_german"},
            "portal_de_stop": {"type": "stop", "stopwords": sorted(STOPWORDS)},
            "portal_edge": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
            "portal_tr_lowercase": {"type": "lowercase", "language": "turkish"},
            "portal_tr_stem": {"type": "stemmer", "language": "turkish"},
            "portal_en_stem": {"type": "stemmer", "language": "light_english"},
            "portal_en_possessive": {"type": "stemmer", "language": "possessive_english"},
            "portal_ru_stem": {"type": "stemmer", "language": "russian"},
            "portal_ar_stem": {"type": "stemmer", "language": "arabic"},
        },
        "analyzer": {
            "portal_de": {
                "tokenizer": "standard",
                "filter": [
                    "lowercase",
                    "german_normalization",
                    "asciifolding",
                    "portal_de_stop",
                    "portal_de_decompound",
                    "portal_de_stem",
                ],
            },
            "portal_autocomplete": {
                "tokenizer": "standard",
                "filter": ["lowercase", "german_normalization", "asciifolding", "portal_de_decompound", "portal_edge"],
            },
            "portal_autocomplete_search": {
                "tokenizer": "standard",
                "filter": ["lowercase", "german_normalization", "asciifolding"],
            },
            "portal_plain": {"tokenizer": "standard", "filter": ["lowercase", "german_normalization", "asciifolding"]},
            # Whole words only (no compound parts): a title that has the very word ranks above one with a part.
            "portal_de_exact": {
                "tokenizer": "standard",
                "filter": ["lowercase", "german_normalization", "asciifolding", "portal_de_stop", "portal_de_stem"],
            },
            "portal_tr": {"tokenizer": "standard", "filter": ["apostrophe", "portal_tr_lowercase", "portal_tr_stem"]},
            "portal_en": {"tokenizer": "standard", "filter": ["portal_en_possessive", "lowercase", "portal_en_stem"]},
            "portal_ru": {"tokenizer": "standard", "filter": ["lowercase", "portal_ru_stem"]},
            "portal_ar": {
                "tokenizer": "standard",
                "filter": ["lowercase", "decimal_digit", "arabic_normalization", "portal_ar_stem"],
            },
            # Ukrainian has no stemmer in the stock analysis modules: words are matched whole, typos by fuzziness.
            "portal_uk": {"tokenizer": "standard", "filter": ["lowercase"]},
        },
    }


# Which analyzer reads the text of a document in a given language.
LANGUAGE_ANALYZERS = {
    "de": "portal_de",
    "tr": "portal_tr",
    "en": "portal_en",
    "ru": "portal_ru",
    "ar": "portal_ar",
    "uk": "portal_uk",
}
