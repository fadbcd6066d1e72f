import re

import pytest
from wagtail.models import Site

from home.models import PortalSettings
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db
ASSET_URL = re.compile(r'<(?:script|link|img)\b[^>]*?(?:src|href)="([^"]+)"')


@pytest.fixture
def areas(home_page):
    """The menu pages the demo city creates, enough to render the navigation."""
    return [
        ContentPageFactory(parent=home_page, title=title, slug=slug, show_in_menus=True, intro=f"Alles zu {title}.")
        for title, slug in [
            ("Angebote", "angebote"),
            ("Kita & Tagespflege", "kita"),
            ("Familienpunkte", "familienpunkte"),
            ("Familien-Wiki", "wiki"),
        ]
    ]


def test_root_redirects_to_the_german_home_page(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 302
    assert response.url == "/de/"


def test_home_page_is_german_accessible_and_navigable(client, areas):
    html = client.get("/de/").content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert '<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>' in html
    for landmark in ("<header", '<nav class="main-nav" aria-label="Hauptnavigation">', '<main id="inhalt"', "<footer"):
        assert landmark in html
    nav = html.split('aria-label="Hauptnavigation"')[1].split("</nav>")[0]
    titles = re.findall(r">([^<]+)</a>", nav)
    assert titles == ["Angebote", "Kita &amp; Tagespflege", "Familienpunkte", "Familien-Wiki", "Forum", "Suche"]
    assert 'href="/de/forum/"' in nav and 'href="/de/suche/"' in nav
    assert '<label for="hero-suche">' in html


def test_every_asset_is_served_by_the_portal_itself(client, areas):
    for url in ("/de/", "/de/kita/", "/de/suche/?q=kita", "/konto/login/", "/de/forum/"):
        html = client.get(url).content.decode()
        assets = ASSET_URL.findall(html)
        assert assets, url
        assert [a for a in assets if not a.startswith("/")] == [], url


def test_arabic_pages_are_right_to_left(client, home_page):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_every_language_has_its_prefix(client, home_page):
    for code in ("de", "en", "tr", "ar", "uk", "ru"):
        assert client.get(f"/{code}/").status_code == 200, code


def test_content_page_shows_breadcrumb_and_text(client, areas):
    response = client.get("/de/kita/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Kita &amp; Tagespflege</h1>" in html
    assert 'aria-current="page">Kita &amp; Tagespflege</a>' in html


def test_site_settings_edited_in_the_admin_appear_in_the_footer(client, home_page):
    site = Site.objects.get(is_default_site=True)
    imprint = ContentPageFactory(parent=home_page, title="Impressum", slug="impressum")
    portal = PortalSettings.for_site(site)
    portal.city_name = "Oberhausen"
    portal.contact_email = "familie@example.org"
    portal.contact_phone = "0208 123 45"
    portal.imprint_page = imprint
    portal.save()
    html = client.get("/de/").content.decode()
    assert "Ein offenes Portal für Familien in Oberhausen." in html
    assert 'href="mailto:familie@example.org"' in html
    assert 'href="tel:020812345"' in html
    assert '<a href="/de/impressum/">Impressum</a>' in html


@pytest.mark.parametrize("extra_areas", [0, 8])
def test_home_page_query_budget_does_not_grow_with_the_menu(
    client, home_page, areas, extra_areas, django_assert_max_num_queries
):
    for number in range(extra_areas):
        ContentPageFactory(
            parent=home_page, title=f"Bereich {number}", slug=f"bereich-{number}", show_in_menus=True, intro="x"
        )
    client.get("/de/")  # warm Wagtail's site-root cache as a running server would have it
    # 10 for the layout and menu, 3 for the default front page panels: the home page's sections (one query for all
    # panels) and the forums the visitor may read; tests/home/test_front_page.py pins the panels with content.
    with django_assert_max_num_queries(13):
        assert client.get("/de/").status_code == 200


def test_unknown_page_is_a_404(client, home_page):
    assert client.get("/de/gibt-es-nicht/").status_code == 404


def test_site_settings_are_editable_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    site = Site.objects.get(is_default_site=True)
    response = client.get(f"/admin/settings/home/portalsettings/{site.pk}/")
    assert response.status_code == 200
    assert "Stadt" in response.content.decode()
