"""Admin for parents' notes on changing places: one queue, each note resolved with what was done."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from home.changing_places.models import ChangingPlaceReport
from home.changing_places.services import report_resolve


class ReportAdminForm(WagtailAdminModelForm):
    resolved = forms.BooleanField(required=False, label=_("erledigt"))

    class Meta:
        model = ChangingPlaceReport
        fields = ["resolution"]


class ReportEditView(generic.EditView):
    def save_instance(self):
        report = self.form.save(commit=False)
        if self.form.cleaned_data.get("resolved") and report.resolved_at is None:
            return report_resolve(report=report, by=self.request.user, resolution=self.form.cleaned_data["resolution"])
        report.save(update_fields=["resolution"])
        return report


class ChangingPlaceReportViewSet(ModelViewSet):
    model = ChangingPlaceReport
    icon = "warning"
    menu_label = _("Hinweise zu Wickelorten")
    add_to_admin_menu = True
    menu_order = 280
    list_display = ["place", "reason", "created_at", "reported_by", "resolved_at"]
    list_filter = ["reason", "resolved_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "place",
        "reason",
        "comment",
        "reported_by",
        "created_at",
        "resolved_at",
        "resolved_by",
        "resolution",
    ]
    edit_view_class = ReportEditView

    def get_form_class(self, for_update=False):
        return ReportAdminForm
