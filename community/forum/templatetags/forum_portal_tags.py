from django import template

register = template.Library()


@register.simple_tag
def forum_may_write(user) -> bool:
    from community.accounts.selectors import has_confirmed_email

    return has_confirmed_email(user)


@register.simple_tag
def members_only_forum_ids() -> set[int]:
    from community.forum.models import ForumAccess

    return set(ForumAccess.objects.filter(members_only=True).values_list("forum_id", flat=True))


@register.simple_tag(takes_context=True)
def forum_reportable(context, post) -> bool:
    request = context.get("request")
    handler = getattr(request, "forum_permission_handler", None)
    return bool(handler and handler.can_report_post(post, request.user))


@register.simple_tag
def forum_follows(user, forum) -> bool:
    from community.forum.models import ForumSubscription

    return user.is_authenticated and ForumSubscription.objects.filter(user=user, forum=forum).exists()


@register.simple_tag
def post_language(post) -> dict:
    """The post's language for its markup (`lang`), and its name where it differs from the page's language."""
    from django.utils.translation import get_language_info

    from community.forum.selectors import post_language as language_of
    from community.forum.services import post_language_default

    code = language_of(post)
    # The page's language as a post language: what a post written on this page would default to.
    return {"code": code, "name": get_language_info(code)["name_local"], "differs": code != post_language_default()}
