from decimal import Decimal

from home.changing_places.models import ChangingPlaceHours, ChangingPlaceIndexPage, ChangingPlacePage

from .pages import clock as _time
from .pages import section


def changing_place_index(home_page) -> ChangingPlaceIndexPage:
    return section(home_page, ChangingPlaceIndexPage, title="Wickeln & Stillen", slug="wickeln-stillen")


def make_changing_place(
    index, *, title, district, lat=None, lon=None, hours=((range(7), "08:00", "20:00"),), changing_table=True, **fields
) -> ChangingPlacePage:
    fields.setdefault("kind", "geschaeft")
    fields.setdefault("street", "Hauptstraße 1")
    place = ChangingPlacePage(
        title=title,
        district=district,
        changing_table=changing_table,
        latitude=Decimal(lat) if lat else district.latitude,
        longitude=Decimal(lon) if lon else district.longitude,
        **fields,
    )
    place.hours = [ChangingPlaceHours(weekday=d, opens=_time(o), closes=_time(c)) for days, o, c in hours for d in days]
    index.add_child(instance=place)
    place.save_revision().publish()
    return ChangingPlacePage.objects.get(pk=place.pk)
