from django.db import migrations

ROLE_NAMES = ["Redaktion", "Moderation", "Eltern", "Anbieter", "Kita-Leitung"]
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def create_roles(apps, schema_editor):
    """The role groups; their permissions are granted by community.accounts.roles_sync.roles_sync after every migrate."""
    Group = apps.get_model("auth.Group")
    for name in ROLE_NAMES:
        Group.objects.get_or_create(name=name)
    # Wagtail's starter groups would be a second, unexplained set of roles; drop them while nobody uses them.
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
