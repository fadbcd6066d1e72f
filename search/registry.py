"""What the search contributes: the Redaktion keeps the synonyms and reads the weekly query report."""

from community.accounts.roles import REDAKTION
from core.registry import RoleGrants, page_cache_ignored, role_grants

role_grants.register(
    RoleGrants(
        REDAKTION,
        model_permissions={
            "portal_search.searchsynonym": ("add", "change", "delete", "view"),
            "portal_search.searchqueryweek": ("view",),
        },
    )
)
# Counted on every search and shown on no public page: counting must not empty the guests' page cache.
page_cache_ignored.register("portal_search.SearchQueryWeek")
