from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.calendar_feeds import admin_views


@hooks.register("register_admin_viewset")
def calendar_feed_viewset():
    return admin_views.CalendarFeedViewSet("kalender_abos")


@hooks.register("register_admin_urls")
def proposal_urls():
    return [
        path("kalender-vorschlaege/", admin_views.proposal_list, name="calendar_feed_proposals"),
        path(
            "kalender-vorschlaege/<int:proposal_id>/<str:decision>/",
            admin_views.proposal_decide,
            name="calendar_feed_decide",
        ),
    ]


class ProposalMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views._decidable(request.user)


@hooks.register("register_admin_menu_item")
def proposal_menu_item():
    return ProposalMenuItem(
        _("Terminvorschläge"), reverse("calendar_feed_proposals"), icon_name="calendar-check", order=276
    )
