"""What the second-factor pages say about the member: required for their role, enrolled, where to continue."""

from django import template

from community.accounts.mfa import SESSION_NEXT, has_second_factor, needs_second_factor

register = template.Library()


@register.simple_tag(takes_context=True)
def second_factor_state(context) -> dict:
    request = context["request"]
    user = request.user
    return {
        "required": needs_second_factor(user),
        "enrolled": user.is_authenticated and has_second_factor(user),
        "wanted": request.session.get(SESSION_NEXT, ""),
    }
