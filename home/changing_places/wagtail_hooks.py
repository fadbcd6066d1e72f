from wagtail import hooks

from home.changing_places.admin_views import ChangingPlaceReportViewSet


@hooks.register("register_admin_viewset")
def changing_place_report_viewset():
    return ChangingPlaceReportViewSet("changingplacereport")
