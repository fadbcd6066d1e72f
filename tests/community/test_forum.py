import pytest
from machina.apps.forum.models import Forum

from community.forum.markup import render_markdown
from tests.factories import ParentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("[klick](javascript:alert(1))", "javascript:"),
        ('<img src=x onerror="alert(1)">', "onerror"),
        ('<a href="#" onclick="alert(1)">x</a>', "onclick"),
        ("[x](JaVaScRiPt:alert(1))", "alert(1)\""),
    ],
)
def test_forum_markdown_is_sanitized(source, forbidden):
    assert forbidden.lower() not in render_markdown(source).lower()


def test_forum_markdown_keeps_formatting_and_marks_links_as_user_content():
    html = render_markdown("**Tipp:** [Stadtbibliothek](https://example.org/bibliothek)")
    assert "<strong>Tipp:</strong>" in html
    assert 'href="https://example.org/bibliothek"' in html
    assert 'rel="nofollow ugc noopener"' in html


def test_forum_pages_use_the_portal_layout_and_search(client, home_page):
    Forum.objects.create(name="Kita & Schule", type=Forum.FORUM_POST)
    html = client.get("/de/forum/").content.decode()
    assert 'class="skip-link"' in html
    assert 'aria-label="Hauptnavigation"' in html
    assert "Kita &amp; Schule" in html
    assert 'action="/de/suche/"' in html
    assert "forum/search" not in html


def test_parents_can_open_the_new_topic_form(client, home_page):
    forum = Forum.objects.create(name="Baby & Kleinkind", type=Forum.FORUM_POST)
    client.force_login(ParentFactory())
    response = client.get(f"/de/forum/forum/{forum.slug}-{forum.pk}/topic/create/")
    assert response.status_code == 200
    assert 'name="subject"' in response.content.decode()


def test_anonymous_visitors_get_no_session(client, home_page):
    Forum.objects.create(name="Baby & Kleinkind", type=Forum.FORUM_POST)
    for url in ("/de/", "/de/forum/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "sessionid" not in response.cookies, url
