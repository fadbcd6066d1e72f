"""Forum Markdown: machina's renderer, then an allow-list sanitizer (markdown2's safe mode alone has had XSS bypasses)."""

import nh3
from machina.core.markdown import markdown as machina_markdown

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "a", "h3", "h4", "h5", "h6", "hr", "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def sanitize_html(html: str) -> str:
    """Keep harmless formatting only; links are http(s)/mailto and marked as user content."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )


def render_markdown(text: str, **kwargs) -> str:
    return sanitize_html(str(machina_markdown(text, safe_mode=True, extras={"break-on-newline": True})))
