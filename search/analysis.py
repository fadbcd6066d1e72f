"""Text analysis shared by both engines, one chain per language.

The search cluster gets the chains as index settings (`cluster_analysis()`); the database engine runs them in
Python (`analyze()`), so that "Kitaplätze", "Kita-Platz" and "kitaplatz" meet in both. German (also Leichte
Sprache, `de-x-ls`): lowercase → German normalization (ä→a, ae→a, ß→ss, like Lucene's GermanNormalizationFilter)
→ other Latin diacritics folded → compound parts from the family dictionary → light stemming (Lucene's
GermanLightStemmer). English, Turkish, Russian and Arabic: their own lower-casing and normalization, stop words,
Snowball stemmers; Ukrainian: lower-casing, apostrophes unified, light removal of case endings (see
`stem_ukrainian`). A word is indexed and searched under all its forms (`word_forms`).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from pathlib import Path

import snowballstemmer

DICTIONARY_PATH = Path(__file__).parent / "dictionary" / "de_family.txt"
DISTRICT_ALIASES_PATH = Path(__file__).parent / "dictionary" / "district_aliases.txt"
LINKING = ("", "s", "n", "en", "es", "e")  # Fugenelemente between compound parts
MIN_PART = 3
# Leichte Sprache marks the joints of a compound with a middle dot ("Tages·mutter", the Mediopunkt): the word is
# still the one compound ("Tagesmutter"), for its dictionary parts and for a reader who types it without the dot.
MEDIOPUNKT = "·"
WORD_RE = re.compile(rf"\w+(?:{MEDIOPUNKT}\w+)*", re.UNICODE)
_ST_ENDING = set("bdfghklmnt")
# Words too common to require in a match ("Kita in Saarn" needs Kita and Saarn, not "in").
STOPWORDS = frozenset(
    "aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du ein eine einem einen einer "
    "eines er es fur gibt habe hat ich ihr im in ist ja kann man mein mit nach nicht noch oder sie sind so uber "
    "um und uns von vor war was wer wie wir wo zu zum zur".split()
)


def fold(word: str) -> str:
    """Lowercase, German umlauts and their two-letter spellings to the plain vowel, ß to ss, Latin accents off."""
    word = word.lower().replace(MEDIOPUNKT, "").replace("ß", "ss").replace("ä", "a").replace("ö", "o").replace("ü", "u")
    word = re.sub(r"(?<!q)ue", "u", word)
    word = word.replace("ae", "a").replace("oe", "o")
    return _strip_latin_marks(word)


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


def decompound(word: str) -> tuple[str, ...]:
    """The parts of a folded German compound at every level (search/german.py): general German, with the family
    list as a supplement."""
    from search import german

    return german.subwords(word)


def covered(word: str) -> bool:
    """Whether a folded word is German: a word of the general list or a compound of its words (not a typo)."""
    from search import german

    return not word or german.known(word)


@functools.cache
def district_aliases() -> dict[str, str]:
    aliases = {}
    for line in DISTRICT_ALIASES_PATH.read_text(encoding="utf-8").splitlines():
        if ":" in line and not line.startswith("#"):
            name, _sep, others = line.partition(":")
            aliases[name.strip()] = " ".join(o.strip() for o in others.split(",") if o.strip())
    return aliases


@functools.cache
def _districts() -> dict[str, str]:
    """Folded names and aliases of the Stadtteile the search index knows, and the Stadtteil each names."""
    from search.models import SearchEntry

    names = set(SearchEntry.objects.exclude(district="").values_list("district", flat=True).distinct())
    found = {}
    for name in names | set(district_aliases()):
        for piece in [name, *district_aliases().get(name, "").split()]:
            found.setdefault(fold(piece), name)
    return found


def district_names(words: list[str]) -> list[str]:
    """The Stadtteile a query's words name ("Saarn", "Innenstadt" for Altstadt I and II)."""
    known = _districts()
    named = {known[fold(word)] for word in words if fold(word) in known}
    aliases = district_aliases()
    return sorted(
        named | {name for name in aliases if any(fold(word) in map(fold, aliases[name].split()) for word in words)}
    )


