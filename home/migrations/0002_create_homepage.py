from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's welcome page with the portal's home page, so a bare `migrate` serves a real site."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    if HomePage.objects.exists():
        return
    home_type, _created = ContentType.objects.get_or_create(app_label="home", model="homepage")
    locale = Locale.objects.order_by("pk").first()
    homepage = HomePage.objects.create(
        title="Familienportal",
        draft_title="Familienportal",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.create(
        hostname="localhost", port=80, root_page=homepage, is_default_site=True, site_name="Familienportal"
    )


def create_locales(apps, schema_editor):
    """German first; the languages the city's families also read get their locales from the start."""
    Locale = apps.get_model("wagtailcore.Locale")
    for code in ["de", "en", "tr", "ar", "uk", "ru"]:
        Locale.objects.get_or_create(language_code=code)


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunPython(create_locales, migrations.RunPython.noop),
        migrations.RunPython(create_homepage, remove_homepage),
    ]
