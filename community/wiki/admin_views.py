"""The Redaktion's wiki tools in the admin: categories, trusted/blocked accounts, protected articles, the edit log."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet

from community.wiki.models import WikiAccountStatus, WikiArticlePage, WikiCategory, WikiEdit, WikiProtection
from community.wiki.services import edit_check


class WikiCategoryViewSet(SnippetViewSet):
    """A snippet view set, so that wagtail-localize offers "Übersetzen" for categories as for pages."""

    model = WikiCategory
    icon = "tag"
    menu_label = _("Kategorien")
    list_display = ["name", "slug", "description"]
    # Its menu entry is in the wiki group, not under "Snippets".
    menu_item_is_registered = True


class AccountStatusForm(WagtailAdminModelForm):
    class Meta:
        model = WikiAccountStatus
        fields = ["user", "status", "reason", "until"]


class SignedCreateView(generic.CreateView):
    """Records which editor made the entry, in the model's `signed_by_field`."""

    signed_by_field = ""

    def save_instance(self):
        instance = self.form.save(commit=False)
        setattr(instance, self.signed_by_field, self.request.user)
        instance.save()
        return instance


class AccountStatusCreateView(SignedCreateView):
    signed_by_field = "set_by"


class WikiAccountStatusViewSet(ModelViewSet):
    model = WikiAccountStatus
    icon = "user"
    menu_label = _("Vertraute und gesperrte Konten")
    list_display = ["user", "status", "reason", "until", "set_by"]
    list_filter = ["status"]
    search_fields = ["user__username", "user__display_name", "user__email"]
    add_view_class = AccountStatusCreateView

    def get_form_class(self, for_update=False):
        return AccountStatusForm


class ProtectionForm(WagtailAdminModelForm):
    article = forms.ModelChoiceField(queryset=WikiArticlePage.objects.order_by("title"), label=_("Artikel"))

    class Meta:
        model = WikiProtection
        fields = ["article", "reason"]


class ProtectionCreateView(SignedCreateView):
    signed_by_field = "protected_by"


class WikiProtectionViewSet(ModelViewSet):
    model = WikiProtection
    icon = "lock"
    menu_label = _("Geschützte Artikel")
    list_display = ["article", "reason", "protected_by", "created_at"]
    add_view_class = ProtectionCreateView
    panels = [FieldPanel("article"), FieldPanel("reason")]

    def get_form_class(self, for_update=False):
        return ProtectionForm


class EditCheckForm(WagtailAdminModelForm):
    checked = forms.BooleanField(required=False, label=_("nachgeprüft"))

    class Meta:
        model = WikiEdit
        fields = []


class EditCheckView(generic.EditView):
    def save_instance(self):
        edit = self.object
        if self.form.cleaned_data.get("checked") and edit.checked_at is None:
            return edit_check(edit=edit, by=self.request.user)
        return edit


class WikiEditViewSet(ModelViewSet):
    """Every parent edit with its state; trusted accounts' direct edits are ticked off here after a look."""

    model = WikiEdit
    icon = "history"
    menu_label = _("Änderungen von Eltern")
    list_display = ["article", "author", "summary", "state", "direct", "checked_at", "created_at"]
    list_filter = ["state", "direct"]
    search_fields = ["summary", "article__title", "author__username", "author__display_name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "article",
        "author",
        "summary",
        "state",
        "new_article",
        "direct",
        "created_at",
        "decided_at",
        "decided_by",
        "reason",
        "checked_at",
        "checked_by",
    ]
    edit_view_class = EditCheckView
    add_to_admin_menu = False

    def get_form_class(self, for_update=False):
        return EditCheckForm


class WikiGroup(ModelViewSetGroup):
    menu_label = _("Familien-Wiki")
    menu_icon = "doc-full"
    menu_order = 250
    items = (WikiEditViewSet, WikiAccountStatusViewSet, WikiProtectionViewSet, WikiCategoryViewSet)
