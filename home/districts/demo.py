from wagtail.models import Page, Site

from home.contact_points.models import ContactPointIndexPage
from home.demo import ensure_section
from home.districts.models import DistrictIndexPage


def ensure_index(home: Page) -> DistrictIndexPage:
    return ensure_section(home, DistrictIndexPage(
        title="Stadtteile", slug="stadtteile", show_in_menus=True,
        intro="Alles für Familien in Ihrem Stadtteil auf einer Seite: Familienpunkt, Termine, Angebote, Kitas und Einrichtungen vor Ort.",
    ), after=ContactPointIndexPage)


def seed() -> list[str]:
    ensure_index(Site.objects.get(is_default_site=True).root_page)
    return []
