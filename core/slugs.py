"""Slugs and lookup keys for German text: "Bambini-Fußball" becomes "bambini-fussball", not "bambini-fuball"."""

from __future__ import annotations

from django.utils.text import slugify

# Django's slugify drops what ASCII lacks (ß vanishes, ü becomes u); German readers expect the usual spelling.
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS"})


def german_slugify(text: str, *, max_length: int | None = None) -> str:
    """An ASCII slug with German transliteration, cut at a hyphen when it must fit `max_length`."""
    slug = slugify(str(text).translate(GERMAN_LETTERS))
    if max_length and len(slug) > max_length:
        cut = slug[:max_length]
        if slug[max_length] != "-" and "-" in cut:
            cut = cut.rsplit("-", 1)[0]
        slug = cut.rstrip("-")
    return slug


def match_key(text) -> str:
    """What two spellings of one name share: case, umlauts, spaces and hyphens aside ("Altstadt I" = "altstadt-i")."""
    return german_slugify(text or "")


def unique_slug(base: str, taken: set[str], *, max_length: int = 255) -> str:
    """`base`, or `base-2`, `base-3` … whichever is not in `taken`; the result is added to `taken`."""
    base = base[: max_length - 4].rstrip("-") or "eintrag"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate
