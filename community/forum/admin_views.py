"""The forums themselves in the Wagtail admin: the Moderation and the Redaktion add forums and decide who reads them."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from machina.apps.forum.models import Forum
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from community.forum.models import ForumAccess
from community.forum.services import forum_set_members_only


class ForumForm(WagtailAdminModelForm):
    members_only = forms.BooleanField(
        required=False,
        label=_("nur für Mitglieder"),
        help_text=_(
            "Gäste und Konten ohne bestätigte E-Mail-Adresse sehen dieses Forum nicht, auch nicht in der Suche."
        ),
    )

    class Meta:
        model = Forum
        fields = ["name", "description"]
        # machina's own widget loads a Markdown editor that fetches icons from a CDN.
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        labels = {"name": _("Name"), "description": _("Beschreibung")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["members_only"].initial = ForumAccess.objects.filter(
                forum=self.instance, members_only=True
            ).exists()


class ForumSaveMixin:
    def save_instance(self):
        forum = self.form.save(commit=False)
        if not forum.pk:
            forum.type = Forum.FORUM_POST
        forum.save()
        forum_set_members_only(forum=forum, members_only=self.form.cleaned_data["members_only"])
        return forum


class ForumCreateView(ForumSaveMixin, generic.CreateView):
    pass


class ForumEditView(ForumSaveMixin, generic.EditView):
    pass


def members_only(forum: Forum) -> str:
    return _("ja") if ForumAccess.objects.filter(forum=forum, members_only=True).exists() else _("nein")


members_only.short_description = _("nur für Mitglieder")


class ForumViewSet(ModelViewSet):
    model = Forum
    icon = "group"
    menu_label = _("Foren")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", members_only, "direct_topics_count", "direct_posts_count"]
    search_fields = ["name"]
    add_view_class = ForumCreateView
    edit_view_class = ForumEditView
    # No role holds forum.delete_forum: deleting a forum deletes every conversation in it (administrators only).

    def get_form_class(self, for_update=False):
        return ForumForm
