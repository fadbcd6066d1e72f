from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from community.wiki.models import MARKUP_HELP, WikiCategory
from core.translatable import LocalizedModelMultipleChoiceField

CONFLICT_MARKERS = ("<<<<<<<", ">>>>>>>")


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("Text"),
        help_text=MARKUP_HELP,
        max_length=30_000,
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "true", "data-wiki-editor": ""}),
    )
    summary = forms.CharField(
        label=_("Was haben Sie geändert?"),
        max_length=200,
        help_text=_("Ein kurzer Satz für die Redaktion und die Versionsgeschichte, z. B. „Öffnungszeiten ergänzt“."),
    )
    watch = forms.BooleanField(
        label=_("Diesen Artikel beobachten (Benachrichtigung bei Änderungen)"), required=False, initial=True
    )
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if any(marker in body for marker in CONFLICT_MARKERS):
            raise forms.ValidationError(
                _(
                    "Bitte entscheiden Sie an den markierten Stellen (<<<<<<< … >>>>>>>), welche Fassung gilt, und entfernen Sie die Markierungen."
                )
            )
        return body


class PreviewForm(forms.Form):
    """Only the text, with the edit form's limit: the live preview renders what would be saved."""

    body = forms.CharField(
        max_length=EditForm.base_fields["body"].max_length,
        required=False,
        error_messages={"max_length": _("Der Text ist zu lang für die Vorschau (höchstens %(limit_value)s Zeichen).")},
    )


class ProposeForm(EditForm):
    title = forms.CharField(
        label=_("Titel"),
        max_length=120,
        help_text=_("Eine Frage oder ein Thema, z. B. „Kinderarzt am Wochenende finden“."),
    )
    teaser = forms.CharField(label=_("Kurzbeschreibung"), max_length=300, required=False)
    categories = LocalizedModelMultipleChoiceField(
        label=_("Kategorien"),
        queryset=WikiCategory.objects.originals(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = ["title", "teaser", "categories", "body", "summary"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["watch"]
        del self.fields["base_revision"]
        self.fields["summary"].initial = _("Neuer Artikel")
