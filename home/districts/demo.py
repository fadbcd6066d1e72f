from wagtail.models import Page, Site

from home.contact_points.models import ContactPointIndexPage
from home.districts.models import DistrictIndexPage


def ensure_index(home: Page) -> DistrictIndexPage:
    index = DistrictIndexPage.objects.child_of(home).first()
    if index:
        return index
    index = DistrictIndexPage(
        title="Stadtteile", slug="stadtteile", show_in_menus=True,
        intro="Alles für Familien in Ihrem Stadtteil auf einer Seite: Familienpunkt, Termine, Angebote, Kitas und Einrichtungen vor Ort.",
    )
    contact_points = home.get_children().type(ContactPointIndexPage).first()
    if contact_points is not None:
        contact_points.add_sibling(pos="right", instance=index)
    else:
        home.add_child(instance=index)
    index.save_revision().publish()
    return DistrictIndexPage.objects.get(pk=index.pk)


def seed() -> list[str]:
    ensure_index(Site.objects.get(is_default_site=True).root_page)
    return []
