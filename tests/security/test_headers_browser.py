"""The Content-Security-Policy in a real browser: public pages (with the map switched on) and the editor's userbar
run without a single violation. tests/security/test_headers.py checks the HTML; this catches what scripts do at run
time (a style attribute set through innerHTML, an eval, an image from elsewhere)."""

import pytest

from tests.browser.test_accessibility import public_pages
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Runs before the page's own scripts (Playwright injects it outside the page's CSP).
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


def violations_on(tab, url: str) -> tuple[list[str], bool]:
    """The CSP violations while `url` loads (and its map, if it has one, is switched on); whether a map was drawn."""
    response = tab.goto(url)
    assert response.status == 200, url
    assert response.headers.get("content-security-policy"), url
    tab.wait_for_load_state("networkidle")
    map_button = tab.get_by_role("button", name="Karte laden")
    drew_map = map_button.count() > 0 and map_button.first.is_visible()
    if drew_map:
        map_button.first.click()  # Leaflet draws its panes, controls and markers (tiles are cut off by the fixture)
        tab.locator(".leaflet-control-zoom").first.wait_for()
        tab.wait_for_load_state("networkidle")
    return tab.evaluate("window.__cspViolations"), drew_map


def test_public_pages_and_their_maps_run_without_a_csp_violation(live_server, page):
    pages = public_pages()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(LISTEN_FOR_VIOLATIONS)
    problems, maps = [], 0
    for name, path in pages.items():
        violations, drew_map = violations_on(page, f"{live_server.url}/de/{path}")
        problems += [f"{name}: {violation}" for violation in violations]
        maps += drew_map
    problems += [text for text in console if "Content Security Policy" in text]
    assert not problems, "\n".join(problems)
    assert maps >= 3  # the maps were really drawn under the policy


def test_the_editors_userbar_runs_under_the_public_policy(live_server, page, client, settings):
    pages = public_pages()
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the userbar loads its scripts from this address
    editor = UserFactory(username="chefin", is_staff=True, is_superuser=True)
    client.force_login(editor)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(LISTEN_FOR_VIOLATIONS)
    problems, _map = violations_on(page, f"{live_server.url}/de/{pages['offer']}")
    trigger = page.locator("wagtail-userbar").locator("#wagtail-userbar-trigger")
    trigger.click()  # the userbar opens (its menu, icons and styles live in a shadow root)
    assert page.locator("wagtail-userbar").locator("#wagtail-userbar-items").is_visible()
    page.wait_for_timeout(500)  # the accessibility checker runs when the menu opens
    problems += page.evaluate("window.__cspViolations")
    problems += [text for text in console if "Content Security Policy" in text]
    assert not problems, "\n".join(problems)


def test_the_page_editor_runs_under_the_admin_policy(live_server, page, client):
    """What Wagtail 8's admin needs is in PORTAL_ADMIN_CSP, and no more: the editor of a page with inline panels,
    date pickers and rich text, its checks and its preview panel load without a violation."""
    from wagtail.models import Page

    pages = public_pages()
    offer = Page.objects.get(slug=pages["offer"].rstrip("/").rsplit("/", 1)[-1], locale__language_code="de")
    client.force_login(UserFactory(username="chefin", is_staff=True, is_superuser=True))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    console, framed = [], []
    page.on("console", lambda message: console.append(message.text))
    # Which documents were framed, for the message: a violation names only the framed document's origin.
    page.on(
        "request",
        lambda request: request.is_navigation_request() and request.frame.parent_frame and framed.append(request.url),
    )
    page.on("requestfailed", lambda request: framed.append(f"failed: {request.url} {request.failure}"))
    page.on(
        "response",
        lambda response: (
            response.request.is_navigation_request()
            and response.request.frame.parent_frame
            and framed.append(f"{response.status} {response.url} {response.headers.get('location', '')}")
        ),
    )
    page.add_init_script(LISTEN_FOR_VIOLATIONS)
    problems = []
    for path in ["/admin/", f"/admin/pages/{offer.pk}/edit/", "/admin/images/", "/admin/pages/search/?q=Baby"]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert page.url.startswith(f"{live_server.url}/admin/"), page.url
        page.wait_for_load_state("networkidle")
        if "/edit/" in path:
            page.get_by_role("button", name="Vorschau").first.click()  # the preview panel frames the page
            page.frame_locator("iframe").first.locator("body").wait_for()
            page.wait_for_load_state("networkidle")
        problems += [f"{path}: {violation}" for violation in page.evaluate("window.__cspViolations")]
    problems += [text for text in console if "Content Security Policy" in text]
    assert not problems, "\n".join([*problems, f"framed documents: {framed}"])
