from home.contact_points.models import (
    ContactPointHours,
    ContactPointIndexPage,
    ContactPointPage,
    ContactPointService,
    ContactPointStaff,
    EventPage,
    VolunteerRole,
    VolunteerShift,
)

from .pages import clock as _time
from .pages import section


def contact_point_index(home_page) -> ContactPointIndexPage:
    return section(home_page, ContactPointIndexPage, title="Familienpunkte", slug="familienpunkte")


def make_contact_point(
    index,
    *,
    title="Familienpunkt Styrum",
    district,
    hours=((range(5), "09:00", "16:00"),),
    services=(),
    staff=(),
    partners=(),
    **fields,
) -> ContactPointPage:
    fields.setdefault("street", "Moritzstraße 12")
    fields.setdefault("postcode", "45476")
    fields.setdefault("latitude", district.latitude)
    fields.setdefault("longitude", district.longitude)
    point = ContactPointPage(title=title, district=district, **fields)
    point.hours = [ContactPointHours(weekday=d, opens=_time(o), closes=_time(c)) for days, o, c in hours for d in days]
    point.services = [ContactPointService(name=name) for name in services]
    point.staff = [ContactPointStaff(user=user) for user in staff]
    point.partners = list(partners)
    index.add_child(instance=point)
    point.save_revision().publish()
    return ContactPointPage.objects.get(pk=point.pk)


def make_event(
    point, *, title="Mütter-Café", start_date, start="09:30", end="11:30", repeat="", until=None, publish=True, **fields
) -> EventPage:
    fields.setdefault("summary", f"{title} im Familienpunkt")
    event = EventPage(
        title=title,
        start_date=start_date,
        start_time=_time(start),
        end_time=_time(end),
        repeat=repeat,
        repeat_until=until,
        live=publish,
        **fields,
    )
    point.add_child(instance=event)
    revision = event.save_revision()
    if publish:
        revision.publish()
    return EventPage.objects.get(pk=event.pk)


def make_shift(
    point, *, date, starts="09:00", ends="12:00", capacity=2, role_title="Elterncafé-Schicht"
) -> VolunteerShift:
    role, _created = VolunteerRole.objects.get_or_create(
        contact_point=point,
        title=role_title,
        defaults={"description": "Kaffee kochen und Gäste begrüßen."},
    )
    return VolunteerShift.objects.create(
        role=role, date=date, starts=_time(starts), ends=_time(ends), capacity=capacity
    )
