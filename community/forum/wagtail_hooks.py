from wagtail import hooks

from community.forum.admin_views import ForumViewSet


@hooks.register("register_admin_viewset")
def forum_viewset():
    return ForumViewSet("foren")
