"""HTML that people type (wiki articles, forum posts) made safe: the one place that configures the sanitizer.

Each kind of content has a `Policy`; `FORUM` and `WIKI` are built from the same `USER_CONTENT` base, so the
allow-lists and clean-up rules are written once and the differences between the two are visible at a glance.

Why nh3: it binds ammonia, a maintained allow-list sanitizer written in Rust on top of html5ever, the HTML
parser of Servo — so markup is parsed the way a browser parses it (malformed, nested and mis-cased tags, character
references in URLs) before anything is kept. bleach, the usual Python choice, is deprecated.

What every policy guarantees:
- only the listed tags survive; everything else is unwrapped to its text, <script> and <style> go with their content;
- only the listed attributes survive: no on* handlers, no style, no src — and no <img>, <iframe>, <object>, <embed>,
  <video> or <audio>, so a page never fetches anything from an outside host;
- links point to http(s), mailto or somewhere relative; javascript:, data:, vbscript: and the like are dropped;
- ids are plain slugs, classes only the exact values a policy names; rel is always the portal's own;
- links to other hosts are marked as user content (`nofollow ugc noopener`); the forum marks every link.

This is the lowest layer: no imports from home, community or search.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

import nh3

# Outside links in user content: no ranking boost for spam, no window.opener for the target page.
USER_CONTENT_REL = "nofollow ugc noopener"
URL_SCHEMES = frozenset({"http", "https", "mailto"})

SLUG_ID = re.compile(r"[a-z0-9_-]{1,80}")
EXTERNAL_URL = re.compile(r"^(https?:)?//")
# With `relative_links="rooted"` a relative href must be a portal path or an anchor: something like
# "javascript&#58;…" (harmless to a browser, but confusing) has no place in a link.
ROOTED_OR_SAFE_URL = re.compile(r"^((https?:)?//|/|#|mailto:)")
# nh3's output is normalised: attribute values are double-quoted with ", <, > and & escaped, so this is exact.
OPENING_LINK = re.compile(r"<a\b[^>]*>")
HREF = re.compile(r'\shref="([^"]*)"')

FORMATTING_TAGS = frozenset("p br strong em b i ul ol li blockquote code pre a hr del".split())
TABLE_TAGS = frozenset("table thead tbody tr th td".split())


def heading_tags(first: int, last: int) -> frozenset[str]:
    return frozenset(f"h{level}" for level in range(first, last + 1))


@dataclass(frozen=True)
class Policy:
    """What one kind of user content may contain."""

    tags: frozenset[str]
    # Attributes kept as they are (ids are kept only if they are slugs), per tag; "*" means on every tag.
    attributes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Attributes kept only with one of these exact values, per tag (e.g. the portal's own link classes).
    attribute_values: Mapping[str, Mapping[str, frozenset[str]]] = field(default_factory=dict)
    # "all": every link is marked as user content; "external": only links to other hosts (portal links stay plain).
    mark_links: Literal["all", "external"] = "all"
    # "any": relative hrefs pass as the browser would resolve them; "rooted": only "/…" and "#…" do.
    relative_links: Literal["any", "rooted"] = "any"

    def extend(
        self,
        *,
        tags: Iterable[str] = (),
        attributes: Mapping[str, Iterable[str]] | None = None,
        attribute_values: Mapping[str, Mapping[str, Iterable[str]]] | None = None,
        **changes,
    ) -> Policy:
        """A stricter or wider variant: tags and attributes are added to this policy's, other fields replaced."""
        merged_attributes = {tag: frozenset(names) for tag, names in self.attributes.items()}
        for tag, names in (attributes or {}).items():
            merged_attributes[tag] = merged_attributes.get(tag, frozenset()) | frozenset(names)
        merged_values = {tag: dict(values) for tag, values in self.attribute_values.items()}
        for tag, values in (attribute_values or {}).items():
            tag_values = merged_values.setdefault(tag, {})
            for name, allowed in values.items():
                tag_values[name] = tag_values.get(name, frozenset()) | frozenset(allowed)
        return replace(
            self,
            tags=self.tags | frozenset(tags),
            attributes=merged_attributes,
            attribute_values=merged_values,
            **changes,
        )


# What both the wiki and the forum allow: text formatting, lists, quotes, code and links. lang and title on every
# tag are nh3's defaults, which the forum and the wiki always had; they are written out so nothing is implicit.
USER_CONTENT = Policy(
    tags=FORMATTING_TAGS, attributes={"*": frozenset({"lang", "title"}), "a": frozenset({"href", "title"})}
)

# Forum posts (machina's Markdown): headings below the topic title, every link marked as user content.
FORUM = USER_CONTENT.extend(tags=heading_tags(3, 6))

# Wiki articles: section headings with anchors for the table of contents, tables, and the wiki's own [[links]]
# (class "wiki-link"), which stay unmarked like every other link inside the portal.
WIKI = USER_CONTENT.extend(
    tags=heading_tags(2, 4) | TABLE_TAGS,
    attributes={heading: {"id"} for heading in heading_tags(2, 4)},
    attribute_values={"a": {"class": {"wiki-link", "wiki-link wiki-link--missing"}}},
    mark_links="external",
    relative_links="rooted",
)


def sanitize_html(html: str, policy: Policy) -> str:
    """Only what `policy` allows survives; see the module docstring for what every policy guarantees."""
    cleaned = nh3.clean(
        html,
        tags=set(policy.tags),
        # Without a "*" entry nh3 would fall back to its own defaults for every tag.
        attributes={"*": set(), **{tag: set(names) for tag, names in policy.attributes.items()}},
        tag_attribute_values={
            tag: {name: set(allowed) for name, allowed in values.items()}
            for tag, values in policy.attribute_values.items()
        },
        url_schemes=set(URL_SCHEMES),
        # nh3 drops any rel a person typed and, if given, sets this one on every link.
        link_rel=USER_CONTENT_REL if policy.mark_links == "all" else None,
        attribute_filter=lambda tag, attribute, value: _filter_attribute(policy, attribute, value),
    )
    return _mark_external_links(cleaned) if policy.mark_links == "external" else cleaned


def strip_tags(html: str) -> str:
    """Text only (entities stay escaped); <script> and <style> are dropped with their content."""
    return nh3.clean(html, tags=set())


def _filter_attribute(policy: Policy, attribute: str, value: str) -> str | None:
    # nh3 hands over values with character references already decoded, i.e. as the browser will see them.
    if attribute == "id":
        return value if SLUG_ID.fullmatch(value) else None
    if attribute == "href" and policy.relative_links == "rooted":
        return value if ROOTED_OR_SAFE_URL.match(value) else None
    return value


def _mark_external_links(html: str) -> str:
    def mark(match: re.Match) -> str:
        tag = match.group(0)
        href = HREF.search(tag)
        if href and EXTERNAL_URL.match(html_lib.unescape(href.group(1))):
            return f'{tag[:-1]} rel="{USER_CONTENT_REL}">'
        return tag

    return OPENING_LINK.sub(mark, html)
