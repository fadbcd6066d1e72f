from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.geo import postcode_clean
from core.translatable import CachedModelChoiceField, LocalizedModelChoiceField, LocalizedModelMultipleChoiceField
from home.directory.models import Language
from home.models import District
from home.offers.models import HolidayPeriod, OfferCategory
from home.selectors import city_name

AGE_CHOICES = [("", _("Jedes Alter")), (0, _("unter 1 Jahr"))] + [
    (years, _("%(years)s Jahre") % {"years": years} if years > 1 else _("1 Jahr")) for years in range(1, 18)
]
SORT_CHOICES = [("datum", _("Nächster Termin")), ("titel", _("Titel (A–Z)")), ("entfernung", _("Entfernung"))]


class OfferFilterForm(forms.Form):
    """The list page's filters; field names are the German URL parameters, so a filtered list is a shareable link."""

    q = forms.CharField(required=False, max_length=100, label=_("Suchwort"))
    # Choices are the German originals (values: their slugs), labelled in the reader's language.
    kategorie = LocalizedModelMultipleChoiceField(
        queryset=OfferCategory.objects.originals(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Kategorie"),
    )
    alter = forms.TypedChoiceField(
        choices=AGE_CHOICES, coerce=int, empty_value=None, required=False, label=_("Alter des Kindes")
    )
    stadtteil = CachedModelChoiceField(
        queryset=District.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle Stadtteile"),
        label=_("Stadtteil"),
    )
    ferien = LocalizedModelChoiceField(
        queryset=HolidayPeriod.objects.none(), required=False, empty_label=_("—"), label=_("Ferien")
    )
    von = forms.DateField(required=False, label=_("von"), widget=forms.DateInput(attrs={"type": "date"}))
    bis = forms.DateField(required=False, label=_("bis"), widget=forms.DateInput(attrs={"type": "date"}))
    kostenlos = forms.BooleanField(required=False, label=_("nur kostenlose"))
    barrierefrei = forms.BooleanField(required=False, label=_("nur barrierefreie"))
    sprache = LocalizedModelChoiceField(
        queryset=Language.objects.originals(),
        to_field_name="code",
        required=False,
        empty_label=_("Alle Sprachen"),
        label=_("Sprache"),
    )
    sortierung = forms.ChoiceField(choices=SORT_CHOICES, required=False, label=_("Sortieren nach"))
    plz = forms.CharField(required=False, max_length=5, label=_("Entfernung ab PLZ"))
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # Only holidays that have not ended; a past "Herbstferien" is no help.
        self.fields["ferien"].queryset = HolidayPeriod.objects.originals().filter(end__gte=timezone.localdate())

    def clean_plz(self):
        return postcode_clean(self.cleaned_data["plz"], city=city_name, hint=_("Bitte wählen Sie einen Stadtteil."))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("von"), cleaned.get("bis")
        if start and end and end < start:
            self.add_error("bis", _("Das Ende des Zeitraums liegt vor dem Anfang."))
        if cleaned.get("sortierung") == "entfernung" and not (
            cleaned.get("plz")
            or cleaned.get("stadtteil")
            or (cleaned.get("lat") is not None and cleaned.get("lon") is not None)
        ):
            self.add_error(
                "sortierung", _("Für die Entfernung wählen Sie einen Stadtteil oder geben Sie eine Postleitzahl an.")
            )
        return cleaned
