"""Active filters of a list page as removable chips, built from the page's bound filter form.

Every list (offers, Kitas, changing places) filters with a plain GET form whose field names are the URL parameters.
A chip names one chosen value and links to the same list without it, so a parent on a phone can drop one filter
without opening the filter panel. The form knows the labels; the request's query knows what was chosen.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms, template
from django.http import QueryDict
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from core.translatable import CachedChoiceIterator

register = template.Library()

PAGE_PARAMETER = "seite"


@dataclass(frozen=True)
class FilterChip:
    name: str  # the filter's label ("Stadtteil"); alone for a yes/no filter ("nur kostenlose")
    value: str  # the chosen value as the reader sees it, empty for a yes/no filter
    remove: str  # this list's query string without this value (and without the page number)


def _without(query: QueryDict, names: tuple[str, ...], value: str | None = None) -> str:
    """`?…` without the given parameters (or only one of their values), always back on the first page."""
    params = QueryDict(mutable=True)
    for name, values in query.lists():
        if name == PAGE_PARAMETER or (name in names and value is None):
            continue
        # Empty fields of a submitted form mean nothing; leaving them out keeps the link short.
        kept = [item for item in values if item.strip() and not (name in names and item == value)]
        if kept:
            params.setlist(name, kept)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _choice_labels(field: forms.Field, values: list[str]) -> dict[str, str]:
    """Labels of the chosen values only: a model choice asks the database for those rows, not the whole list."""
    if isinstance(field, forms.ModelChoiceField):
        key = field.to_field_name or "pk"
        try:
            if issubclass(field.iterator, CachedChoiceIterator):  # the choices are at hand already
                rows = [row for row in field.iterator(field).objects() if str(getattr(row, key)) in values]
            else:
                rows = field.queryset.filter(**{f"{key}__in": values})
            return {str(getattr(row, key)): str(field.label_from_instance(row)) for row in rows}
        except (ValueError, TypeError):
            return {}
    if isinstance(field, forms.ChoiceField):
        labels = {}
        for value, label in field.choices:
            if isinstance(label, (list, tuple)):  # an option group
                labels.update({str(inner): str(text) for inner, text in label})
            else:
                labels[str(value)] = str(label)
        return labels
    return {}


def _display(field: forms.Field, raw: str) -> str:
    """A typed date or time as the reader's locale writes it; anything else as it was entered."""
    try:
        if isinstance(field, forms.DateField):
            return date_format(datetime.date.fromisoformat(raw), "SHORT_DATE_FORMAT")
        if isinstance(field, forms.TimeField):
            return time_format(datetime.time.fromisoformat(raw), "TIME_FORMAT")
    except ValueError:
        pass
    return raw


def filter_chips_for(form: forms.Form, *, ignore: tuple[str, ...] = ()) -> list[FilterChip]:
    """One chip per chosen value of `form` (bound to request.GET), in the form's field order."""
    query = form.data if isinstance(form.data, QueryDict) else QueryDict(mutable=True)
    chips: list[FilterChip] = []
    hidden: list[str] = []
    for name, field in form.fields.items():
        if name in ignore:
            continue
        values = [value for value in query.getlist(name) if value.strip()]
        if not values:
            continue
        if isinstance(field.widget, forms.HiddenInput):
            hidden.append(name)  # the device's position (lat/lon): one chip for the pair, below
            continue
        label = str(field.label or name)
        if isinstance(field, forms.BooleanField):
            chips.append(FilterChip(label, "", _without(query, (name,))))
            continue
        labels = _choice_labels(field, values)
        if isinstance(field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)):
            for value in values:
                chips.append(FilterChip(label, labels.get(value, value), _without(query, (name,), value)))
            continue
        chips.append(FilterChip(label, labels.get(values[0], _display(field, values[0])), _without(query, (name,))))
    if hidden:
        chips.append(FilterChip(_("Ihr Standort"), "", _without(query, tuple(hidden))))
    return chips


@register.simple_tag
def filter_chips(form: forms.Form, ignore: str = "") -> list[FilterChip]:
    """`{% filter_chips filter_form ignore="sortierung" as chips %}`: ignore names parameters that order the list
    rather than narrow it, so they neither get a chip nor count as an active filter."""
    return filter_chips_for(form, ignore=tuple(name for name in ignore.split(",") if name))
