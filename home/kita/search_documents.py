from django.utils.translation import gettext_lazy as _

from home.kita.ages import SCHOOL_AGE_MONTHS
from home.kita.models import ChildminderPage, KitaPage
from home.kita.models.pages import AgeGroup
from search.documents import adapter, decimal, page_document, plain

AGE_GROUP_LABELS = {AgeGroup.U3: "U3", AgeGroup.UE3: "Ü3"}


def _daycare_fields(page, *extra_text) -> dict:
    # Focus and languages are the German originals; a translated page is found by their translated names.
    language = page.locale.language_code
    focus = [focus.localized("name", language=language)[0] for focus in page.focus.all()]
    capacities = list(page.capacities.all())
    ages = [c.min_age_months for c in capacities] or [0]
    groups = {c.group for c in capacities}
    return {
        "text": plain(
            page.summary,
            *extra_text,
            page.open_days,
            " ".join(focus),
            " ".join(spoken.localized("name", language=language)[0] for spoken in page.languages.all()),
            " ".join(AGE_GROUP_LABELS.get(g, g) for g in sorted(groups)),
        ),
        "district": page.district.name if page.district_id else "",
        "categories": [AGE_GROUP_LABELS.get(g, g) for g in sorted(groups)] + focus,
        "age_min_months": min(ages),
        "age_max_months": SCHOOL_AGE_MONTHS - 1 if AgeGroup.UE3 in groups else 35,
        "latitude": decimal(page.latitude),
        "longitude": decimal(page.longitude),
    }


def _daycares(model):
    return lambda: (
        model.objects.live().select_related("district", "locale").prefetch_related("capacities", "focus", "languages")
    )


@adapter(KitaPage, kind="kita", label=_("Kita"), queryset=_daycares(KitaPage))
def kita_document(page: KitaPage):
    carrier = page.carrier.name if page.carrier_id else ""
    return page_document(
        page,
        kind="kita",
        **_daycare_fields(page, "Kita Kindertagesstätte Kindergarten", carrier, page.street),
    )


@adapter(ChildminderPage, kind="tagespflege", label=_("Kindertagespflege"), queryset=_daycares(ChildminderPage))
def childminder_document(page: ChildminderPage):
    return page_document(
        page,
        kind="tagespflege",
        **_daycare_fields(page, "Kindertagespflege Tagesmutter Tagesvater Tagespflege"),
    )