def district_terms(district: str) -> str:
    """A Stadtteil's name with what people also call it ("Altstadt I" → "… Innenstadt Stadtmitte …")."""
    return " ".join(filter(None, [district, district_aliases().get(district, "")]))


# --- Languages ---------------------------------------------------------------------------------------
# The analyses there are; a text in any other language code is read as German (the portal's source language).
ANALYZERS = ("de", "en", "tr", "ru", "ar", "uk")
# Words joined by an apostrophe stay one word where the apostrophe belongs to it: English "children's",
# Turkish "Mülheim'da" (a case ending follows a name), Ukrainian "сім'я" (part of the spelling).
APOSTROPHES = "'’ʼ‘`"
JOINED_WORD_RE = re.compile(rf"\w+(?:[{APOSTROPHES}]\w+)*", re.UNICODE)
# Arabic short vowels and other marks are not word characters for `\w`: they must not split a word.
ARABIC_WORD_RE = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+", re.UNICODE)
ARABIC_MARKS_RE = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # and tatweel
ARABIC_FORMS = str.maketrans(
    {
        "\u0622": "\u0627",  # آ → ا
        "\u0623": "\u0627",  # أ → ا
        "\u0625": "\u0627",  # إ → ا
        "\u0671": "\u0627",  # ٱ → ا
        "\u0649": "\u064a",  # alef maqsura ى → ya ي
        **{chr(0x0660 + n): str(n) for n in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + n): str(n) for n in range(10)},  # Eastern Arabic-Indic (Persian) digits
    }
)
# Article with a one-letter prefix ("and the", "with the", "like the", "so the"), which Snowball leaves on.
TA_MARBUTA = str.maketrans({"\u0629": "\u0647"})  # ة → ه, as people often write it
ARABIC_PREFIXES = ("\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644")
TURKISH_ASCII = str.maketrans("çğıöşüâîû", "cgiosuaiu")
TURKISH_VOWELS = "aeıioöuü"
ENGLISH_IRREGULAR = {"children": "child", "women": "woman", "men": "man", "feet": "foot", "teeth": "tooth"}
# Ukrainian noun and adjective endings (no Snowball stemmer exists for it): the longest one that leaves a stem
# of three letters goes, so that "плавання", "плаванню" and "плаванням" or "курси", "курсів" and "курсах" meet.
# Verb endings are left alone: "-ти" would cut the noun "роботи" to "робо" but "робота" to "робот".
UKRAINIAN_ENDINGS = sorted(
    set(
        "ього ьому ами ями ьми ові еві єві ого ому ими іми ий ій их іх им ім ої ою ею єю ам ям ах ях ом ем єм "
        "ів їв ей а я о е є у ю і и ї ь й".split()
    ),
    key=lambda ending: (-len(ending), ending),
)
UKRAINIAN_MIN_STEM = 3
# One pattern for Python and the cluster (Java regex): the shortest stem of 3+ letters before a whole ending.
UKRAINIAN_STEM_PATTERN = rf"^(.{{{UKRAINIAN_MIN_STEM},}}?)(?:{'|'.join(UKRAINIAN_ENDINGS)})$"
_UKRAINIAN_STEM_RE = re.compile(UKRAINIAN_STEM_PATTERN)

