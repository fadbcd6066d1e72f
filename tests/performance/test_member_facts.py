"""A member's page without a query for the facts every page shows about them (core/member_cache.py): the unread
notices in the menu and the state of the "Merken" button are kept until the member's own data changes, and every
change shows on the next request."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.bookmarks import services as bookmarks
from community.notifications import services as notifications
from community.notifications.models import Notification
from tests.factories import ParentFactory, make_offer, offer_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(home_page):
    return make_offer(offer_index(home_page), title="Babyschwimmen Saarn")


@pytest.fixture
def parent(client):
    member = ParentFactory(username="lena")
    client.force_login(member)
    return member


def page_and_tables(client, url: str) -> tuple[str, str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), " ".join(query["sql"] for query in context.captured_queries)


def unread_in_menu(html: str) -> str:
    import re

    found = re.search(r'class="site-menu__toggle".*?</summary>', html, re.S)
    count = re.search(r'<span class="count">(\d+)', found.group(0)) if found else None
    return count.group(1) if count else "0"


def saved(html: str) -> bool:
    return 'aria-pressed="true">★' in html


def test_the_unread_count_is_kept_and_every_change_shows_on_the_next_request(client, offer, parent):
    for _ in range(2):
        html, sql = page_and_tables(client, offer.url)
    assert unread_in_menu(html) == "0"
    assert "notifications_notification" not in sql, "a warm page asks the database for the count again"

    notifications.notify(users=[parent], kind="forum", title="Neue Antwort", mail_mode=lambda user: "none")
    assert unread_in_menu(page_and_tables(client, offer.url)[0]) == "1"
    notifications.notify(users=[parent, ParentFactory()], kind="forum", title="Noch eine", mail_mode=lambda u: "none")
    assert unread_in_menu(page_and_tables(client, offer.url)[0]) == "2"

    notifications.notifications_mark_read(user=parent)
    assert unread_in_menu(page_and_tables(client, offer.url)[0]) == "0"

    Notification.objects.create(user=parent, kind="forum", title="Aus der Verwaltung")  # the admin, a shell
    assert unread_in_menu(page_and_tables(client, offer.url)[0]) == "1"
    Notification.objects.filter(user=parent).delete()
    assert unread_in_menu(page_and_tables(client, offer.url)[0]) == "0"


def test_the_merken_button_is_kept_and_every_change_shows_on_the_next_request(client, offer, parent):
    for _ in range(2):
        html, sql = page_and_tables(client, offer.url)
    assert 'aria-pressed="false">☆' in html and not saved(html)
    assert "bookmarks_bookmark" not in sql, "a warm page asks the database for the Merkliste again"

    bookmarks.bookmark_add(user=parent, page=offer)
    assert saved(page_and_tables(client, offer.url)[0])
    bookmarks.bookmark_remove(user=parent, translation_key=offer.translation_key)
    assert not saved(page_and_tables(client, offer.url)[0])
    bookmarks.bookmarks_merge(user=parent, keys=[offer.translation_key])  # a guest's list taken over at login
    assert saved(page_and_tables(client, offer.url)[0])


def test_one_members_facts_are_not_anothers(client, offer, parent):
    bookmarks.bookmark_add(user=parent, page=offer)
    notifications.notify(users=[parent], kind="forum", title="Nur für Lena", mail_mode=lambda user: "none")
    html = page_and_tables(client, offer.url)[0]
    assert saved(html) and unread_in_menu(html) == "1"
    client.force_login(ParentFactory(username="mehmet"))
    html = page_and_tables(client, offer.url)[0]
    assert not saved(html) and unread_in_menu(html) == "0"
