"""Highlighted titles and snippets for the database engine (the cluster highlights by itself)."""

from __future__ import annotations

from django.utils.html import escape

from search.analysis import normalize, word_forms, word_regex

SNIPPET_LENGTH = 200


def _matches(word: str, forms: frozenset[str], prefix: str, language: str) -> bool:
    return bool(word_forms(word, language) & forms) or bool(prefix and normalize(word, language).startswith(prefix))


def mark(text: str, forms: frozenset[str], prefix: str = "", *, language: str = "de") -> str:
    """`text` escaped, with every word that matched the query in <mark> (words as the analysis of `language` reads
    them, e.g. Arabic with its short vowels)."""
    out, last = [], 0
    for match in word_regex(language).finditer(text):
        if _matches(match.group(), forms, prefix, language):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def snippet(
    text: str, forms: frozenset[str], prefix: str = "", length: int = SNIPPET_LENGTH, *, language: str = "de"
) -> str:
    """About `length` characters of `text` around its first match, highlighted."""
    if not text:
        return ""
    start = 0
    for match in word_regex(language).finditer(text):
        if _matches(match.group(), forms, prefix, language):
            start = max(0, match.start() - length // 3)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    body = mark(text[start:end], forms, prefix, language=language)
    return ("… " if start else "") + body + (" …" if end < len(text) else "")