# Words too common to require in a match, in their normalized form (see `normalize`).
LANGUAGE_STOPWORDS = {
    "de": STOPWORDS,
    "en": frozenset(
        "a an and are as at be but by for if in into is it no not of on or such that the their then there these "
        "they this to was will with".split()
    ),
    "tr": frozenset(
        "acaba ama ancak artık aslında az bana bazı belki ben beni benim beri bile bir biraz birçok biri birkaç biz "
        "bizim bu buna bunda bundan bunu bunun burada çok çünkü da daha de diye eğer gibi hem hep hepsi her hiç için "
        "ile ise kez ki kim mi mı mu mü nasıl ne neden nerede nereye niçin niye o olan olarak onlar onu sanki siz "
        "şey şu tüm ve veya ya yani".split()
    ),
    "ru": frozenset(
        "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от "
        "меня еще нет о из ему когда даже ну ли если уже или ни быть был него до вас нибудь уж вам ведь там потом "
        "себя ей может они тут где есть надо ней для мы тебя их чем была сам без будто чего раз тоже себе под будет "
        "ж тогда кто этот того потому этого какой ним здесь этом мой тем чтобы нее были куда зачем всех можно при "
        "об хоть после над больше тот через эти нас про всего них какая много разве эту моя свою этой перед том "
        "такой им более всегда между".split()
    ),
    "ar": frozenset(
        "في من علي الي عن مع و او ثم هذا هذه ذلك تلك التي الذي الذين ما لا لم لن هل كل بين قد كان كانت هو هي هم "
        "انت انا نحن عند اذا ان انه حتي".split()
    ),
    "uk": frozenset(
        "і й та в у на з із зі до для по що як це за від або але не чи ми ви він вона воно вони я ти його її їх бо "
        "же ж а так теж також при про над під між через".split()
    ),
}
_stemmers = threading.local()  # Snowball stemmer objects keep state while stemming: one set per thread


def analyzer_for(language: str) -> str:
    """The analysis a text in `language` gets: Leichte Sprache (`de-x-ls`) and unknown codes are German."""
    code = (language or "de").lower()
    base = code.split("-")[0]
    return base if base in ANALYZERS else "de"


def _snowball(algorithm: str, word: str) -> str:
    stemmers = _stemmers.__dict__
    if algorithm not in stemmers:
        stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    return stemmers[algorithm].stemWord(word)


