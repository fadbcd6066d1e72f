from wagtail import hooks
from wagtail.snippets.models import register_snippet

from community.wiki.admin_views import WikiGroup, WikiReviewPanel

# Registered as snippets, because the categories in it are one: wagtail-localize translates registered snippets.
register_snippet(WikiGroup)


@hooks.register("construct_homepage_panels")
def wiki_review_panel(request, panels):
    if request.user.has_perm("wiki.change_wikiedit"):
        panels.append(WikiReviewPanel())
