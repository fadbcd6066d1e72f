"""The Redaktion's queue of reported barriers: read what was reported, set the status, keep a note."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from home.accessibility.models import AccessibilityFeedback


class AccessibilityFeedbackViewSet(ModelViewSet):
    model = AccessibilityFeedback
    icon = "warning"
    menu_label = _("Barriere-Meldungen")
    add_to_admin_menu = True
    menu_order = 285
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        DateColumn("created_at", label=_("eingegangen am")),
        Column("summary", label=_("Barriere")),
        "status",
        Column("page_url", label=_("Seite")),
        Column("language_name", label=_("Sprache")),
    ]
    list_filter = ["status", "language"]
    search_fields = ["description", "page_url", "name", "email"]
    inspect_view_fields = [
        "description",
        "page_url",
        "name",
        "email",
        "language",
        "created_at",
        "status",
        "note",
        "updated_at",
    ]
    # What was reported stays as it was sent; the Redaktion sets the status and keeps a note.
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("description", read_only=True),
                FieldPanel("page_url", read_only=True),
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("email", read_only=True)]),
                FieldPanel("language", read_only=True),
            ],
            heading=_("Meldung"),
        ),
        FieldPanel("status"),
        FieldPanel("note"),
    ]
