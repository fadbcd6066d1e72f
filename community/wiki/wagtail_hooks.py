from wagtail import hooks

from community.wiki.admin_views import WikiGroup, WikiReviewPanel


@hooks.register("register_admin_viewset")
def wiki_viewsets():
    return WikiGroup()


@hooks.register("construct_homepage_panels")
def wiki_review_panel(request, panels):
    if request.user.has_perm("wiki.change_wikiedit"):
        panels.append(WikiReviewPanel())
