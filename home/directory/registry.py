"""Providers and languages: the Redaktion keeps them; a provider's maintainers are personal data."""

from community.accounts.roles import REDAKTION
from core.registry import AdminSnippets, PersonalData, RoleGrants, directory_snippets, personal_data, role_grants
from home.directory.admin_views import LanguageViewSet, ProviderViewSet

role_grants.register(
    RoleGrants(
        REDAKTION,
        model_permissions={
            "directory.provider": ("add", "change", "delete", "view"),
            "directory.language": ("add", "change", "delete", "view"),
        },
    )
)
directory_snippets.register(AdminSnippets((ProviderViewSet,), order=20))
directory_snippets.register(AdminSnippets((LanguageViewSet,), order=40))


def _maintained(user) -> list[str]:
    return list(user.maintained_providers.order_by("name").values_list("name", flat=True))


personal_data.register(
    PersonalData(
        models=("directory.Provider",),
        key="gepflegte_organisationen",
        export=_maintained,
        order=60,
    )
)
