import pytest
from django.contrib.auth.models import Group
from machina.core.loading import get_class
from wagtail.models import GroupApprovalTask, Page, WorkflowPage

from community.accounts.roles import ANBIETER, ELTERN, KITA_LEITUNG, MODERATION, REDAKTION, ROLE_NAMES
from community.accounts.roles_sync import roles_sync
from tests.factories import ParentFactory, UserFactory

pytestmark = pytest.mark.django_db
PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")


def test_migrations_create_exactly_the_portal_roles():
    assert set(Group.objects.values_list("name", flat=True)) == set(ROLE_NAMES)


@pytest.mark.parametrize(
    ("role", "reaches_admin"),
    [(REDAKTION, True), (MODERATION, True), (ANBIETER, True), (ELTERN, False), (KITA_LEITUNG, False)],
)
def test_only_staff_roles_reach_the_wagtail_admin(client, role, reaches_admin):
    user = UserFactory(roles=[role])
    client.force_login(user)
    response = client.get("/admin/")
    if reaches_admin:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/")


def test_a_registered_parent_cannot_open_the_admin(client):
    client.force_login(ParentFactory())
    response = client.get("/admin/pages/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/login/")
    assert "Anmelden" in response.content.decode()


def test_redaktion_may_edit_and_publish_every_page(home_page):
    editor = UserFactory(roles=[REDAKTION])
    permissions = home_page.permissions_for_user(editor)
    assert permissions.can_edit()
    assert permissions.can_publish()
    assert permissions.can_add_subpage()


@pytest.mark.parametrize("role", [MODERATION, ELTERN, ANBIETER, KITA_LEITUNG])
def test_other_roles_cannot_edit_pages(home_page, role):
    user = UserFactory(roles=[role])
    permissions = home_page.permissions_for_user(user)
    assert not permissions.can_edit()
    assert not permissions.can_publish()


def test_page_changes_wait_for_the_redaktion_workflow():
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert workflow.name == "Redaktion-Freigabe"
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert list(task.groups.values_list("name", flat=True)) == [REDAKTION]


def test_redaktion_manages_districts_and_site_settings():
    editor = UserFactory(roles=[REDAKTION])
    assert editor.has_perm("home.change_district")
    assert editor.has_perm("home.change_portalsettings")
    assert not UserFactory(roles=[ANBIETER]).has_perm("home.change_district")


def test_forum_permissions_follow_the_roles(home_page):
    from machina.apps.forum.models import Forum

    forum = Forum.objects.create(name="Kita & Schule", type=Forum.FORUM_POST)
    parent, moderator = ParentFactory(), UserFactory(roles=[MODERATION])
    unconfirmed = UserFactory(verified=False)
    from django.contrib.auth.models import AnonymousUser

    assert PermissionHandler().can_read_forum(forum, AnonymousUser())
    assert not PermissionHandler().can_add_topic(forum, AnonymousUser())
    assert not PermissionHandler().can_add_topic(forum, unconfirmed)
    assert PermissionHandler().can_add_topic(forum, parent)
    assert not PermissionHandler().can_access_moderation_queue(parent)
    assert PermissionHandler().can_access_moderation_queue(moderator)


def test_syncing_roles_again_changes_nothing():
    before = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    roles_sync()
    after = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    assert before == after
