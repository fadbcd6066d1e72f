from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.geo import postcode_clean
from core.translatable import CachedModelChoiceField, LocalizedModelChoiceField
from home.directory.models import Provider
from home.kita.models import KitaFocus
from home.models import District
from home.selectors import city_name

RADIUS_CHOICES = [("", _("beliebig")), (1, "1 km"), (2, "2 km"), (3, "3 km"), (5, "5 km"), (10, "10 km")]
KIND_CHOICES = [("", _("Kitas und Tagespflege")), ("kita", _("nur Kitas")), ("tagespflege", _("nur Kindertagespflege"))]


def next_kita_year_start(today: datetime.date) -> datetime.date:
    """The Kita year in NRW starts on 1 August."""
    start = datetime.date(today.year, 8, 1)
    return start if start >= today else datetime.date(today.year + 1, 8, 1)


class DaycareFilterForm(forms.Form):
    art = forms.ChoiceField(choices=KIND_CHOICES, required=False, label=_("Betreuungsform"))
    stadtteil = CachedModelChoiceField(
        queryset=District.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle Stadtteile"),
        label=_("Stadtteil"),
    )
    plz = forms.CharField(required=False, max_length=5, label=_("Ihre Postleitzahl"))
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    umkreis = forms.TypedChoiceField(
        choices=RADIUS_CHOICES, coerce=int, empty_value=None, required=False, label=_("Umkreis")
    )
    geburtsdatum = forms.DateField(
        required=False, label=_("Geburtsdatum des Kindes"), widget=forms.DateInput(attrs={"type": "date"})
    )
    beginn = forms.DateField(
        required=False, label=_("Gewünschter Beginn"), widget=forms.DateInput(attrs={"type": "date"})
    )
    von = forms.TimeField(
        required=False, label=_("Betreuung benötigt von"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    bis = forms.TimeField(required=False, label=_("bis"), widget=forms.TimeInput(attrs={"type": "time"}))
    frei = forms.BooleanField(required=False, label=_("nur mit freien Plätzen"))
    schwerpunkt = LocalizedModelChoiceField(
        queryset=KitaFocus.objects.originals(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle"),
        label=_("Schwerpunkt"),
    )
    traeger = CachedModelChoiceField(
        queryset=Provider.objects.filter(kitas__isnull=False).distinct(),
        to_field_name="slug",
        required=False,
        empty_label=_("alle"),
        label=_("Träger"),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_plz(self):
        return postcode_clean(self.cleaned_data["plz"], city=city_name, hint=_("Bitte wählen Sie einen Stadtteil."))

    def clean_geburtsdatum(self):
        birth = self.cleaned_data["geburtsdatum"]
        if birth and birth > timezone.localdate() + datetime.timedelta(days=300):
            raise forms.ValidationError(_("Das Geburtsdatum liegt zu weit in der Zukunft."))
        return birth

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("von"), cleaned.get("bis")
        if start and end and end <= start:
            self.add_error("bis", _("Das Ende der Betreuungszeit liegt vor dem Anfang."))
        if cleaned.get("umkreis") and not (
            cleaned.get("plz")
            or cleaned.get("stadtteil")
            or (cleaned.get("lat") is not None and cleaned.get("lon") is not None)
        ):
            self.add_error(
                "umkreis", _("Für den Umkreis geben Sie eine Postleitzahl an oder wählen Sie einen Stadtteil.")
            )
        birth, begin = cleaned.get("geburtsdatum"), cleaned.get("beginn")
        if birth and begin and begin < birth:
            self.add_error("beginn", _("Der Beginn liegt vor der Geburt."))
        return cleaned
