"""Admin for volunteering: a contact point's team sees and manages only its own roles, shifts and sign-ups."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from home.contact_points.models import ContactPointPage, VolunteerRole, VolunteerShift, VolunteerSignup
from home.contact_points.services import volunteer_cancel


def scoped(queryset, user, path: str):
    """Everything for the Redaktion; for a team member only what belongs to their contact points."""
    if user.is_superuser or user.has_perm("contact_points.manage_all_volunteering"):
        return queryset
    prefix = f"{path}__" if path else ""
    return queryset.filter(**{f"{prefix}staff__user": user}).distinct()


class ScopedViews:
    """Mixed into the index, edit, delete and inspect views of a viewset with `scope_path`."""

    scope_path = ""

    def get_base_queryset(self):
        return scoped(super().get_base_queryset(), self.request.user, self.scope_path)

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not scoped(self.model._default_manager.filter(pk=instance.pk), self.request.user, self.scope_path).exists():
            raise PermissionDenied
        return instance

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        user = self.request.user
        if "contact_point" in form.fields:
            form.fields["contact_point"].queryset = scoped(ContactPointPage.objects.all(), user, "")
        if "role" in form.fields:
            form.fields["role"].queryset = scoped(
                VolunteerRole.objects.select_related("contact_point"), user, "contact_point"
            )
        return form


def scoped_view(base, path: str, **attrs):
    return type(f"Scoped{base.__name__}", (ScopedViews, base), {"scope_path": path, **attrs})


class ShiftIndexView(ScopedViews, generic.IndexView):
    scope_path = "role__contact_point"

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("role__contact_point")
            .annotate(taken=Count("signups", filter=Q(signups__cancelled_at__isnull=True)))
        )


class SignupIndexView(ScopedViews, generic.IndexView):
    scope_path = "shift__role__contact_point"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "shift__role__contact_point")


class VolunteerRoleViewSet(ModelViewSet):
    model = VolunteerRole
    icon = "group"
    menu_label = _("Helfer-Aufgaben")
    form_fields = ["contact_point", "title", "description", "requirements", "active"]
    list_display = ["title", "contact_point", "active"]
    search_fields = ["title"]
    index_view_class = scoped_view(generic.IndexView, "contact_point")
    add_view_class = scoped_view(generic.CreateView, "contact_point")
    edit_view_class = scoped_view(generic.EditView, "contact_point")
    delete_view_class = scoped_view(generic.DeleteView, "contact_point")


class VolunteerShiftViewSet(ModelViewSet):
    model = VolunteerShift
    icon = "date"
    menu_label = _("Schichten")
    form_fields = ["role", "date", "starts", "ends", "capacity"]
    list_display = ["role", "date", "starts", "ends", "capacity", Column("taken", label=_("belegt"))]
    list_filter = ["date"]
    ordering = ["-date", "starts"]
    index_view_class = ShiftIndexView
    add_view_class = scoped_view(generic.CreateView, "role__contact_point")
    edit_view_class = scoped_view(generic.EditView, "role__contact_point")
    delete_view_class = scoped_view(generic.DeleteView, "role__contact_point")


class SignupAdminForm(WagtailAdminModelForm):
    cancel = forms.BooleanField(
        required=False,
        label=_("Anmeldung absagen"),
        help_text=_("Das Mitglied bekommt eine E-Mail."),
    )

    class Meta:
        model = VolunteerSignup
        fields: list[str] = []


class SignupEditView(ScopedViews, generic.EditView):
    scope_path = "shift__role__contact_point"

    def save_instance(self):
        if self.form.cleaned_data.get("cancel"):
            volunteer_cancel(signup=self.object, by=self.request.user)
        return self.object


class VolunteerSignupViewSet(ModelViewSet):
    model = VolunteerSignup
    icon = "user"
    menu_label = _("Helfer-Anmeldungen")
    list_display = ["member", "member_email", "shift", "created_at", "cancelled_at", "reminded_at"]
    list_filter = ["shift__role__contact_point", "cancelled_at"]
    list_export = ["member", "member_email", "shift", "comment", "created_at", "cancelled_at"]
    export_filename = "helfer-anmeldungen"
    inspect_view_enabled = True
    inspect_view_fields = ["user", "shift", "comment", "created_at", "cancelled_at", "cancelled_by", "reminded_at"]
    edit_view_class = SignupEditView
    index_view_class = SignupIndexView
    inspect_view_class = scoped_view(generic.InspectView, "shift__role__contact_point")

    def get_form_class(self, for_update=False):
        return SignupAdminForm


class VolunteeringGroup(ViewSetGroup):
    items = (VolunteerRoleViewSet, VolunteerShiftViewSet, VolunteerSignupViewSet)
    menu_icon = "group"
    menu_label = _("Elternmitarbeit")
    menu_name = "elternmitarbeit"
    menu_order = 270
