from django.utils.translation import gettext_lazy as _

from home.contact_points.models import ContactPointPage, EventPage
from search.documents import adapter, decimal, page_document, plain


def _contact_points():
    return ContactPointPage.objects.live().select_related("district", "locale").prefetch_related("services")


@adapter(ContactPointPage, kind="familienpunkt", label=_("Familienpunkt"), queryset=_contact_points)
def contact_point_document(page: ContactPointPage):
    features = [
        label
        for present, label in (
            (page.changing_table, "Wickeltisch Wickelplatz"),
            (page.nursing_room, "Stillraum"),
            (page.parents_cafe, "Elterncafé"),
            (page.step_free, "stufenlos barrierefrei"),
        )
        if present
    ]
    services = [plain(s.name, s.description, s.consultation_hours) for s in page.services.all()]
    return page_document(
        page,
        kind="familienpunkt",
        text=plain(
            "Familienpunkt Beratung",
            page.summary,
            page.street,
            page.appointments,
            *services,
            *features,
            page.accessibility_note,
            page.body,
        ),
        district=page.district.name if page.district_id else "",
        categories=[s.name for s in page.services.all()],
        latitude=decimal(page.latitude),
        longitude=decimal(page.longitude),
        free_of_charge=True,
    )


def _events():
    return EventPage.objects.live().select_related("locale")


@adapter(EventPage, kind="veranstaltung", label=_("Veranstaltung"), queryset=_events)
def event_document(page: EventPage):
    contact_point = page.get_parent().specific
    district = getattr(contact_point, "district", None)
    return page_document(
        page,
        kind="veranstaltung",
        text=plain(page.summary, page.audience, page.venue, page.cost, contact_point.title),
        district=district.name if district else "",
        categories=[str(contact_point.title)],
        free_of_charge="kostenlos" in (page.cost or "").lower() or not page.cost,
        latitude=decimal(getattr(contact_point, "latitude", None)),
        longitude=decimal(getattr(contact_point, "longitude", None)),
        date_start=page.start_date,
        date_end=page.last_date or page.start_date,
    )
