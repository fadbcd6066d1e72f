from wagtail import hooks

from community.forum.admin_views import ForumViewSet, ModerationPanel


@hooks.register("register_admin_viewset")
def forum_viewset():
    return ForumViewSet("foren")


@hooks.register("construct_homepage_panels")
def forum_moderation_panel(request, panels):
    forums = request.forum_permission_handler.get_moderation_queue_forums(request.user)
    if forums:
        panels.append(ModerationPanel(forums=forums))
