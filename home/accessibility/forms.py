from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.spam import HONEYPOT_FIELD, honeypot_check, honeypot_field


class FeedbackForm(forms.Form):
    """ "Barriere melden": only the description is required; name and e-mail address are for an answer."""

    description = forms.CharField(
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        label=_("Was hat nicht funktioniert?"),
        help_text=_("Beschreiben Sie bitte, was Sie tun wollten und was nicht ging."),
        error_messages={"required": _("Bitte beschreiben Sie die Barriere.")},
    )
    page_url = forms.CharField(
        max_length=500,
        required=False,
        label=_("Auf welcher Seite?"),
        help_text=_("Die Adresse oder der Name der Seite, falls Sie ihn wissen."),
    )
    name = forms.CharField(max_length=100, required=False, label=_("Ihr Name (freiwillig)"))
    email = forms.EmailField(
        required=False,
        label=_("Ihre E-Mail-Adresse (freiwillig)"),
        help_text=_("Nur wenn Sie eine Antwort möchten."),
        error_messages={
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@example.org.")
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields[HONEYPOT_FIELD] = honeypot_field()

    def clean(self):
        cleaned = super().clean()
        honeypot_check(self)
        return cleaned
