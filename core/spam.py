"""A honeypot field for public forms (sign-up, forum posts, suggestions): bots fill it in, people never see it."""

from __future__ import annotations

import logging

from django import forms
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "webseite"


def honeypot_field() -> forms.CharField:
    # Hidden from people by CSS; bots that fill in every field give themselves away.
    return forms.CharField(
        required=False,
        label=_("Bitte dieses Feld leer lassen"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def honeypot_check(form: forms.Form) -> None:
    if form.cleaned_data.get(HONEYPOT_FIELD):
        logger.warning("Honeypot filled in %s", type(form).__name__)
        raise forms.ValidationError(
            _(
                "Ihre Eingabe sieht nach einem Programm aus, nicht nach einem Menschen. Bitte lassen Sie das versteckte Feld leer."
            )
        )
