from wagtail import hooks

from home.changing_places.admin_views import ChangingPlaceReportViewSet, OpenReportsPanel


@hooks.register("register_admin_viewset")
def changing_place_report_viewset():
    return ChangingPlaceReportViewSet("changingplacereport")


@hooks.register("construct_homepage_panels")
def changing_place_reports_panel(request, panels):
    if request.user.has_perm("changing_places.change_changingplacereport"):
        panels.append(OpenReportsPanel())
