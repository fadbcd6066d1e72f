from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_views


@hooks.register("register_admin_viewset")
def synonym_viewset():
    return admin_views.SearchSynonymViewSet("suchbegriffe")


@hooks.register("register_admin_urls")
def query_report_urls():
    return [path("suchanfragen/", admin_views.query_report, name="search_query_report")]


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def query_report_menu_item():
    return QueryReportMenuItem(_("Suchanfragen"), reverse("search_query_report"), icon_name="search", order=710)
