"""Notices and their mails are written in each recipient's language and link to the pages in it."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils.translation import get_language, ngettext, override

from community.notifications.models import Notification
from community.notifications.services import notify
from tests.factories import ParentFactory, make_forum, make_reply, make_topic

pytestmark = pytest.mark.django_db


def mail_to(address: str):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message


def links_in(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


@pytest.fixture
def topic(home_page):
    return make_topic(make_forum("Familien aus aller Welt"), ParentFactory(), "Schwimmkurs")


def test_a_turkish_member_gets_the_notice_and_mail_in_turkish_a_german_member_in_german(
    topic, django_capture_on_commit_callbacks
):
    turkish = ParentFactory(email="mehmet@example.org", language="tr")
    german = ParentFactory(email="sandra@example.org")
    topic.subscribers.add(turkish, german)
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(topic, ParentFactory(display_name="Julia"), "Samstags um zehn im Hallenbad.")

    # Phrases of the compiled Turkish catalogue.
    turkish_title = "“Schwimmkurs” konusunda yeni yanıt"
    notice = Notification.objects.get(user=turkish)
    assert notice.title == turkish_title
    assert notice.url.startswith("/tr/forum/")
    message = mail_to("mehmet@example.org")
    assert message.extra_headers["Content-Language"] == "tr"
    assert message.subject == f"[Familienportal] {turkish_title}"
    assert message.body.startswith("Merhaba ") and "Tüm bildirimler ve e-posta ayarları:" in message.body
    assert any(link.endswith(f"{notice.url}") and "/tr/forum/" in link for link in links_in(message))
    assert "Samstags um zehn im Hallenbad." in message.body  # the post itself, as written

    german_notice = Notification.objects.get(user=german)
    assert german_notice.title == "Neue Antwort im Thema „Schwimmkurs“"
    assert german_notice.url.startswith("/de/forum/")
    german_mail = mail_to("sandra@example.org")
    assert german_mail.extra_headers["Content-Language"] == "de"
    assert german_mail.body.startswith("Hallo ")
    assert "Alle Benachrichtigungen und E-Mail-Einstellungen:" in german_mail.body
    assert "Julia schreibt:" in german_mail.body
    assert not any("/tr/" in link for link in links_in(german_mail))


def test_the_daily_digest_is_in_the_members_language(topic, django_capture_on_commit_callbacks):
    reader = ParentFactory(email="olena@example.org", language="uk", forum_mail="taeglich")
    topic.subscribers.add(reader)
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(topic, ParentFactory(), "Donnerstags auch.")
    call_command("send_forum_digests")
    digest = mail_to("olena@example.org")
    assert digest.extra_headers["Content-Language"] == "uk"
    with override("uk"):
        subject = ngettext(
            "[Familienportal] %(count)s Neuigkeit aus dem Forum",
            "[Familienportal] %(count)s Neuigkeiten aus dem Forum",
            1,
        ) % {"count": 1}
    assert digest.subject == subject and "Neuigkeit" not in subject  # the Ukrainian catalogue's
    assert digest.body.startswith("Вітаємо, ")
    assert any("/uk/forum/" in link for link in links_in(digest))


def test_texts_given_as_functions_are_made_once_per_language():
    calls = []

    def title():
        calls.append(get_language())
        return f"title in {get_language()}"

    members = [ParentFactory(language="tr"), ParentFactory(language="tr"), ParentFactory(), ParentFactory()]
    notices = notify(users=members, kind="test", title=title)
    assert calls == ["tr", "de"]
    assert [n.title for n in notices] == ["title in tr", "title in tr", "title in de", "title in de"]


def test_leichte_sprache_members_get_german_mails_with_links_to_leichte_sprache(
    topic, django_capture_on_commit_callbacks
):
    reader = ParentFactory(email="leicht@example.org", language="de-x-ls")
    topic.subscribers.add(reader)
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(topic, ParentFactory(), "Gern!")
    message = mail_to("leicht@example.org")
    assert message.subject == "[Familienportal] Neue Antwort im Thema „Schwimmkurs“"
    assert any("/de-x-ls/forum/" in link for link in links_in(message))
