"""Writes that concern roles and accounts; the one place for their rules."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from community.accounts.models import User
from community.accounts.roles import APPROVAL_TASK_NAME, APPROVAL_WORKFLOW_NAME, ELTERN, REDAKTION, ROLES
from core.registry import role_grants, roles_synced


def _permission(app_model: str, codename: str) -> Permission:
    app_label, model = app_model.split(".")
    content_type = ContentType.objects.get_by_natural_key(app_label, model)
    return Permission.objects.get(content_type=content_type, codename=codename)


def _sync_page_and_collection_permissions(*, group: Group, role, grants: list) -> None:
    from django.apps import apps
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for codename in role.page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission("wagtailcore.page", codename)
            )
    collection_permissions = {app_model: list(actions) for app_model, actions in role.collection_permissions.items()}
    for grant in grants:
        for model_label, codenames in grant.section_permissions.items():
            for section in apps.get_model(model_label).objects.all():
                for codename in codenames:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=section, permission=_permission("wagtailcore.page", codename)
                    )
        for app_model, actions in grant.collection_permissions.items():
            collection_permissions.setdefault(app_model, []).extend(actions)
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for app_model, actions in collection_permissions.items():
            model = app_model.split(".")[1]
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(app_model, f"{action}_{model}"),
                )


def section_page_models() -> set[str]:
    """Page models whose every new page needs the roles' grants (e.g. a second offer list)."""
    return {label for grant in role_grants for label in grant.section_permissions}


def workflow_sync(*, page, name: str, task_name: str) -> None:
    """`page` and everything below it wait for the Redaktion's approval in the workflow `name`."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    existing = WorkflowPage.objects.filter(page=page).select_related("workflow").first()
    workflow = existing.workflow if existing else Workflow.objects.create(name=name)
    if workflow.name != name:
        workflow.name = name
        workflow.save(update_fields=["name"])
    if not existing:
        WorkflowPage.objects.create(workflow=workflow, page=page)
    task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        # The workflow's ParentalKey manager only saves with the workflow; write the link row itself.
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if task.name != task_name:
        task.name = task_name
        task.save(update_fields=["name"])
    task.groups.set([Group.objects.get(name=REDAKTION)])


def _sync_approval_workflow() -> None:
    """Every page change waits for the Redaktion: one workflow on the root page."""
    from wagtail.models import Page

    root_page = Page.get_first_root_node()
    if root_page is not None:
        workflow_sync(page=root_page, name=APPROVAL_WORKFLOW_NAME, task_name=APPROVAL_TASK_NAME)
    # Its task declines only with a reason (ReasonedApprovalTask); the row stays Wagtail's, the content type says so.
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import GroupApprovalTask

    from community.accounts.models import ReasonedApprovalTask

    GroupApprovalTask.objects.filter(workflow_tasks__workflow__name=APPROVAL_WORKFLOW_NAME).update(
        content_type=ContentType.objects.get_for_model(ReasonedApprovalTask, for_concrete_model=False)
    )


@transaction.atomic
def roles_sync() -> None:
    """Create the role groups and give each the grants declared by the roles and the apps (additive, idempotent)."""
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        grants = [grant for grant in role_grants if grant.role == role.name]
        wanted = [_permission("wagtailadmin.admin", "access_admin")] if role.admin_access else []
        for grant in grants:
            for app_model, actions in grant.model_permissions.items():
                model = app_model.split(".")[1]
                wanted += [
                    _permission(app_model, action if "_" in action else f"{action}_{model}") for action in actions
                ]
        group.permissions.add(*wanted)
        _sync_page_and_collection_permissions(group=group, role=role, grants=grants)
    _sync_approval_workflow()
    for hook in roles_synced:
        hook()


def user_grant_role(*, user: User, role_name: str) -> None:
    """Put a user into one of the portal's roles."""
    user.groups.add(Group.objects.get(name=role_name))


def user_confirmed_email(*, user: User) -> None:
    """A confirmed e-mail address makes a registered account a parent who may write."""
    user_grant_role(user=user, role_name=ELTERN)


def admin_mails_off_for_parents(*, user: User) -> None:
    """Wagtail mails workflow outcomes with links into the admin; parents cannot open it and hear from the portal instead."""
    from wagtail.users.models import UserProfile

    if user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])
