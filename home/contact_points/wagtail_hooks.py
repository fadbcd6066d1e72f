from wagtail import hooks

from home.contact_points.admin_views import VolunteeringGroup


@hooks.register("register_admin_viewset")
def volunteering_viewsets():
    return VolunteeringGroup()