def _strip_latin_marks(word: str) -> str:
    """Accents off Latin letters only: é → e, while Cyrillic й or Arabic marks stay."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    kept, previous_latin = [], False
    for char in decomposed:
        if unicodedata.combining(char) and previous_latin:
            continue
        kept.append(char)
        previous_latin = char.isascii()
    return unicodedata.normalize("NFC", "".join(kept))


def turkish_lower(word: str) -> str:
    """Turkish lower-casing: I → ı and İ → i (Python's str.lower() makes "i̇" of İ and "i" of I)."""
    return unicodedata.normalize("NFC", word).replace("I", "ı").replace("İ", "i").lower()


def arabic_normalize(word: str, *, ta_marbuta: bool = True) -> str:
    """Short vowels, other marks and tatweel out; alef forms to ا, ى to ي, ة to ه; Arabic digits to 0–9.
    The stemmer gets ة kept (`ta_marbuta=False`): it is the feminine ending Snowball removes."""
    word = ARABIC_MARKS_RE.sub("", word).translate(ARABIC_FORMS).lower()
    return word.translate(TA_MARBUTA) if ta_marbuta else word


def _strip_apostrophes(word: str) -> str:
    return word.translate({ord(char): None for char in APOSTROPHES})


@functools.lru_cache(maxsize=100_000)
def normalize(word: str, language: str = "de") -> str:
    """A word as the analysis of `language` compares it before stemming: lower-cased and normalized (the form a
    typed prefix is matched in)."""
    analyzer = analyzer_for(language)
    if analyzer == "de":
        return fold(word)
    if analyzer == "en":
        word = word.lower().replace("’", "'").replace("‘", "'")
        word = word[:-2] if word.endswith("'s") else word.rstrip("'")
        return _strip_latin_marks(_strip_apostrophes(word))
    if analyzer == "tr":
        # Like Lucene's ApostropheFilter: "Mülheim'da" is "Mülheim" with a case ending.
        return re.split(f"[{APOSTROPHES}]", turkish_lower(word), maxsplit=1)[0]
    if analyzer == "ru":
        return word.lower().replace("ё", "е")
    if analyzer == "ar":
        return arabic_normalize(word)
    # Ukrainian: "сім'я", "сім’я", "сімʼя" and "сімя" (typed without the apostrophe) are one word.
    return _strip_apostrophes(unicodedata.normalize("NFC", word).lower())


def stem_ukrainian(word: str) -> str:
    """Light Ukrainian stemming on a normalized word: one case ending off ("дітей" → "діт", "курсах" → "курс")."""
    return _UKRAINIAN_STEM_RE.sub(r"\1", word)


def stem_arabic(word: str) -> str:
    """Snowball's Arabic stemmer, after the article with a one-letter prefix it leaves on ("بالمجان")."""
    word = arabic_normalize(word, ta_marbuta=False)
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    return arabic_normalize(_snowball("arabic", word))


def language_stem(word: str, language: str) -> str:
    """The stem of a normalized word in the analysis of `language`."""
    analyzer = analyzer_for(language)
    if analyzer == "de":
        return stem(word)
    if analyzer == "en":
        return _snowball("english", ENGLISH_IRREGULAR.get(word, word))
    if analyzer == "tr":
        return _snowball("turkish", word)
    if analyzer == "ru":
        return _snowball("russian", word)
    if analyzer == "ar":
        return stem_arabic(word)
    return stem_ukrainian(word)


def _stem_input(word: str, analyzer: str) -> str:
    # Arabic is stemmed before ة becomes ه (see `arabic_normalize`); every other language from its normalized form.
    return arabic_normalize(word, ta_marbuta=False) if analyzer == "ar" else normalize(word, analyzer)


def words(text: str, language: str = "de") -> list[str]:
    analyzer = analyzer_for(language)
    if analyzer in ("en", "tr", "uk"):
        return JOINED_WORD_RE.findall(text or "")
    if analyzer == "ar":
        return ARABIC_WORD_RE.findall(text or "")
    return WORD_RE.findall(text or "")


def word_regex(language: str = "de") -> re.Pattern:
    """What `words` finds, for marking matches in a text of that language."""
    analyzer = analyzer_for(language)
    return JOINED_WORD_RE if analyzer in ("en", "tr", "uk") else ARABIC_WORD_RE if analyzer == "ar" else WORD_RE


@functools.lru_cache(maxsize=100_000)
def word_forms(word: str, language: str = "de") -> frozenset[str]:
    """Every form a word is indexed and searched under. German: folded, stemmed, and its stemmed compound parts;
    other languages: normalized and stemmed (Turkish also without its letters' marks, for keyboards without
    them, and without a last case or possessive ending that Snowball keeps: "kursu" meets "kursları",
    "başvurusu" meets "başvuru")."""
    analyzer = analyzer_for(language)
    if analyzer == "de":
        folded = fold(word)
        forms = whole_forms(folded)
        for part in decompound(folded):
            forms.add(stem(part))
        return frozenset(f for f in forms if f)
    normalized = normalize(word, analyzer)
    forms = {normalized, language_stem(_stem_input(word, analyzer), analyzer)}
    if analyzer == "tr":
        if len(normalized) >= 5 and normalized[-1] in "ıiuüae":  # accusative, dative, possessive
            forms.add(normalized[:-1])
            if normalized[-2] == "s" and normalized[-3] in TURKISH_VOWELS:
                forms.add(normalized[:-2])  # possessive after a vowel: "başvurusu" is "başvuru" + "su"
        forms |= {form.translate(TURKISH_ASCII) for form in forms}
    elif analyzer == "ar" and normalized.startswith("\u0648") and len(normalized) >= 5:
        forms.add(
            stem_arabic(_stem_input(word, analyzer)[1:])
        )  # a leading و is often "and" (Lucene strips it the same way)
    return frozenset(f for f in forms if f)


def whole_forms(folded: str) -> set[str]:
    """A folded German word as itself: folded, stemmed, and without a derivational ending ("musikalisch" is also
    "musik", "basteln" also "bastel")."""
    from search import german

    forms = {folded, stem(folded)}
    root = german.derivation(stem(folded)) or german.derivation(folded)
    if root:
        forms.add(stem(root))
    return forms


# A query word matches when an entry has one of its forms (any of a clause's sets: all of them). A clause is a tuple
# of form sets that must all be present: a German compound matches as the whole word or as all its parts.
Clause = tuple[frozenset[str], ...]


@functools.lru_cache(maxsize=20_000)
def query_clauses(word: str, language: str = "de") -> tuple[Clause, ...]:
    """How a query word matches: its whole forms, or for a German compound also all of its smallest parts together
    ("Kinderzahnarzt": the word, or kind + zahn + arzt in one text; not every text with "Kinder")."""
    from search import german

    analyzer = analyzer_for(language)
    if analyzer != "de":
        return ((word_forms(word, analyzer),),)
    folded = fold(word)
    clauses: list[Clause] = [(frozenset(f for f in whole_forms(folded) if f),)]
    parts = german.split(folded)
    if parts:
        clauses.append(tuple(frozenset({part, stem(part)}) for part in parts))
    return tuple(clauses)


def whole_word_form(word: str, language: str = "de") -> str:
    """The one form a title must contain to count as having the very word (not a compound part of it)."""
    analyzer = analyzer_for(language)
    return language_stem(_stem_input(word, analyzer), analyzer)


def is_stopword(word: str, language: str = "de") -> bool:
    analyzer = analyzer_for(language)
    normalized = normalize(word, analyzer)
    return not normalized or normalized in LANGUAGE_STOPWORDS[analyzer]


def analyze(text: str, language: str = "de") -> list[str]:
    """Index tokens for the database engine (one text, many forms per word), in the analysis of `language`."""
    tokens: list[str] = []
    for word in words(text, language):
        if is_stopword(word, language):
            continue
        tokens.extend(sorted(word_forms(word, language)))
    return tokens


def query_words(query: str, language: str = "de") -> list[str]:
    """The words a document must match (stop words dropped); each matches through any of its `word_forms`."""
    return [word for word in words(query, language) if not is_stopword(word, language)]


def cluster_analysis() -> dict:
    """The same chains as OpenSearch/Elasticsearch analysis settings, one analyzer per language."""
    return {
        "char_filter": {
            "portal_de_mediopunkt": {"type": "pattern_replace", "pattern": MEDIOPUNKT, "replacement": ""},
            "portal_uk_apostrophes": {"type": "pattern_replace", "pattern": f"[{APOSTROPHES}]", "replacement": ""},
            "portal_ru_yo": {"type": "mapping", "mappings": ["ё=>е", "Ё=>Е"]},
        },
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
            "portal_en_irregular": {
                "type": "stemmer_override",
                "rules": [f"{plural} => {singular}" for plural, singular in ENGLISH_IRREGULAR.items()],
            },
            "portal_ru_stem": {"type": "stemmer", "language": "russian"},
            "portal_ar_stem": {"type": "stemmer", "language": "arabic"},
            "portal_uk_stem": {"type": "pattern_replace", "pattern": UKRAINIAN_STEM_PATTERN, "replacement": "$1"},
            **{
                f"portal_{language}_stop": {"type": "stop", "stopwords": sorted(LANGUAGE_STOPWORDS[language])}
                for language in ("en", "tr", "ru", "ar", "uk")
            },
        },
        "analyzer": {
            "portal_de": {
                "tokenizer": "standard",
                "char_filter": ["portal_de_mediopunkt"],
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
                "char_filter": ["portal_de_mediopunkt"],
                "filter": ["lowercase", "german_normalization", "asciifolding", "portal_de_decompound", "portal_edge"],
            },
            "portal_autocomplete_search": {
                "tokenizer": "standard",
                "char_filter": ["portal_de_mediopunkt"],
                "filter": ["lowercase", "german_normalization", "asciifolding"],
            },
            "portal_plain": {
                "tokenizer": "standard",
                "char_filter": ["portal_de_mediopunkt"],
                "filter": ["lowercase", "german_normalization", "asciifolding"],
            },
            # Whole words only (no compound parts): a title that has the very word ranks above one with a part.
            "portal_de_exact": {
                "tokenizer": "standard",
                "char_filter": ["portal_de_mediopunkt"],
                "filter": ["lowercase", "german_normalization", "asciifolding", "portal_de_stop", "portal_de_stem"],
            },
            "portal_tr": {
                "tokenizer": "standard",
                "filter": ["apostrophe", "portal_tr_lowercase", "portal_tr_stop", "portal_tr_stem"],
            },
            "portal_en": {
                "tokenizer": "standard",
                "filter": [
                    "portal_en_possessive",
                    "lowercase",
                    "portal_en_stop",
                    "portal_en_irregular",
                    "portal_en_stem",
                ],
            },
            "portal_ru": {
                "tokenizer": "standard",
                "char_filter": ["portal_ru_yo"],
                "filter": ["lowercase", "portal_ru_stop", "portal_ru_stem"],
            },
            "portal_ar": {
                "tokenizer": "standard",
                "filter": ["lowercase", "decimal_digit", "arabic_normalization", "portal_ar_stop", "portal_ar_stem"],
            },
            # Ukrainian has no stemmer in the stock analysis modules: the same light ending removal as in Python.
            "portal_uk": {
                "tokenizer": "standard",
                "char_filter": ["portal_uk_apostrophes"],
                "filter": ["lowercase", "portal_uk_stop", "portal_uk_stem"],
            },
        },
    }


