"""General German for the search: compound splitting and derivations for words nobody listed.

Both rest on how common a word is in German (the `wordfreq` library's German list, about 170,000 words down to
once in ten million words, folded like the portal's text). The family-domain list (search/dictionary/de_family.txt)
is a supplement: its parts count as common words.

Compound splitting follows Koehn & Knight (2003, "Empirical Methods for Compound Splitting"), one cut at a time: of
all ways to read a word as two known parts joined by a linking element (Fugenelement), the one whose parts are most
common on average wins, and only if that average is higher than the word's own frequency; each part is split again
the same way — "Kinderzahnarzt" (unknown) is kinder + zahn +
arzt, "Zahnarzt" (less common than Zahn and Arzt) is zahn + arzt, but "Hebamme" (more common than "heb" and "amme")
stays one word. A part must be a word of its own, not a function word ("nach" in "Nachmittag"), at least three
letters and, for three letters, very common ("Zoo", "Eis").

Derivations: the word without a derivational ending when what is left is itself a German word or a verb stem
("musikalisch" → "musik", "basteln" → "bastel", "Bewegung" → "beweg"), so that noun, adjective and verb meet.
"""

from __future__ import annotations

import functools
import math

ZIPF_FLOOR = 2.0  # words rarer than this (once in 10 million words) are not loaded: mostly typos and names
ZIPF_PART = 2.5  # a compound part must be at least this common
ZIPF_SHORT_PART = 4.3  # three-letter parts only when very common: "Dinslaken" is not din + s + laken
ZIPF_LISTED = 4.0  # a part from the family-domain list counts as this common
MIN_PART = 3
MIN_SPLIT_WORD = 6
MAX_SPLIT_WORD = 40
# Fugenelemente between parts ("Arbeit-s-amt", "Familie-n-zentrum", "Latern-en-basteln").
LINKING = ("", "s", "n", "en", "es", "e")
# A part may be a word that lost its ending in the compound: "Schul-weg" (Schule), "Schwimm-kurs" (schwimmen).
PART_ENDINGS = ("", "e", "en", "n")
# Function words and verb prefixes are never compound parts: "Nachmittag" is not nach + mittag.
NOT_PARTS = frozenset(
    "ab an auf aus bei bis da dar durch ein ent er fur gegen her hin in mit nach ob ohne uber um un unter ver vor "
    "weg zer zu zur zum der die das den dem des und oder als wie was wer wo so auch noch nur schon sehr mehr "
    "chen lein".split()  # and diminutive endings: "Pferdchen" is not pferd + chen
)
# Derivational endings, longest first, and what a parent may type instead (the bare word or the verb stem).
DERIVATIONS = (
    ("alisch", ""),
    ("isch", ""),
    ("lich", ""),
    ("keit", ""),
    ("heit", ""),
    ("ität", ""),
    ("itat", ""),
    ("ung", ""),
    ("ig", ""),
    ("eln", "el"),
    ("ern", "er"),
)


def _fold(word: str) -> str:
    from search.analysis import fold

    return fold(word)


@functools.cache
def frequencies() -> dict[str, float]:
    """Folded German words and how common they are (Zipf scale: 3 = once per million words)."""
    from wordfreq import get_frequency_dict

    from search.analysis import dictionary

    found: dict[str, float] = {}
    for word, frequency in get_frequency_dict("de", "large").items():
        if frequency < 10 ** (ZIPF_FLOOR - 9) or not word.isalpha():
            continue
        folded = _fold(word)
        zipf = math.log10(frequency) + 9
        if zipf > found.get(folded, 0.0):
            found[folded] = zipf
    for part in dictionary():
        found[part] = max(found.get(part, 0.0), ZIPF_LISTED)
    return found


def zipf(word: str) -> float:
    """How common a folded word is (0 for a word the list does not have)."""
    return frequencies().get(word, 0.0)


