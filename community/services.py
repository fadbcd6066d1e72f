"""Writes that concern roles and accounts; the one place for their rules."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from community.models import User
from community.roles import (
    APPROVAL_TASK_NAME,
    APPROVAL_WORKFLOW_NAME,
    ELTERN,
    REDAKTION,
    ROLES,
    WIKI_TASK_NAME,
    WIKI_WORKFLOW_NAME,
    Role,
)


def _permission(app_model: str, codename: str) -> Permission:
    app_label, model = app_model.split(".")
    content_type = ContentType.objects.get_by_natural_key(app_label, model)
    return Permission.objects.get(content_type=content_type, codename=codename)


def _sync_page_and_collection_permissions(*, group: Group, role: Role) -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for codename in role.page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission("wagtailcore.page", codename)
            )
    for model_label, codenames in role.section_permissions.items():
        from django.apps import apps

        for section in apps.get_model(model_label).objects.all():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=section, permission=_permission("wagtailcore.page", codename)
                )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for app_model, actions in role.collection_permissions.items():
            model = app_model.split(".")[1]
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection,
                    permission=_permission(app_model, f"{action}_{model}"),
                )


def _sync_forum_permissions(*, group: Group, role: Role) -> None:
    from machina.apps.forum_permission.models import ForumPermission, GroupForumPermission

    for codename in role.forum_permissions:
        permission, _created = ForumPermission.objects.get_or_create(codename=codename)
        GroupForumPermission.objects.update_or_create(
            group=group, forum=None, permission=permission, defaults={"has_perm": True}
        )
    # A grant dropped from the role is withdrawn too (per-forum rows belong to members-only forums).
    GroupForumPermission.objects.filter(group=group, forum=None).exclude(permission__codename__in=role.forum_permissions).delete()


def _sync_public_forum_reading() -> None:
    """Everybody, signed in or not, reads the public forums; writing needs a role."""
    from machina.apps.forum_permission.models import ForumPermission, UserForumPermission

    from community.roles import FORUM_READING

    for codename in FORUM_READING:
        permission, _created = ForumPermission.objects.get_or_create(codename=codename)
        for who in ({"anonymous_user": True}, {"authenticated_user": True}):
            UserForumPermission.objects.update_or_create(
                forum=None, permission=permission, user=None, **who, defaults={"has_perm": True}
            )
    UserForumPermission.objects.filter(forum=None, user=None).exclude(permission__codename__in=FORUM_READING).delete()


def _sync_workflow(*, page, name: str, task_name: str) -> None:
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
        _sync_workflow(page=root_page, name=APPROVAL_WORKFLOW_NAME, task_name=APPROVAL_TASK_NAME)


def wiki_workflow_sync() -> None:
    """Parents' wiki edits have their own queue, "Wiki-Freigabe", so the Redaktion sees them apart from other pages."""
    from community.wiki.models import WikiIndexPage

    for wiki in WikiIndexPage.objects.all():
        _sync_workflow(page=wiki, name=WIKI_WORKFLOW_NAME, task_name=WIKI_TASK_NAME)


@transaction.atomic
def roles_sync() -> None:
    """Create the role groups and give each exactly the grants declared in community.roles (additive, idempotent)."""
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        wanted = [_permission("wagtailadmin.admin", "access_admin")] if role.admin_access else []
        for app_model, actions in role.model_permissions.items():
            model = app_model.split(".")[1]
            wanted += [
                _permission(app_model, action if "_" in action else f"{action}_{model}") for action in actions
            ]
        group.permissions.add(*wanted)
        _sync_page_and_collection_permissions(group=group, role=role)
        _sync_forum_permissions(group=group, role=role)
    _sync_public_forum_reading()
    _sync_approval_workflow()
    wiki_workflow_sync()


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
