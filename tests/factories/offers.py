import datetime
from decimal import Decimal

from home.directory.models import Language
from home.offers.models import OfferCategory, OfferDate, OfferIndexPage, OfferPage


def offer_index(home_page) -> OfferIndexPage:
    existing = OfferIndexPage.objects.first()
    if existing:
        return existing
    index = OfferIndexPage(title="Angebote", slug="angebote", show_in_menus=True)
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_offer(
    index: OfferIndexPage,
    *,
    title="Babyschwimmen",
    categories=("sport",),
    dates=(),
    languages=("de",),
    publish=True,
    **fields,
) -> OfferPage:
    """A published offer under `index`; `dates` are OfferDate keyword dicts."""
    fields.setdefault("summary", f"{title}: ein Angebot für Familien.")
    fields.setdefault("slug", None)
    offer = OfferPage(title=title, **{k: v for k, v in fields.items() if k != "slug"})
    if fields["slug"]:
        offer.slug = fields["slug"]
    offer.categories = list(OfferCategory.objects.originals().filter(slug__in=categories))
    offer.languages = list(Language.objects.originals().filter(code__in=languages))
    offer.dates = [OfferDate(**d) for d in dates]
    index.add_child(instance=offer)
    revision = offer.save_revision()
    if publish:
        revision.publish()
    return OfferPage.objects.get(pk=offer.pk)


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def price(text: str) -> Decimal:
    return Decimal(text)