# Which analyzer reads the text of a document in a given analysis language (`analyzer_for`).
LANGUAGE_ANALYZERS = {
    "de": "portal_de",
    "tr": "portal_tr",
    "en": "portal_en",
    "ru": "portal_ru",
    "ar": "portal_ar",
    "uk": "portal_uk",
}


# --- Ages in a query -------------------------------------------------------------------------------------
# "Kurs Baby 3 Monate", "Angebote für 2-Jährige", "Kita unter 1 Jahr", "swimming 4 years", "3 yaş", "5 лет": an age
# is a wish about who an offer is for, not a word its text must contain. Each unit: (pattern, months per unit).
_NUMBER = r"(\d{1,2})"
AGE_UNITS = (
    (
        r"jahr(?:e|en)?|j\.?|j(?:a|ä|ae)hrige[nrs]?|j(?:a|ä|ae)hrig|years?(?:-olds?)?|yrs?|y/?o|ya[sş](?:[iı]nda(?:ki)?)?|"
        r"год(?:а)?|лет|рок(?:ів)?|рік|роки|سنة|سنوات|سنين|عام|أعوام|اعوام",
        12,
    ),
    (r"monat(?:e|en)?|months?|ay(?:l[iı]k)?|месяц(?:а|ев)?|місяц(?:і|ів|ь)|شهر|أشهر|اشهر|شهور", 1),
)
_AGE_RE = re.compile(
    rf"(?:(?P<under>unter|bis|under|up to|до)\s+)?(?:(?P<from>ab|from|от|від)\s+)?{_NUMBER}\s*-?\s*(?P<unit>"
    + "|".join(f"(?:{pattern})" for pattern, _months in AGE_UNITS)
    + r")(?!\w)",
    re.IGNORECASE | re.UNICODE,
)


def query_age(text: str) -> tuple[int, int] | None:
    """The age range (in months) a query asks for, if it names one. Its words stay in the query (an offer's text
    says "3 Jahre" too); the range only ranks the offers for that age higher."""
    text = (text or "").translate(ARABIC_FORMS)  # Arabic-Indic digits to 0–9 (one character for one)
    match = _AGE_RE.search(text)
    if not match:
        return None
    number = int(match.group(3))
    unit = match.group("unit")
    months = next(per for pattern, per in AGE_UNITS if re.fullmatch(pattern, unit, re.IGNORECASE | re.UNICODE))
    low, high = number * months, number * months + months - 1
    if match.group("under"):
        low, high = 0, max(number * months - 1, 0)
    elif match.group("from"):
        high = 215
    return low, high
