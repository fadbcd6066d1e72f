from django import template

from community.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    request = context.get("request")
    if request is None:
        return 0
    if not hasattr(request, "_portal_unread_notifications"):  # the menu toggle and the account links both show it
        request._portal_unread_notifications = unread_count(user=request.user)
    return request._portal_unread_notifications
