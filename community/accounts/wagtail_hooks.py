from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from community.accounts import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("zugaenge/", admin_views.lockouts, name="accounts_lockouts")]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.UNLOCK_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        gettext_lazy("Gesperrte Zugänge"), reverse("accounts_lockouts"), icon_name="lock", order=900
    )
