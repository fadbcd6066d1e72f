"""Admin screens of the accounts app (Settings): locked-out logins, and the administrators' list of second factors
(a lost phone's authenticator is removed there)."""

from allauth.mfa.models import Authenticator
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from community.accounts import admin_views
from community.accounts.models import User


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("zugaenge/", admin_views.lockouts, name="accounts_lockouts")]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.UNLOCK_PERMISSION)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(_("Gesperrte Zugänge"), reverse("accounts_lockouts"), icon_name="lock", order=900)


class AdministratorsRemovePolicy(BasePermissionPolicy):
    """Only administrators see and remove second factors; nobody adds or edits one here (members enrol themselves,
    and the secrets never appear in the admin)."""

    allowed = ("view", "delete")

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser and action in self.allowed)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not set(actions) & set(self.allowed):
            return User.objects.none()
        return User.objects.filter(is_active=True, is_superuser=True)


class SecondFactorViewSet(ModelViewSet):
    model = Authenticator
    icon = "key"
    menu_label = _("Zwei-Faktor-Anmeldungen")
    add_to_settings_menu = True
    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type"]
    search_fields = ["user__username", "user__email", "user__display_name"]
    search_backend_name = None  # a plain database filter: authenticators are not in the search index
    copy_view_enabled = False
    form_fields = ["user"]  # required by ModelViewSet; the policy refuses adding and editing


# Before the view set asks for the model's policy (Wagtail's way since 7).
register_permission_policy(Authenticator, AdministratorsRemovePolicy(Authenticator), exact_class=True)


@hooks.register("register_admin_viewset")
def second_factor_viewset():
    return SecondFactorViewSet("zwei-faktor")
