import datetime
from decimal import Decimal

from home.kita.models import AgeGroupCapacity, ChildminderPage, KitaIndexPage, KitaPage, OpeningHours, StaffAssignment

from .pages import section


def kita_index(home_page) -> KitaIndexPage:
    return section(home_page, KitaIndexPage, title="Kita & Tagespflege", slug="kita")


def make_daycare(
    index,
    *,
    title,
    district,
    lat,
    lon,
    places=None,
    hours=("07:00", "17:00"),
    friday=None,
    childminder=False,
    staff=(),
    focus=(),
    **fields,
):
    """A published Kita (or childminder) with capacities {group: (places, min_age_months)} and Mon–Fri hours."""
    model = ChildminderPage if childminder else KitaPage
    if not childminder:
        fields.setdefault("street", "Kirchstraße 1")
        fields.setdefault("postcode", "45468")
    daycare = model(title=title, district=district, latitude=Decimal(lat), longitude=Decimal(lon), **fields)
    places = places or {"u3": (10, 4), "ue3": (30, 36)}
    daycare.capacities = [AgeGroupCapacity(group=g, places=n, min_age_months=m) for g, (n, m) in places.items()]
    opens, closes = (datetime.time.fromisoformat(t) for t in hours)
    daycare.opening_hours = [
        OpeningHours(
            weekday=day, opens=opens, closes=datetime.time.fromisoformat(friday) if friday and day == 4 else closes
        )
        for day in range(5)
    ]
    daycare.staff = [StaffAssignment(user=user) for user in staff]
    daycare.focus = list(focus)
    index.add_child(instance=daycare)
    daycare.save_revision().publish()
    return model.objects.get(pk=daycare.pk)
