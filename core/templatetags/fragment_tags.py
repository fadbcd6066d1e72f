"""`{% fragment "name" vary_on… %}…{% endfragment %}`: a piece of a page kept until content changes (issue 20).

Like Django's `{% cache %}`, but kept under the content version and the reader's language (core/page_cache.py), so
a publish, a snippet edit or a moderation decision shows on the next request, and a piece that says when it
changes ("jetzt geöffnet" until 18:00) expires then. For pieces that are the same for every visitor of a page
(breadcrumbs, filter choices, result cards), never for anything about the member or holding a form's CSRF token.
Previews are rendered as they are."""

from __future__ import annotations

from django import template
from django.db.models import Model
from django.utils.safestring import mark_safe

from core.page_cache import cached_fragment

register = template.Library()


def _part(value):
    if isinstance(value, Model):
        return (value._meta.label, value.pk)
    return value if isinstance(value, (str, int, float, bool, type(None), tuple)) else str(value)


class FragmentNode(template.Node):
    def __init__(self, name: str, vary_on: list, nodelist) -> None:
        self.name = name
        self.vary_on = vary_on
        self.nodelist = nodelist

    def render(self, context) -> str:
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = tuple(_part(variable.resolve(context)) for variable in self.vary_on)
        html = cached_fragment("template:" + self.name, lambda: str(self.nodelist.render(context)), parts=parts)
        return mark_safe(html)  # noqa: S308 - the template's own output, escaped when it was rendered


@register.tag("fragment")
def do_fragment(parser, token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('{% fragment "name" vary_on… %} needs a quoted name first')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return FragmentNode(bits[1][1:-1], vary_on, nodelist)
