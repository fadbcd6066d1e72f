"""Security headers on every public page type, and HTML that a strict Content-Security-Policy can run.

One row per page type (tests/browser/test_accessibility.py builds one published page of each) and language: the
CSP header is there and strict (no 'unsafe-inline', no outside origin but the map tiles), Permissions-Policy and the
older headers are there, and the HTML has no inline script, no on…= handler, no style= attribute, no <style> element
and nothing loaded from another origin. A page type that adds one fails here, before a browser would block it.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from tests.browser.test_accessibility import public_pages
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Keys of public_pages(); test_every_page_type_is_in_the_table fails when a type is added there but not here.
PAGE_TYPES = [
    "home",
    "offer list",
    "offer",
    "Kita search",
    "Kita",
    "childminder",
    "Familienpunkte list",
    "Familienpunkt",
    "event",
    "changing places list",
    "changing place",
    "wiki index",
    "wiki article",
    "districts",
    "district",
    "content page",
    "search results",
    "forum index",
]
LANGUAGES = ["de", "ar"]
# <script> elements the browser never executes (data blocks: schema.org JSON-LD, json_script); CSP does not apply.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
# Attributes that make the browser fetch something (a link <a href> may lead anywhere: it loads nothing).
FETCHING_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "poster", "data", "background"}


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """One page of every public type, made once for the module and committed; the database is put back afterwards."""
    from django.db import connection

    with django_db_blocker.unblock():
        migrated = connection.creation.serialize_db_to_string()
        made = public_pages()
        yield made
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False)
        connection.creation.deserialize_db_from_string(migrated)


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def outside_sources(directives: dict[str, list[str]]) -> dict[str, list[str]]:
    """Sources other than the portal itself, per directive ('self', 'none' and data: images are the portal's)."""
    allowed_anywhere = {"'self'", "'none'"}
    tiles = "{0.scheme}://{0.netloc}".format(urlsplit(settings.MAP_TILE_URL))
    allowed = {"img-src": {"data:", tiles}}
    return {
        name: outside
        for name, sources in directives.items()
        if (outside := [s for s in sources if s not in allowed_anywhere | allowed.get(name, set())])
    }


class InlineFinder(HTMLParser):
    """Everything in a page that a strict CSP would block or that loads from another origin."""

    def __init__(self, own_hosts: set[str]):
        super().__init__(convert_charrefs=True)
        self.own_hosts = own_hosts
        self.problems: list[str] = []
        self._script_without_src: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> (inline event handler)")
            if name == "style":
                self.problems.append(f'<{tag} style="{value}">')
            if name in FETCHING_ATTRIBUTES and tag != "a" and value and self._outside(value):
                self.problems.append(f"<{tag} {name}={value!r}> (another origin)")
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script" and not attributes.get("src"):
            if (attributes.get("type") or "").lower() not in DATA_SCRIPT_TYPES:
                self.problems.append(f"inline <script {attrs}>")

    def _outside(self, value: str) -> bool:
        for candidate in value.split(","):  # srcset lists several URLs
            url = candidate.strip().split(" ")[0]
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob") or url.startswith("#"):
                continue
            if parts.scheme not in ("", "http", "https"):
                return True
            if parts.netloc and parts.hostname not in self.own_hosts:
                return True
        return False


def inline_problems(html: str) -> list[str]:
    from wagtail.models import Site

    finder = InlineFinder({"testserver", *Site.objects.values_list("hostname", flat=True)})
    finder.feed(html)
    return finder.problems


def assert_strict_headers(response, *, where: str) -> None:
    header = response.get("Content-Security-Policy")
    assert header, f"{where}: no Content-Security-Policy"
    directives = csp_directives(header)
    for name, sources in {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
    }.items():
        assert directives.get(name) == sources, f"{where}: {name} is {directives.get(name)}, expected {sources}"
    assert not outside_sources(directives), f"{where}: sources from elsewhere {outside_sources(directives)}"
    assert "unsafe" not in header, f"{where}: {header}"
    policy = response.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=(self)", "payment=()", "usb=()"):
        assert feature in policy, f"{where}: Permissions-Policy lacks {feature}: {policy!r}"
    # The headers Django set before, kept.
    assert response["X-Frame-Options"] == "DENY", where
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "same-origin", where
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", where


def test_every_page_type_is_in_the_table(pages):
    assert sorted(pages) == sorted(PAGE_TYPES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_public_page_has_strict_headers_and_no_inline_code(client, pages, page_type, language):
    url = f"/{language}/{pages[page_type]}"
    response = client.get(url)
    assert response.status_code == 200, url
    assert_strict_headers(response, where=url)
    problems = inline_problems(response.content.decode())
    assert not problems, f"{url}:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "target", ["account_login", "account_signup", "account_reset_password", "/de/gibt-es-nicht/", "/sitemap.xml"]
)
def test_forms_error_pages_and_the_sitemap_have_the_same_headers(client, pages, target):
    url = target if target.startswith("/") else reverse(target)
    response = client.get(url)
    assert response.status_code in (200, 404), url
    assert_strict_headers(response, where=url)
    if response["Content-Type"].startswith("text/html"):
        problems = inline_problems(response.content.decode())
        assert not problems, f"{url}:\n" + "\n".join(problems)


@pytest.mark.parametrize("target", ["profile", "account_email", "account_change_password", "notifications"])
def test_a_members_own_pages_have_the_same_headers(client, pages, target):
    from tests.factories import ParentFactory

    client.force_login(ParentFactory())
    url = reverse(target)
    response = client.get(url)
    assert response.status_code == 200, url
    assert_strict_headers(response, where=url)
    problems = inline_problems(response.content.decode())
    assert not problems, f"{url}:\n" + "\n".join(problems)


def test_the_editors_userbar_brings_no_inline_code_into_a_public_page(client, pages):
    client.force_login(UserFactory(username="chefin", is_staff=True, is_superuser=True))
    response = client.get(f"/de/{pages['offer']}")
    assert b"wagtail-userbar" in response.content  # the userbar is there …
    assert_strict_headers(response, where="offer page with the userbar")
    assert not inline_problems(response.content.decode())  # … and needs nothing the policy forbids


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/login/"])
def test_the_admin_has_its_own_policy_as_strict_as_wagtail_allows(client, pages, path):
    # The policy goes by path, whatever the answer (a page, or a redirect to a login or second-factor step).
    client.force_login(UserFactory(username="chefin", is_staff=True, is_superuser=True))
    response = client.get(path)
    directives = csp_directives(response["Content-Security-Policy"])
    # Wagtail 8 still writes inline <script> (InlinePanel, date pickers) and style attributes (wagtail-localize).
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert directives["default-src"] == ["'self'"] and directives["connect-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]  # the page preview is framed by the admin
    assert directives["form-action"] == ["'self'"] and directives["base-uri"] == ["'self'"]
    outside = outside_sources(directives)
    assert set(outside) <= {"script-src", "style-src", "img-src", "media-src", "font-src"}, outside
    assert all(set(sources) <= {"'unsafe-inline'", "data:", "blob:"} for sources in outside.values()), outside
    assert "geolocation=(self)" in response["Permissions-Policy"]


def test_the_page_preview_gets_the_admins_policy_so_the_preview_panel_may_frame_it(client, pages):
    """Wagtail runs a made-up public request through the middleware for the preview: its public policy
    (frame-ancestors 'none') must not reach the admin's answer."""
    from wagtail.models import Page

    offer = Page.objects.get(slug=pages["offer"].rstrip("/").rsplit("/", 1)[-1], locale__language_code="de")
    client.force_login(UserFactory(username="chefin", is_staff=True, is_superuser=True))
    offer.specific.save_revision()
    # "Entwurf ansehen" renders the latest revision the same way as the preview panel does.
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[offer.pk]))
    assert response.status_code == 200 and offer.title.encode() in response.content
    assert csp_directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


