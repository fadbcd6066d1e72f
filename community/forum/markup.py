"""Forum Markdown: machina's renderer, then the portal's allow-list sanitizer (markdown2's safe mode alone has had XSS bypasses)."""

from machina.core.markdown import markdown as machina_markdown

from core.sanitize import FORUM, sanitize_html


def render_markdown(text: str, **kwargs) -> str:
    # Harmless formatting only; links are http(s)/mailto and marked as user content (see core.sanitize.FORUM).
    return sanitize_html(str(machina_markdown(text, safe_mode=True, extras={"break-on-newline": True})), FORUM)
