from wagtail import hooks

from community.forum.admin_views import ForumViewSet, ModerationPanel
from community.wiki.admin_views import WikiGroup, WikiReviewPanel


@hooks.register("register_admin_viewset")
def wiki_viewsets():
    return WikiGroup()


@hooks.register("construct_homepage_panels")
def wiki_review_panel(request, panels):
    if request.user.has_perm("community.change_wikiedit"):
        panels.append(WikiReviewPanel())


@hooks.register("register_admin_viewset")
def forum_viewset():
    return ForumViewSet("foren")


@hooks.register("construct_homepage_panels")
def forum_moderation_panel(request, panels):
    forums = request.forum_permission_handler.get_moderation_queue_forums(request.user)
    if forums:
        panels.append(ModerationPanel(forums=forums))