def test_the_review_inbox_styles_come_from_a_file(client, pages):
    client.force_login(UserFactory(username="chefin", is_staff=True, is_superuser=True))
    response = client.get(reverse("review_inbox"))
    assert response.status_code == 200
    assert b"<style" not in response.content and b"core/review-inbox.css" in response.content


def test_a_media_or_tile_host_is_named_in_the_policy_for_what_it_serves():
    """Media on a storage host or tiles from another server are allowed for images and media, nothing more."""
    env = {
        "MEDIA_URL": "https://medien.example.org/portal/",
        "MAP_TILE_URL": "https://{s}.kacheln.example.org/{z}/{x}/{y}.png",
    }
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps(s.CONTENT_SECURITY_POLICY['DIRECTIVES']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **env, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "PYTHONPATH": "site:."},
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    directives = json.loads(out.stdout)
    assert directives["img-src"] == ["'self'", "data:", "https://*.kacheln.example.org", "https://medien.example.org"]
    assert directives["media-src"] == ["'self'", "https://medien.example.org"]
    assert directives["script-src"] == ["'self'"]


def test_the_inline_finder_catches_what_it_is_for():
    """The crawler itself: each kind of problem it must report, in one page (so a broken finder cannot pass)."""
    html = io.StringIO()
    html.write('<script>alert(1)</script><script type="application/ld+json">{}</script>')
    html.write('<button onclick="x()">x</button><p style="color:red">x</p><style>p{}</style>')
    html.write('<img src="https://cdn.example.com/a.png"><link rel="stylesheet" href="//fonts.example.com/a.css">')
    html.write(
        '<a href="https://www.muelheim-ruhr.de/">ok</a><img src="/static/a.png"><img src="data:image/png;base64,">'
    )
    finder = InlineFinder({"testserver"})
    finder.feed(html.getvalue())
    assert len(finder.problems) == 6, finder.problems
