"""A member's page without a query for the facts every page shows about them (core/member_cache.py): the unread
notices in the menu, the state of the "Merken" button and whether they have a confirmed address are kept until the
member's own data changes, and every change shows on the next request."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

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


def test_a_confirmed_address_is_kept_and_every_change_counts_at_once(parent):
    """Whether a member may take part (forum, wiki, suggestions) is asked on most of their pages: kept, but any change
    of their addresses counts on the next question."""
    from allauth.account.models import EmailAddress

    from community.accounts.selectors import has_confirmed_email

    assert has_confirmed_email(parent)
    with CaptureQueriesContext(connection) as context:
        assert has_confirmed_email(parent)
    assert not context.captured_queries

    address = EmailAddress.objects.get(user=parent)
    address.verified = False
    address.save()
    assert not has_confirmed_email(parent)
    address.verified = True  # the link in the confirmation mail
    address.save()
    assert has_confirmed_email(parent)
    address.delete()
    assert not has_confirmed_email(parent)
    EmailAddress.objects.create(user=parent, email="lena.neu@example.org", verified=True, primary=True)
    assert has_confirmed_email(parent)
    parent.is_active = False
    assert not has_confirmed_email(parent)


def test_a_members_wiki_status_and_watched_articles_are_kept_and_every_change_shows(client, home_page, parent):
    from community.wiki import services as wiki
    from community.wiki.models import WikiAccountStatus
    from community.wiki.selectors import account_status, is_watching
    from tests.factories.wiki import make_article, wiki_index

    article = make_article(wiki_index(home_page), title="Elterngeld beantragen")
    assert account_status(user=parent) is None and not is_watching(user=parent, article=article)
    with CaptureQueriesContext(connection) as context:
        assert account_status(user=parent) is None and not is_watching(user=parent, article=article)
    assert not context.captured_queries

    wiki.article_watch(user=parent, article=article, watch=True)
    assert is_watching(user=parent, article=article)
    wiki.article_watch(user=parent, article=article, watch=False)
    assert not is_watching(user=parent, article=article)

    status = WikiAccountStatus.objects.create(user=parent, status=WikiAccountStatus.Status.BLOCKED, reason="Spam")
    assert account_status(user=parent) == WikiAccountStatus.Status.BLOCKED
    status.until = timezone.now() + datetime.timedelta(hours=1)  # the admin sets an end
    status.save()
    assert account_status(user=parent) == WikiAccountStatus.Status.BLOCKED
    with mock.patch.object(timezone, "now", return_value=timezone.now() + datetime.timedelta(hours=2)):
        assert account_status(user=parent) is None, "a kept status ends on time, without a change"
    status.delete()
    assert account_status(user=parent) is None


def test_what_a_member_follows_and_wrote_in_is_kept_and_every_change_shows(client, home_page, parent):
    """The "Thema folgen" button and the member's own copy of a topic's posts (with "Bearbeiten" under their own)."""
    from tests.factories import make_forum, make_reply, make_topic, topic_url

    topic = make_topic(make_forum("Baby & Kleinkind"), ParentFactory(username="sandra"))
    url = topic_url(topic)

    def page() -> str:
        return page_and_tables(client, url)[0]

    for _ in range(2):
        html, sql = page_and_tables(client, url)
    assert "Thema folgen" in html and "/update/" not in html
    assert "topic_subscribers" not in sql, "a warm page asks the database who follows the topic"

    topic.subscribers.add(parent)
    assert "Thema nicht mehr folgen" in page()
    topic.subscribers.remove(parent)
    assert "Thema nicht mehr folgen" not in page()
    parent.topic_subscriptions.add(topic)  # from the member's side
    assert "Thema nicht mehr folgen" in page()
    topic.subscribers.clear()
    assert "Thema nicht mehr folgen" not in page()

    reply = make_reply(topic, parent, "Bei uns im Familienpunkt Styrum.")
    html = page()
    assert "Bei uns im Familienpunkt Styrum." in html
    assert html.count("/update/") == 1, "the member's own reply has its edit link"
    reply.delete()
    assert "/update/" not in page()
