from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.geo import postcode_clean
from core.translatable import CachedModelChoiceField
from home.changing_places.models import ChangingPlacePage, ChangingPlaceReport
from home.models import District
from home.selectors import city_name

EQUIPMENT = [
    ("wickeltisch", _("Wickeltisch"), "changing_table"),
    ("stillraum", _("Stillraum"), "nursing_room"),
    ("flasche", _("Fläschchen wärmen"), "bottle_warmer"),
    ("stufenlos", _("stufenlos erreichbar"), "step_free"),
]


class PlaceFilterForm(forms.Form):
    """Filters of the directory; German parameter names so that a filtered list is a shareable link."""

    ausstattung = forms.MultipleChoiceField(
        choices=[(key, label) for key, label, _field in EQUIPMENT],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Ausstattung"),
    )
    offen = forms.BooleanField(required=False, label=_("jetzt geöffnet"))
    stadtteil = CachedModelChoiceField(
        queryset=District.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle Stadtteile"),
        label=_("Stadtteil"),
    )
    plz = forms.CharField(required=False, max_length=5, label=_("Nächste zuerst ab PLZ"))
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    def clean_plz(self):
        return postcode_clean(self.cleaned_data["plz"], city=city_name, hint=_("Bitte wählen Sie einen Stadtteil."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


TIME = {"widget": forms.TimeInput(attrs={"type": "time"}), "required": False}


class SuggestPlaceForm(forms.Form):
    """A parent's suggestion: what the Redaktion needs to check it, kept short enough for a phone."""

    title = forms.CharField(
        max_length=120, label=_("Name des Ortes"), help_text=_("z. B. „Stadtbibliothek im Medienhaus“")
    )
    kind = forms.ChoiceField(choices=ChangingPlacePage.Kind.choices, label=_("Art des Ortes"))
    district = forms.ModelChoiceField(queryset=District.objects.all(), label=_("Stadtteil"))
    street = forms.CharField(max_length=200, label=_("Straße und Hausnummer"))
    postcode = forms.CharField(max_length=5, required=False, label=_("PLZ"))
    location_hint = forms.CharField(
        max_length=200, required=False, label=_("Wo genau?"), help_text=_("z. B. „1. OG neben dem Aufzug“")
    )
    changing_table = forms.BooleanField(required=False, label=_("Wickeltisch"))
    nursing_room = forms.BooleanField(required=False, label=_("Stillraum"))
    bottle_warmer = forms.BooleanField(required=False, label=_("Fläschchen wärmen"))
    step_free = forms.BooleanField(required=False, label=_("stufenlos erreichbar"))
    family_toilet = forms.BooleanField(required=False, label=_("Kindertoilette"))
    free_of_charge = forms.BooleanField(required=False, initial=True, label=_("ohne Verzehr / kostenlos"))
    weekdays_opens = forms.TimeField(label=_("Mo–Fr von"), **TIME)
    weekdays_closes = forms.TimeField(label=_("Mo–Fr bis"), **TIME)
    saturday_opens = forms.TimeField(label=_("Sa von"), **TIME)
    saturday_closes = forms.TimeField(label=_("Sa bis"), **TIME)
    sunday_opens = forms.TimeField(label=_("So von"), **TIME)
    sunday_closes = forms.TimeField(label=_("So bis"), **TIME)
    note = forms.CharField(
        max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Hinweise")
    )
    # Left empty by people; bots fill every field.
    homepage = forms.CharField(
        required=False,
        label=_("Bitte leer lassen"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    DAYS = [("weekdays", range(5)), ("saturday", [5]), ("sunday", [6])]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_postcode(self):
        return postcode_clean(self.cleaned_data["postcode"], city=city_name)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("homepage"):
            raise forms.ValidationError(_("Ihr Vorschlag konnte nicht gespeichert werden."))
        if not (cleaned.get("changing_table") or cleaned.get("nursing_room")):
            self.add_error(None, _("Bitte geben Sie an, ob es einen Wickeltisch oder einen Stillraum gibt."))
        for prefix, _days in self.DAYS:
            opens, closes = cleaned.get(f"{prefix}_opens"), cleaned.get(f"{prefix}_closes")
            if (opens is None) != (closes is None):
                self.add_error(f"{prefix}_closes", _("Bitte geben Sie „von“ und „bis“ an – oder keins von beiden."))
        return cleaned

    def periods(self) -> list[tuple[int, object, object]]:
        rows = []
        for prefix, days in self.DAYS:
            opens, closes = self.cleaned_data.get(f"{prefix}_opens"), self.cleaned_data.get(f"{prefix}_closes")
            if opens is not None and closes is not None:
                rows += [(day, opens, closes) for day in days]
        return rows


class ReportForm(forms.ModelForm):
    class Meta:
        model = ChangingPlaceReport
        fields = ["reason", "comment"]
        widgets = {"reason": forms.RadioSelect, "comment": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
