import datetime
from decimal import Decimal

import factory

from home.models import District
from home.directory.models import Language, Provider
from home.offers.models import OfferCategory, OfferDate, OfferIndexPage, OfferPage


class ProviderFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Familienverein {n}")
    slug = factory.Sequence(lambda n: f"familienverein-{n}")
    kind = Provider.Kind.ASSOCIATION
    email = factory.Sequence(lambda n: f"verein{n}@example.org")

    class Meta:
        model = Provider
        skip_postgeneration_save = True

    @factory.post_generation
    def maintainers(self, create, extracted, **kwargs):
        if create and extracted:
            self.maintainers.add(*extracted)


def district(slug: str = "saarn") -> District:
    names = {"saarn": ("Saarn", "51.40660", "6.87880"), "styrum": ("Styrum", "51.45180", "6.86280"),
             "heissen": ("Heißen", "51.43600", "6.92250")}
    name, lat, lon = names[slug]
    return District.objects.get_or_create(slug=slug, defaults={"name": name, "latitude": lat, "longitude": lon})[0]


def offer_index(home_page) -> OfferIndexPage:
    existing = OfferIndexPage.objects.first()
    if existing:
        return existing
    index = OfferIndexPage(title="Angebote", slug="angebote", show_in_menus=True)
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_offer(index: OfferIndexPage, *, title="Babyschwimmen", categories=("sport",), dates=(), languages=("de",),
               publish=True, **fields) -> OfferPage:
    """A published offer under `index`; `dates` are OfferDate keyword dicts."""
    fields.setdefault("summary", f"{title}: ein Angebot für Familien.")
    fields.setdefault("slug", None)
    offer = OfferPage(title=title, **{k: v for k, v in fields.items() if k != "slug"})
    if fields["slug"]:
        offer.slug = fields["slug"]
    offer.categories = list(OfferCategory.objects.filter(slug__in=categories))
    offer.languages = list(Language.objects.filter(code__in=languages))
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
