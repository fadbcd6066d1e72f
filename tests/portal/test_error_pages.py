"""German error pages (400, 403, 404, 500, CSRF) in the portal layout; 500 and the fallbacks stand alone."""

import logging

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import DatabaseError
from django.http import Http404
from django.template.loader import get_template
from django.test import Client, RequestFactory
from django.urls import path, reverse
from wagtail.models import Site

from core import errors
from portal.urls import handler400, handler403, handler404, handler500  # noqa: F401 (this module is a URLconf too)
from portal.urls import urlpatterns as portal_urlpatterns
from tests.factories import ParentFactory, UserFactory, forum_url, make_forum, make_topic, topic_url

pytestmark = pytest.mark.django_db

LAYOUT = ('class="skip-link"', 'class="main-nav"', 'class="site-footer"')  # header, navigation, footer of base.html
ENGLISH = (
    "Not Found",
    "Forbidden",
    "Bad Request",
    "Server Error",
    "CSRF verification failed",
    "The requested resource",
)


# --- A URLconf for views that fail on purpose: the portal's own, plus three paths. ------------------------------


def _forbidden(request):
    raise PermissionDenied


def _suspicious(request):
    raise SuspiciousOperation("Testanfrage")


def _broken(request):
    raise RuntimeError("Testfehler")


urlpatterns = [
    path("fehlertest/verboten/", _forbidden),
    path("fehlertest/ungueltig/", _suspicious),
    path("fehlertest/kaputt/", _broken),
    *portal_urlpatterns,
]


@pytest.fixture
def live(settings, home_page):
    """DEBUG off, as in production: Django answers with the handlers instead of its technical pages."""
    settings.DEBUG = False
    return home_page


@pytest.fixture
def failing_views(settings, live):
    settings.ROOT_URLCONF = __name__


def assert_german_page(html: str, *, layout: bool = True) -> None:
    for english in ENGLISH:
        assert english not in html
    assert '<html lang="de"' in html
    if layout:
        for marker in LAYOUT:
            assert marker in html, marker
    else:  # nothing that needs the database: no navigation, no footer with the portal's contact details
        assert 'class="main-nav"' not in html and 'class="site-footer"' not in html


# --- 404 --------------------------------------------------------------------------------------------------------


