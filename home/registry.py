"""What `home` contributes: the demo city's base (districts, pages, settings), the Redaktion's grants for the
city-wide data, and the local institutions in the admin's "Verzeichnisdaten"."""

from community.accounts.roles import REDAKTION
from core.address import use_city_source
from core.registry import AdminSnippets, DemoStep, RoleGrants, demo_steps, directory_snippets, role_grants
from home import demo, front_page  # noqa: F401  (front_page registers the areas panel)
from home.admin_views import LocalInstitutionViewSet
from home.selectors import city_name

role_grants.register(
    RoleGrants(
        REDAKTION,
        model_permissions={
            "home.district": ("add", "change", "delete", "view"),
            "home.localinstitution": ("add", "change", "delete", "view"),
            "home.portalsettings": ("change",),
        },
    )
)
directory_snippets.register(AdminSnippets((LocalInstitutionViewSet,), order=10))
demo_steps.register(DemoStep("home", demo.seed, order=10))
# After the contact points' section, so that the menu keeps its order: Familienpunkte, Stadtteile, …
demo_steps.register(DemoStep("districts", demo.seed_district_index, order=65))
# After every section step (the front page points at the sections they made), before the demo translations (90):
# its notice, tiles and pictures' alternative texts are translated with the rest of the home page.
demo_steps.register(DemoStep("front_page", demo.seed_front_page, order=85))
# Addresses (core.address) saved without a city get the city from the portal settings.
use_city_source(city_name)
