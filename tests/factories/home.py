from home.models import District, DistrictIndexPage

from .pages import section


def district(slug: str = "saarn") -> District:
    names = {
        "saarn": ("Saarn", "51.40660", "6.87880"),
        "styrum": ("Styrum", "51.45180", "6.86280"),
        "heissen": ("Heißen", "51.43600", "6.92250"),
    }
    name, lat, lon = names[slug]
    return District.objects.get_or_create(slug=slug, defaults={"name": name, "latitude": lat, "longitude": lon})[0]


def district_index(home_page) -> DistrictIndexPage:
    return section(home_page, DistrictIndexPage, title="Stadtteile", slug="stadtteile")
