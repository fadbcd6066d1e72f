from .districts import District
from .pages import ContentPage, HomePage
from .settings import PortalSettings

__all__ = ["ContentPage", "District", "HomePage", "PortalSettings"]
