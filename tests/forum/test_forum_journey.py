"""The issue's journey through the forms a parent and a moderator use (the browser version is in tests/browser)."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from machina.apps.forum_conversation.models import Topic

from community.accounts.roles import MODERATION
from community.notifications.models import Notification
from tests.factories import ParentFactory, UserFactory, establish, make_forum, reply_url, topic_create_url, topic_url

pytestmark = pytest.mark.django_db

PASSWORD = "Ruhrufer-Spaziergang-2026"


def test_new_parent_asks_moderator_approves_another_parent_answers_first_is_notified(
    client, home_page, django_capture_on_commit_callbacks
):
    forum = make_forum("Kita & Schule")
    UserFactory(username="moderatorin", roles=[MODERATION])
    julia = ParentFactory(username="julia", display_name="Julia aus Saarn")
    establish(julia, make_forum("Vorstellung"))  # a parent whose posts no longer wait

    # Register and confirm the address from the mail.
    client.post(
        "/konto/signup/",
        {
            "username": "neue_mama",
            "display_name": "Neue Mama",
            "email": "neue.mama@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        HTTP_ACCEPT_LANGUAGE="de",
    )
    # The mail links to the portal's public address (PORTAL_BASE_URL), not to the test server.
    confirm = re.search(r"https?://[^/\s]+(/konto/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    client.post(confirm)

    # Ask: the question waits for approval and says so.
    response = client.post(
        topic_create_url(forum),
        {
            "subject": "Erfahrungen mit der Kita Sonnenblume?",
            "content": "Wir haben dort einen Platz angeboten bekommen.",
            "topic_type": 0,
        },
        follow=True,
    )
    assert "Die Moderation liest ihn, bevor er im Forum erscheint." in response.content.decode()
    topic = Topic.objects.get(subject="Erfahrungen mit der Kita Sonnenblume?")
    assert not topic.approved
    client.logout()
    assert "Kita Sonnenblume" not in client.get(reverse("forum:forum", args=[forum.slug, forum.pk])).content.decode()

    # The moderator approves it from the queue.
    client.login(username="moderatorin", password="geheim-und-lang-123")
    assert "Erfahrungen mit der Kita Sonnenblume?" in client.get(reverse("forum-moderation")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forum_moderation:approve_queued_post", args=[topic.first_post.pk]))
    client.logout()

    # Another parent answers.
    client.login(username="julia", password="geheim-und-lang-123")
    assert "Wir haben dort einen Platz angeboten bekommen." in client.get(topic_url(topic)).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reply_url(topic),
            {
                "subject": "Re: Erfahrungen mit der Kita Sonnenblume?",
                "content": "Unsere Tochter ist dort, das Team ist sehr herzlich.",
            },
        )
    client.logout()

    # The first parent is told: on the site and by mail, with a way to stop the mails.
    client.login(username="neue_mama", password=PASSWORD)
    notices = Notification.objects.filter(user__username="neue_mama").order_by("created_at")
    assert [n.kind for n in notices] == ["forum.approved", "forum.post"]
    header = client.get(reverse("forum:index")).content.decode()
    assert re.search(r"Benachrichtigungen\s*<span[^>]*>2<", header)
    page = client.get(reverse("notifications")).content.decode()
    assert "Neue Antwort im Thema „Erfahrungen mit der Kita Sonnenblume?“" in page
    (message,) = [m for m in mail.outbox if m.to == ["neue.mama@example.org"]]
    assert "Unsere Tochter ist dort, das Team ist sehr herzlich." in message.body
    assert "/konto/abbestellen/" in message.body
