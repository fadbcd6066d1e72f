from .district_pages import DistrictIndexPage
from .districts import District
from .institutions import LocalInstitution
from .pages import ContentPage, HomePage
from .settings import PortalSettings

__all__ = ["ContentPage", "District", "DistrictIndexPage", "HomePage", "LocalInstitution", "PortalSettings"]
