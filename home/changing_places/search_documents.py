from django.utils.translation import gettext_lazy as _

from home.changing_places.models import ChangingPlacePage
from search.documents import adapter, decimal, page_document, plain


def _places():
    return ChangingPlacePage.objects.live().select_related("district", "locale")


@adapter(ChangingPlacePage, kind="wickelplatz", label=_("Still- und Wickelort"), queryset=_places)
def changing_place_document(page: ChangingPlacePage):
    features = [
        label
        for present, label in (
            (page.changing_table, "Wickeltisch Wickelplatz"),
            (page.nursing_room, "Stillraum Stillen"),
            (page.bottle_warmer, "Fläschchen wärmen"),
            (page.step_free, "stufenlos"),
            (page.family_toilet, "Kindertoilette"),
        )
        if present
    ]
    return page_document(
        page,
        kind="wickelplatz",
        text=plain(page.get_kind_display(), *features, page.street, page.location_hint, page.note),
        district=page.district.name if page.district_id else "",
        categories=[str(page.get_kind_display())],
        free_of_charge=page.free_of_charge,
        latitude=decimal(page.latitude),
        longitude=decimal(page.longitude),
    )