def test_missing_page_is_a_german_404_in_the_portal_layout(client, live):
    response = client.get("/de/gibt-es-nicht/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Seite nicht gefunden</h1>" in html
    assert "Die Seite, die Sie aufrufen wollten, gibt es nicht (mehr)." in html
    assert_german_page(html)
    assert f'action="{reverse("search")}"' in html and 'href="/de/">Zur Startseite' in html


def test_missing_page_without_language_prefix_lands_on_the_german_404(client, live):
    response = client.get("/konto/gibt-es-nicht/", follow=True)
    assert response.redirect_chain == [("/de/konto/gibt-es-nicht/", 302)]
    assert response.status_code == 404
    assert_german_page(response.content.decode())


def test_machina_not_found_gets_the_portal_404(client, live):
    response = client.get(reverse("forum:forum", kwargs={"slug": "gibt-es-nicht", "pk": 999999}))
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()
    assert_german_page(response.content.decode())


def test_admin_sends_anonymous_visitors_to_its_german_login_not_to_an_english_404(client, live):
    response = client.get("/admin/gibt-es-nicht/", follow=True)
    html = response.content.decode()
    # /admin/login/ forwards to the portal's login (allauth's, with the second-factor step).
    assert response.redirect_chain == [
        ("/admin/login/?next=/admin/gibt-es-nicht/", 302),
        ("/konto/login/?next=%2Fadmin%2Fgibt-es-nicht%2F", 302),
    ]
    assert response.status_code == 200 and '<html lang="de"' in html and "Anmelden" in html
    assert "Not Found" not in html


def test_404_falls_back_to_a_plain_german_page_when_the_layout_fails(live, monkeypatch, caplog):
    def database_down(*args, **kwargs):
        raise DatabaseError("Datenbank nicht erreichbar")

    monkeypatch.setattr(Site, "find_for_request", database_down)
    request = RequestFactory().get("/de/gibt-es-nicht/")
    with caplog.at_level(logging.ERROR, logger="core.errors"):
        response = errors.page_not_found(request, Http404())
    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Seite nicht gefunden</h1>" in html and 'href="/de/">Zur Startseite' in html
    assert_german_page(html, layout=False)
    assert "404.html could not be rendered" in caplog.text


# --- 403 --------------------------------------------------------------------------------------------------------


def test_permission_denied_for_anonymous_offers_the_login(client, failing_views):
    response = client.get("/fehlertest/verboten/?seite=2")
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Kein Zugriff</h1>" in html and "melden Sie sich bitte an" in html
    assert f'href="{reverse("account_login")}?next=/fehlertest/verboten/%3Fseite%3D2"' in html
    assert_german_page(html)


def test_permission_denied_for_a_member_has_no_login_link(client, failing_views):
    client.force_login(ParentFactory())
    html = client.get("/fehlertest/verboten/").content.decode()
    assert "mit Ihrem Konto nicht aufrufen" in html
    assert "?next=" not in html
    assert_german_page(html)


def test_members_only_forum_shows_the_german_403_to_an_unconfirmed_account(client, live):
    author = ParentFactory()
    closed = make_forum("Stadtteil-Treffs", members_only=True)
    topic = make_topic(closed, author, "Treffen am Donnerstag", "Wir sind ab 15 Uhr am Spielplatz.")
    client.force_login(UserFactory(verified=False))
    for url in (forum_url(closed), topic_url(topic)):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 403, url
        assert "<h1>Kein Zugriff</h1>" in html and "Spielplatz" not in html
        assert_german_page(html)


def test_members_only_forum_sends_anonymous_visitors_to_the_login(client, live):
    # machina answers anonymous visitors with a redirect to the login, not with a 403 of its own.
    closed = make_forum("Stadtteil-Treffs", members_only=True)
    response = client.get(forum_url(closed))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login") + "?next=")


# --- 400 --------------------------------------------------------------------------------------------------------


def test_suspicious_request_is_a_german_400_in_the_portal_layout(client, failing_views):
    response = client.get("/fehlertest/ungueltig/")
    html = response.content.decode()
    assert response.status_code == 400
    assert "<h1>Ungültige Anfrage</h1>" in html
    assert_german_page(html)


def test_unknown_host_is_a_plain_german_400(client, live):
    # The layout looks the site up by host, which fails again for a host that is not allowed: the plain page.
    response = client.get("/de/", HTTP_HOST="boese.example")
    html = response.content.decode()
    assert response.status_code == 400
    assert "<h1>Ungültige Anfrage</h1>" in html and "boese.example" not in html
    assert_german_page(html, layout=False)


# --- 500 --------------------------------------------------------------------------------------------------------


def test_500_template_renders_with_an_empty_context():
    html = get_template("500.html").render({})
    assert "<h1>Ein Fehler ist aufgetreten</h1>" in html
    assert 'href="/static/portal/css/portal.css"' in html and 'href="/de/"' in html
    assert_german_page(html, layout=False)


def test_failing_view_answers_with_the_german_500(client, failing_views):
    client.raise_request_exception = False
    response = client.get("/fehlertest/kaputt/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Ein Fehler ist aufgetreten</h1>" in html and "Testfehler" not in html
    assert_german_page(html, layout=False)


def test_500_falls_back_to_plain_german_when_its_template_fails(monkeypatch):
    def template_broken(name, *args, **kwargs):
        raise OSError("Vorlagen nicht lesbar")

    monkeypatch.setattr(errors.loader, "get_template", template_broken)
    response = errors.server_error(RequestFactory().get("/de/"))
    assert response.status_code == 500
    assert "<h1>Ein Fehler ist aufgetreten</h1>" in response.content.decode()
    assert_german_page(response.content.decode(), layout=False)


# --- CSRF -------------------------------------------------------------------------------------------------------


def test_form_without_csrf_cookie_gets_the_german_csrf_page(live):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/konto/login/", {"login": "jemand", "password": "falsch"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Das Formular ist abgelaufen</h1>" in html and "laden Sie die Seite mit dem Formular neu" in html
    assert "erlauben Sie Cookies" in html
    assert 'href="/konto/login/">Formular neu laden' in html
    assert_german_page(html)


def test_form_with_an_outdated_token_gets_the_german_csrf_page(live):
    client = Client(enforce_csrf_checks=True)
    assert client.get("/konto/login/").status_code == 200  # sets the CSRF cookie
    response = client.post("/konto/login/", {"login": "jemand", "password": "falsch", "csrfmiddlewaretoken": "x" * 64})
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Das Formular ist abgelaufen</h1>" in html and "erlauben Sie Cookies" not in html
    assert_german_page(html)


def test_csrf_page_reloads_only_on_this_site(live):
    request = RequestFactory().post("/konto/login/")
    request.path = request.path_info = "//boese.example/formular/"
    html = errors.csrf_failure(request, reason="CSRF token incorrect.").content.decode()
    assert 'href="/">Formular neu laden' in html and 'href="//boese.example' not in html
    assert_german_page(html)
