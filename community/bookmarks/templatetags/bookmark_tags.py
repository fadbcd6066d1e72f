from django import template

from community.bookmarks import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def bookmark_state(context, page) -> dict:
    """Whether this page can be kept and whether the reader has kept it (one query for a member, none for a guest)."""
    request = context.get("request")
    if page is None or request is None or selectors.bookmarkable_entry(page) is None:
        return {"possible": False}
    return {"possible": True, "saved": selectors.is_saved(user=request.user, page=page)}
