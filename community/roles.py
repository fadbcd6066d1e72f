"""The portal's roles as Wagtail groups, declared once; `sync_roles` makes the database match."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

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
FORUM_READING = ["can_see_forum", "can_read_forum"]
# No attachments (photos of children, files nobody reviews) and no polls (they need machina's JavaScript).
FORUM_WRITING = FORUM_READING + [
    "can_start_new_topics", "can_reply_to_topics", "can_edit_own_posts", "can_delete_own_posts",
]
FORUM_MODERATING = FORUM_WRITING + [
    "can_post_without_approval", "can_lock_topics", "can_move_topics", "can_edit_posts",
    "can_delete_posts", "can_approve_posts", "can_reply_to_locked_topics", "can_post_stickies",
    "can_post_announcements",
]


@dataclass(frozen=True)
class Role:
    name: str
    description: str
    admin_access: bool = False
    page_permissions: list[str] = field(default_factory=list)  # on the whole page tree
    section_permissions: dict[str, list[str]] = field(default_factory=dict)  # "app.PageModel": on each such page
    collection_permissions: dict[str, list[str]] = field(default_factory=dict)  # on the root collection
    model_permissions: dict[str, list[str]] = field(default_factory=dict)  # "app.model": actions
    forum_permissions: list[str] = field(default_factory=list)  # machina, on every forum


ROLES = [
    Role(
        REDAKTION,
        _("Redaktion: prüft und veröffentlicht alle Inhalte"),
        admin_access=True,
        page_permissions=PAGE_EDITING,
        collection_permissions=MEDIA_EDITING,
        model_permissions={
            "home.district": ["add", "change", "delete", "view"],
            "home.provider": ["add", "change", "delete", "view"],
            "home.offercategory": ["add", "change", "delete", "view"],
            "home.language": ["add", "change", "delete", "view"],
            "home.holidayperiod": ["add", "change", "delete", "view"],
            "home.offerpage": ["import_offers"],
            "home.kitafocus": ["add", "change", "delete", "view"],
            "home.localinstitution": ["add", "change", "delete", "view"],
            "home.volunteerrole": ["add", "change", "delete", "view", "manage_all_volunteering"],
            "home.volunteershift": ["add", "change", "delete", "view"],
            "home.volunteersignup": ["change", "view"],
            "home.changingplacereport": ["change", "view"],
            "home.portalsettings": ["change"],
            "wagtailcore.locale": ["add", "change", "view"],
            "community.user": ["view"],
            "community.wikicategory": ["add", "change", "delete", "view"],
            "community.wikiaccountstatus": ["add", "change", "delete", "view"],
            "community.wikiprotection": ["add", "change", "delete", "view"],
            "community.wikiedit": ["change", "view"],
            "forum.forum": ["add", "change", "view"],
        },
        forum_permissions=FORUM_MODERATING,
    ),
    Role(
        MODERATION,
        _("Moderation: betreut die Foren"),
        admin_access=True,
        model_permissions={"forum.forum": ["add", "change", "view"]},
        forum_permissions=FORUM_MODERATING,
    ),
    Role(ELTERN, _("Eltern mit bestätigter E-Mail-Adresse"), forum_permissions=FORUM_WRITING),
    Role(
        ANBIETER,
        _("Anbieter: pflegen die Angebote ihrer Organisation"),
        admin_access=True,
        # Offers only, and only their organization's (OfferPage.permissions_for_user); never publish.
        section_permissions={"home.OfferIndexPage": ["add_page", "change_page"]},
        collection_permissions={"wagtailimages.image": ["add", "choose"]},
        forum_permissions=FORUM_WRITING,
    ),
    Role(KITA_LEITUNG, _("Kita-Leitung: meldet freie Plätze der eigenen Kita"), forum_permissions=FORUM_WRITING),
    Role(
        FAMILIENPUNKT_TEAM,
        _("Familienpunkt-Team: Veranstaltungen (mit Freigabe) und Helfer-Schichten des eigenen Familienpunkts"),
        admin_access=True,
        # Events below the contact points, as drafts for the Redaktion; never publish.
        section_permissions={"home.ContactPointPage": ["add_page", "change_page"]},
        collection_permissions={"wagtailimages.image": ["add", "choose"]},
        # Scoped to the contact points the account is on the team of (home.contact_points.admin_views).
        model_permissions={
            "home.volunteerrole": ["add", "change", "delete", "view"],
            "home.volunteershift": ["add", "change", "delete", "view"],
            "home.volunteersignup": ["change", "view"],
        },
        forum_permissions=FORUM_WRITING,
    ),
]
ROLE_NAMES = [role.name for role in ROLES]
# Wagtail's starter groups, replaced by the roles above.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]
APPROVAL_WORKFLOW_NAME = "Redaktion-Freigabe"
APPROVAL_TASK_NAME = "Freigabe durch die Redaktion"
WIKI_WORKFLOW_NAME = "Wiki-Freigabe"
WIKI_TASK_NAME = "Wiki-Änderung prüfen"
