"""The portal's roles as Wagtail groups, declared once; each app registers its own grants for them
(`core.registry.role_grants`), and `roles_sync` makes the database match."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from core.registry import RoleGrants, role_grants

REDAKTION = "Redaktion"
MODERATION = "Moderation"
ELTERN = "Eltern"
ANBIETER = "Anbieter"
KITA_LEITUNG = "Kita-Leitung"
FAMILIENPUNKT_TEAM = "Familienpunkt-Team"

PAGE_EDITING = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
MEDIA_EDITING = {
    "wagtailimages.image": ["add", "change", "choose", "delete"],
    "wagtaildocs.document": ["add", "change", "choose", "delete"],
}


@dataclass(frozen=True)
class Role:
    name: str
    description: str
    admin_access: bool = False
    page_permissions: list[str] = field(default_factory=list)  # on the whole page tree
    collection_permissions: dict[str, list[str]] = field(default_factory=dict)  # on the root collection


ROLES = [
    Role(
        REDAKTION,
        _("Redaktion: prüft und veröffentlicht alle Inhalte"),
        admin_access=True,
        page_permissions=PAGE_EDITING,
        collection_permissions=MEDIA_EDITING,
    ),
    Role(MODERATION, _("Moderation: betreut die Foren"), admin_access=True),
    Role(ELTERN, _("Eltern mit bestätigter E-Mail-Adresse")),
    # Offers only, and only their organization's (the offers app grants and scopes it); never publish.
    Role(
        ANBIETER,
        _("Anbieter: pflegen die Angebote ihrer Organisation"),
        admin_access=True,
        collection_permissions={"wagtailimages.image": ["add", "choose"]},
    ),
    Role(KITA_LEITUNG, _("Kita-Leitung: meldet freie Plätze der eigenen Kita")),
    Role(
        FAMILIENPUNKT_TEAM,
        _("Familienpunkt-Team: Veranstaltungen (mit Freigabe) und Helfer-Schichten des eigenen Familienpunkts"),
        admin_access=True,
        collection_permissions={"wagtailimages.image": ["add", "choose"]},
    ),
]
ROLE_NAMES = [role.name for role in ROLES]
# Wagtail's starter groups, replaced by the roles above.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]
APPROVAL_WORKFLOW_NAME = "Redaktion-Freigabe"
APPROVAL_TASK_NAME = "Freigabe durch die Redaktion"

# What no single feature owns: the accounts themselves and the content languages.
role_grants.register(
    RoleGrants(
        REDAKTION,
        model_permissions={
            "wagtailcore.locale": ("add", "change", "view"),
            "accounts.user": ("view",),
        },
    )
)
