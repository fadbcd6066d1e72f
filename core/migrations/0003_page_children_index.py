from django.db import migrations


class Migration(migrations.Migration):
    """An index Wagtail's page tree lacks (issue 20). A page's children (the menu, section lists, the home page's
    areas) are found by depth within the parent's path range; with only the path index the database reads every
    descendant and then filters by depth: at 100× the demo city that is twenty thousand rows for the home page's ten
    children. With (depth, path) it reads the children only."""

    dependencies = [
        ("core", "0002_submit_key"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS portal_page_depth_path",
        )
    ]
