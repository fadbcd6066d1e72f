"""What `home` contributes: the demo city's base (districts, pages, settings), the Redaktion's grants for the
city-wide data, and the local institutions in the admin's "Verzeichnisdaten"."""

from community.accounts.roles import REDAKTION
from core.registry import AdminSnippets, DemoStep, RoleGrants, demo_steps, directory_snippets, role_grants
from home import demo
from home.admin_views import LocalInstitutionViewSet

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
