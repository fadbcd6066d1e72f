"""The demo Impressum opens in the page editor: its line breaks are stored as Wagtail writes them, and a data migration
mends demo databases seeded before that."""

import importlib

import pytest
from django.apps import apps
from django.test import Client
from wagtail.models import Page
from wagtail.rich_text import RichText

from home import demo
from home.models import ContentPage

pytestmark = pytest.mark.django_db
migration = importlib.import_module("home.migrations.0005_demo_rich_text_line_breaks")


def test_the_seeded_impressum_opens_in_the_editor(client, admin_user):
    impressum = demo.seed_pages()["impressum"]
    client.force_login(admin_user)

    response = client.get(f"/admin/pages/{impressum.pk}/edit/")

    assert response.status_code == 200
    assert "Demonstrationsinstanz" in response.content.decode()


def test_the_migration_mends_an_impressum_seeded_with_html_line_breaks(admin_user, home_page):
    client = Client(raise_request_exception=False)
    old_paragraphs = [
        "<p>Familienportal Mülheim an der Ruhr (Demonstrationsinstanz)<br>"
        "Stadt Mülheim an der Ruhr – Familienbüro<br>Musterstraße 1, 45468 Mülheim an der Ruhr</p>"
    ]
    page = ContentPage(
        title="Impressum", slug="impressum-alt", body=[("paragraph", RichText(html)) for html in old_paragraphs]
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    client.force_login(admin_user)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 500  # what the tester met

    migration.close_line_breaks(apps, None)

    page = ContentPage.objects.get(pk=page.pk)
    assert "<br>" not in str(page.body.raw_data[0]["value"]) and "<br/>" in page.body.raw_data[0]["value"]
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert "Familienbüro" in Page.objects.get(pk=page.pk).specific.body.render_as_block()
