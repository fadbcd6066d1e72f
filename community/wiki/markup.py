"""Wiki Markdown to safe HTML: headings get anchors for the table of contents, [[Titel]] links other articles."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass

import markdown
from django.utils.html import escape

from core.sanitize import WIKI, sanitize_html, strip_tags

WIKI_LINK = re.compile(r"\[\[([^\[\]|\n]{1,120})(?:\|([^\[\]\n]{1,120}))?\]\]")


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    text: str


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list[Heading]


def wiki_link_titles(text: str) -> set[str]:
    return {match.group(1).strip() for match in WIKI_LINK.finditer(text)}


def sanitize(html: str) -> str:
    """The one gate for everything parents type: no script, no handlers, no javascript: links; outside links marked.

    The rules live in core.sanitize (policy WIKI), shared with the forum."""
    return sanitize_html(html, WIKI)


def render(
    text: str,
    *,
    resolve: Callable[[str], str | None] = lambda title: None,
    missing_url: Callable[[str], str] | None = None,
) -> Rendered:
    """`resolve(title)` gives an article's URL or None; missing articles link to `missing_url(title)` if given."""

    def wiki_link(match: re.Match) -> str:
        title, label = match.group(1).strip(), (match.group(2) or match.group(1)).strip()
        url = resolve(title)
        if url:
            return f'<a class="wiki-link" href="{escape(url)}">{escape(label)}</a>'
        if missing_url:
            return f'<a class="wiki-link wiki-link--missing" href="{escape(missing_url(title))}">{escape(label)}</a>'
        return escape(label)

    # Raw HTML a parent types is shown as text, not interpreted (the sanitizer would catch it anyway).
    source = WIKI_LINK.sub("\x00WIKILINK\x00", escape_html(text))
    links = iter([wiki_link(match) for match in WIKI_LINK.finditer(text)])
    converter = markdown.Markdown(
        extensions=["toc", "sane_lists", "tables"], extension_configs={"toc": {"slugify": _slugify, "toc_depth": "2-3"}}
    )
    html = converter.convert(source)
    html = re.sub("\x00WIKILINK\x00", lambda _match: next(links, ""), html)
    html = sanitize(html)
    toc = [
        Heading(level=token["level"], anchor=token["id"], text=html_lib.unescape(token["name"]))
        for token in _flatten(converter.toc_tokens)
    ]
    return Rendered(html=html, toc=toc)


def escape_html(text: str) -> str:
    # Only < and & matter to Markdown's HTML pass-through; > stays for blockquotes.
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _slugify(value: str, separator: str) -> str:
    from django.utils.text import slugify

    return slugify(value.replace("ß", "ss")) or "abschnitt"


def _flatten(tokens: list[dict]) -> list[dict]:
    flat = []
    for token in tokens:
        flat.append(token)
        flat.extend(_flatten(token.get("children", [])))
    return flat


def plain_text(text: str) -> str:
    """Markdown without markup, for teasers and mails."""
    return re.sub(
        r"\s+", " ", strip_tags(markdown.markdown(escape_html(WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), text))))
    ).strip()
