"""Wiki Markdown to safe HTML: headings get anchors for the table of contents, [[Titel]] links other articles."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass

import markdown
import nh3
from django.utils.html import escape

WIKI_LINK = re.compile(r"\[\[([^\[\]|\n]{1,120})(?:\|([^\[\]\n]{1,120}))?\]\]")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre", "a",
    "h2", "h3", "h4", "hr", "del", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "class"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"}}


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
    """The one gate for everything parents type: no script, no handlers, no javascript: links; outside links marked."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        set_tag_attribute_values={},
        attribute_filter=_drop_foreign_class,
    )


def _drop_foreign_class(tag: str, attribute: str, value: str) -> str | None:
    # Only the portal's own wiki-link classes survive; a parent cannot style content as portal UI.
    if attribute == "class":
        return value if value in {"wiki-link", "wiki-link wiki-link--missing"} else None
    if attribute == "id":
        return value if re.fullmatch(r"[a-z0-9_-]{1,80}", value) else None
    return value


def _mark_external_links(html: str) -> str:
    # nh3 strips any rel a parent typed; internal links (relative) stay plain, everything else is user content.
    # A href that is neither a web, mail, portal nor anchor address (e.g. "javascript&#58;…") is dropped.
    def mark(match: re.Match) -> str:
        tag = match.group(0)
        href = re.search(r'href="([^"]*)"', tag)
        if not href:
            return tag
        target = html_lib.unescape(href.group(1))
        if re.match(r"^(https?:)?//", target):
            return tag[:-1] + ' rel="nofollow ugc noopener">'
        if not re.match(r"^(/|#|mailto:)", target):
            return tag.replace(href.group(0), "").replace("<a >", "<a>")
        return tag

    return re.sub(r"<a\b[^>]*>", mark, html)


def render(text: str, *, resolve: Callable[[str], str | None] = lambda title: None, missing_url: Callable[[str], str] | None = None) -> Rendered:
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
    converter = markdown.Markdown(extensions=["toc", "sane_lists", "tables"], extension_configs={"toc": {"slugify": _slugify, "toc_depth": "2-3"}})
    html = converter.convert(source)
    html = re.sub("\x00WIKILINK\x00", lambda _match: next(links, ""), html)
    html = _mark_external_links(sanitize(html))
    toc = [Heading(level=token["level"], anchor=token["id"], text=html_lib.unescape(token["name"])) for token in _flatten(converter.toc_tokens)]
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
    return re.sub(r"\s+", " ", nh3.clean(markdown.markdown(escape_html(WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), text))), tags=set())).strip()
