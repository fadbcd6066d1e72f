from django import forms
from django.utils.translation import gettext_lazy as _

from search.query import AGE_BANDS, MAX_QUERY_LENGTH

MAX_PAGE = 100


class SearchForm(forms.Form):
    """The search's query string: words, filters from the facets, and the page."""

    q = forms.CharField(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        label=_("Was suchen Sie?"),
        error_messages={
            "max_length": _("Bitte kürzer fassen: höchstens %(limit_value)d Zeichen."),
        },
    )
    typ = forms.SlugField(required=False, max_length=30)
    stadtteil = forms.CharField(required=False, max_length=100)
    kategorie = forms.CharField(required=False, max_length=100)
    alter = forms.ChoiceField(
        required=False,
        choices=[("", "")] + [(key, label) for key, _l, _h, label in AGE_BANDS],
        error_messages={"invalid_choice": _("Diese Altersgruppe gibt es nicht.")},
    )
    kostenlos = forms.BooleanField(required=False)
    seite = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": _("Die Seitenzahl muss eine Zahl sein."),
            "min_value": _("Die Seitenzahl beginnt bei 1."),
            "max_value": _("Es werden höchstens %(limit_value)d Seiten angezeigt."),
        },
    )

    def clean_typ(self):
        from search.documents import kind_labels

        kind = self.cleaned_data["typ"]
        if kind and kind not in kind_labels():
            raise forms.ValidationError(_("Diese Art von Ergebnis gibt es nicht."))
        return kind
