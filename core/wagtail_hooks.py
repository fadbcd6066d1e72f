from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core import restrictions, review


@hooks.register("register_admin_urls")
def review_urls():
    return [
        path("pruefen/", review.review_inbox, name="review_inbox"),
        path("pruefen/seite/<int:page_id>/", review.page_decision, name="review_page"),
    ]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(review.sources_for(request.user))


@hooks.register("register_admin_menu_item")
def review_menu_item():
    return ReviewMenuItem(_("Zu prüfen"), reverse("review_inbox"), icon_name="tasks", order=90)


@hooks.register("construct_homepage_panels")
def review_inbox_panel(request, panels):
    counts = review.inbox_counts(request.user)
    if counts:
        panels.append(review.ReviewInboxPanel(counts))


# Pages found unrestricted with their cached route skip Wagtail's per-request restriction queries (core/restrictions).
restrictions.replace_wagtails_check()
