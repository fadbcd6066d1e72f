from django.utils.translation import gettext_lazy as _

from home.offers.models import OfferPage
from search.documents import adapter, decimal, page_document, plain, sibling_key, stream_text


def _offers():
    return (
        OfferPage.objects.live()
        .select_related("district", "provider", "locale")
        .prefetch_related("categories", "languages")
    )


@adapter(OfferPage, kind="angebot", label=_("Angebot"), queryset=_offers)
def offer_document(page: OfferPage):
    # Categories and languages are the German originals; a translated page is found by their translated names.
    language = page.locale.language_code
    district = page.district.name if page.district_id else ""
    return page_document(
        page,
        kind="angebot",
        text=plain(
            page.summary,
            page.provider.name if page.provider_id else "",
            page.venue,
            page.street,
            page.registration_info,
            page.cost_note,
            stream_text(page.body),
            " ".join(spoken.localized("name", language=language)[0] for spoken in page.languages.all()),
        ),
        district=district,
        categories=[category.localized("name", language=language)[0] for category in page.categories.all()],
        age_min_months=page.age_min_months,
        age_max_months=page.age_max_months,
        free_of_charge=page.cost_kind == OfferPage.CostKind.FREE,
        latitude=decimal(page.latitude),
        longitude=decimal(page.longitude),
        date_start=page.first_date,
        date_end=page.last_date,
        # One provider's course on other days or in other Stadtteile is shown as one result with its other dates.
        sibling_key=sibling_key(
            f"provider:{page.provider_id}" if page.provider_id else "",
            page.title,
            language=language,
            drop=(district, page.venue),
        ),
    )