@functools.lru_cache(maxsize=100_000)
def part_zipf(part: str) -> float:
    """How common a folded piece is as a compound part (0 if it cannot be one)."""
    if len(part) < MIN_PART or part in NOT_PARTS:
        return 0.0
    best = max(zipf(part + ending) for ending in PART_ENDINGS)
    needed = ZIPF_SHORT_PART if len(part) == MIN_PART else ZIPF_PART
    return best if best >= needed else 0.0


def _halves(word: str) -> list[tuple[str, str]]:
    """Every way to read a folded word as two known parts, with or without a linking element between them."""
    found = []
    for end in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[:end]
        if not part_zipf(head):
            continue
        for link in LINKING:
            tail = word[end + len(link) :]
            # Two three-letter halves are nearly always chance ("gar" + "ten" in "Garten").
            short = len(head) == MIN_PART and len(tail) == MIN_PART
            if word.startswith(link, end) and not short and part_zipf(tail):
                found.append((head, tail))
    return found


@functools.lru_cache(maxsize=100_000)
def _tree(word: str) -> tuple:
    """The word as a binary tree of parts: (word,) when it is better read whole, else (word, left, right)."""
    if not (MIN_SPLIT_WORD <= len(word) <= MAX_SPLIT_WORD) or not word.isalpha():
        return (word,)
    halves = _halves(word)
    if not halves:
        return (word,)
    # The most common parts on average; of equal ones the longer head ("regen" + "jacke", not "reg" + en + "jacke").
    best = max(halves, key=lambda pair: ((part_zipf(pair[0]) + part_zipf(pair[1])) / 2, len(pair[0])))
    if (part_zipf(best[0]) + part_zipf(best[1])) / 2 <= zipf(word):
        return (word,)
    return (word, _tree(best[0]), _tree(best[1]))


def split(word: str) -> tuple[str, ...]:
    """The smallest parts of a folded compound, or () when the word is better read whole (see the module's
    docstring): "kinderzahnarzt" → kinder, zahn, arzt."""
    tree = _tree(word)
    if len(tree) == 1:
        return ()

    def leaves(node: tuple) -> list[str]:
        return [node[0]] if len(node) == 1 else leaves(node[1]) + leaves(node[2])

    return tuple(leaves(tree))


def subwords(word: str) -> tuple[str, ...]:
    """Every part of a compound at every level ("kinderzahnarzt": kinder, zahnarzt, zahn, arzt), for indexing: a
    search for any of them finds the compound."""
    found: list[str] = []

    def walk(node: tuple) -> None:
        if len(node) == 3:
            for child in node[1:]:
                found.append(child[0])
                walk(child)

    walk(_tree(word))
    return tuple(dict.fromkeys(found))


@functools.lru_cache(maxsize=100_000)
def derivation(word: str) -> str:
    """The folded word without a derivational ending, when what is left is a German word or verb stem; else ""."""
    # Past participles: "geimpft" → impf(en), "gebastelt" → bastel(n), "behindert" → behinder(n), "informiert" →
    # informier(en); a root that is only a noun ("Markt" is not "mark" + t) does not count.
    if word.endswith("t"):
        roots = []
        if word.startswith("ge") and len(word) > 5:
            roots += [word[2:-1], word[2:-2] if word.endswith("et") else ""]
        if word.endswith(("ert", "elt", "iert")):
            roots.append(word[:-1])
        for root in roots:
            if len(root) >= 4 and max(zipf(root + "en"), zipf(root + "n")) >= ZIPF_PART:
                return root
    for ending, replacement in DERIVATIONS:
        ending = _fold(ending)
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            root = word[: -len(ending)] + replacement
            if max(zipf(root + tail) for tail in PART_ENDINGS) >= ZIPF_PART:
                return root
    return ""


def known(word: str) -> bool:
    """A folded word the German list has, or a compound of known parts (not a typo)."""
    return zipf(word) >= ZIPF_PART or bool(split(word))
