"""A place in the city: postal address and map coordinates, the same fields on every model that has one.

`Address` is what offers, contact points, changing places and local institutions use; Kitas split it, because
their coordinates sit on the page they share with childminders (who never get a street): `Coordinates` there,
`PostalAddress` on the Kita.

No city is written into code. An address saved without one gets the city the portal serves, from the source
the feature layer names with `use_city_source` (home points it at its portal settings); core itself knows no
city and imports no feature app. Without a source the city simply stays empty."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel

_city_source: Callable[[], str] | None = None


def use_city_source(source: Callable[[], str] | None) -> None:
    """Name the callable that gives the portal's city for addresses saved without one (called only then)."""
    global _city_source
    _city_source = source


def portal_city() -> str:
    """The city an address without one gets, or "" when no source is set."""
    return _city_source() if _city_source is not None else ""


# Street and postcode are required on some models and optional on others (an online offer has no street);
# a model that differs from the default below redeclares the field with these, so that only `blank` differs.
def street_field(*, blank: bool = False) -> models.CharField:
    return models.CharField(max_length=200, blank=blank, verbose_name=_("Straße und Hausnummer"))


def postcode_field(*, blank: bool = True) -> models.CharField:
    return models.CharField(max_length=10, blank=blank, verbose_name=_("PLZ"))


class Coordinates(models.Model):
    """Where the place is on the map (WGS 84, five decimals: about a metre); both or neither."""

    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True, verbose_name=_("Breitengrad"))
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True, verbose_name=_("Längengrad"))

    class Meta:
        abstract = True


class PostalAddress(models.Model):
    """Street, postcode and city; an empty city is filled with the portal's city on validation and on save."""

    street = street_field()
    postcode = postcode_field()
    city = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("Stadt"),
        help_text=_("Leer lassen für die Stadt des Portals (aus den Portal-Einstellungen)."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_city()
        return super().save(*args, **kwargs)

    def clean(self):
        # The admin validates (and Wagtail stores a draft revision) without saving the row: fill it here, too.
        super().clean()
        self.fill_city()

    def fill_city(self) -> None:
        if not self.city.strip():
            self.city = portal_city()


class Address(PostalAddress, Coordinates):
    """Postal address with map coordinates: the fields every located model shares."""

    class Meta:
        abstract = True


ADDRESS_FIELDS = ("street", "postcode", "city", "latitude", "longitude")


def coordinates_panel() -> FieldRowPanel:
    return FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])


def address_panel(*, before: Iterable[Panel] = (), after: Iterable[Panel] = (), heading=None) -> MultiFieldPanel:
    """The admin's address block ("Adresse" unless `heading` says otherwise): `before` the street (district,
    venue), `after` the city (a location hint), the coordinates last."""
    return MultiFieldPanel(
        [
            *before,
            FieldPanel("street"),
            FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
            *after,
            coordinates_panel(),
        ],
        heading=_("Adresse") if heading is None else heading,
    )
