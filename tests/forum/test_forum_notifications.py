"""Following topics and forums; mails at once or as a daily digest, each exactly once; unsubscribing from the mail."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from machina.apps.forum_conversation.models import Post

from community.forum.services import forum_follow
from community.notifications.models import Notification
from tests.factories import ParentFactory, UserFactory, make_forum, make_reply, make_topic, reply_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(home_page):
    return make_forum("Freizeit in Mülheim")


def links_in(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


def test_writing_in_a_topic_follows_it_and_replies_are_mailed_once(client, forum, django_capture_on_commit_callbacks):
    asker = ParentFactory(username="fragende", email="fragende@example.org")
    topic = make_topic(forum, asker, "Wohin bei Regen?")
    assert asker in topic.subscribers.all()
    helper = ParentFactory(display_name="Julia aus Saarn")
    with django_capture_on_commit_callbacks(execute=True):
        reply = make_reply(topic, helper, "Die Stadtbibliothek hat eine Kinderecke.")
        reply.save()  # saving again (an edit, an approval) announces nothing new
    notices = Notification.objects.filter(user=asker, kind="forum.post")
    assert notices.count() == 1
    assert "Wohin bei Regen?" in notices.get().title and "Julia aus Saarn schreibt" in notices.get().body
    mails = [m for m in mail.outbox if m.to == ["fragende@example.org"]]
    assert len(mails) == 1
    assert "Die Stadtbibliothek hat eine Kinderecke." in mails[0].body
    assert any("/konto/abbestellen/" in link for link in links_in(mails[0]))
    # The helper does not hear about their own reply.
    assert not Notification.objects.filter(user=helper).exists()


def test_unsubscribe_link_from_the_mail_works_without_login(client, forum, django_capture_on_commit_callbacks):
    asker = ParentFactory()
    topic = make_topic(forum, asker, "Spielplätze")
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(topic, ParentFactory(), "Witthausbusch!")
    link = next(link for link in links_in(mail.outbox[-1]) if "/konto/abbestellen/" in link)
    path = link.split("127.0.0.1:8000", 1)[-1] if "127.0.0.1:8000" in link else "/" + link.split("/", 3)[3]
    page = client.get(path)
    assert page.status_code == 200 and "Ja, abbestellen" in page.content.decode()
    assert asker in topic.subscribers.all()  # a GET (a mail scanner) changes nothing
    done = client.post(path)
    assert "nicht mehr" in done.content.decode()
    assert asker not in topic.subscribers.all()
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(topic, ParentFactory(), "Auch schön: Broich.")
    assert Notification.objects.filter(user=asker).count() == 1


def test_a_forged_unsubscribe_link_is_refused(client, home_page):
    response = client.get("/konto/abbestellen/gefälscht:123/")
    assert response.status_code == 400
    assert "ungültig" in response.content.decode()


def test_daily_digest_collects_replies_into_one_mail_sent_once(client, forum, django_capture_on_commit_callbacks):
    reader = ParentFactory(email="digest@example.org")
    reader.forum_mail = reader.ForumMail.DAILY
    reader.save()
    topic_a = make_topic(forum, reader, "Schwimmkurs")
    topic_b = make_topic(forum, reader, "Kinderturnen")
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(topic_a, ParentFactory(), "Donnerstags im Hallenbad.")
        make_reply(topic_b, ParentFactory(), "Samstags um zehn.")
    assert not [m for m in mail.outbox if m.to == ["digest@example.org"]]  # nothing at once
    assert Notification.objects.filter(user=reader).count() == 2  # but both are on the site

    call_command("send_forum_digests")
    call_command("send_forum_digests")  # a second run (retry, second beat) sends nothing
    digests = [m for m in mail.outbox if m.to == ["digest@example.org"]]
    assert len(digests) == 1
    assert "2 Neuigkeiten" in digests[0].subject
    assert "Donnerstags im Hallenbad." in digests[0].body and "Samstags um zehn." in digests[0].body
    assert digests[0].body.count("/konto/abbestellen/") == 3  # one per topic and one for all forum mails


def test_members_can_turn_forum_mails_off(client, forum, django_capture_on_commit_callbacks):
    reader = ParentFactory(email="still@example.org")
    client.force_login(reader)
    page = client.get(reverse("notifications")).content.decode()
    assert "E-Mails zum Forum" in page and "einmal täglich als Zusammenfassung" in page
    client.post(reverse("notifications"), {"einstellung": "1", "forum_mail": "aus"})
    reader.refresh_from_db()
    assert reader.forum_mail == "aus"
    topic = make_topic(forum, reader, "Ruhe bitte")
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(topic, ParentFactory(), "Antwort ohne Mail.")
    call_command("send_forum_digests")
    assert Notification.objects.filter(user=reader).count() == 1  # still told on the site
    assert not [m for m in mail.outbox if m.to == ["still@example.org"]]


def test_a_bad_mail_setting_is_refused_in_german(client, home_page):
    client.force_login(ParentFactory())
    response = client.post(reverse("notifications"), {"einstellung": "1", "forum_mail": "stündlich"})
    assert "keine gültige Auswahl" in response.content.decode()


def test_following_a_forum_announces_new_topics(client, forum, django_capture_on_commit_callbacks):
    follower = ParentFactory()
    client.force_login(follower)
    client.post(reverse("forum-follow", args=[forum.slug, forum.pk]), {"folgen": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        make_topic(forum, ParentFactory(), "Ferienbetreuung im Sommer")
    notice = Notification.objects.get(user=follower)
    assert "Neues Thema" in notice.title and "Ferienbetreuung im Sommer" in notice.title
    client.post(reverse("forum-follow", args=[forum.slug, forum.pk]), {"folgen": "0"})
    with django_capture_on_commit_callbacks(execute=True):
        make_topic(forum, ParentFactory(), "Noch ein Thema")
    assert Notification.objects.filter(user=follower).count() == 1


def test_followers_who_cannot_read_a_members_only_forum_hear_nothing(home_page, django_capture_on_commit_callbacks):
    closed = make_forum("Stadtteil-Treffs", members_only=True)
    unconfirmed = UserFactory(verified=False)
    member = ParentFactory()
    for user in (unconfirmed, member):
        forum_follow(user=user, forum=closed, follow=True)
    with django_capture_on_commit_callbacks(execute=True):
        make_topic(closed, ParentFactory(), "Treffen am Donnerstag")
    assert Notification.objects.filter(user=member).count() == 1
    assert not Notification.objects.filter(user=unconfirmed).exists()


def test_a_waiting_reply_is_announced_when_approved_not_before(client, forum, django_capture_on_commit_callbacks):
    asker = ParentFactory()
    topic = make_topic(forum, asker, "Babyschwimmen")
    with django_capture_on_commit_callbacks(execute=True):
        waiting = make_reply(topic, ParentFactory(), "Wir kommen mit!", approved=False)
    assert not Notification.objects.filter(user=asker).exists()
    with django_capture_on_commit_callbacks(execute=True):
        waiting = Post.objects.get(pk=waiting.pk)  # as the moderation view loads it: content is machina's MarkupText
        waiting.approved = True
        waiting.save()
    notice = Notification.objects.get(user=asker, kind="forum.post")
    assert notice.body.endswith("schreibt:\nWir kommen mit!")


def test_reply_form_follows_the_topic_for_the_replier(client, forum):
    topic = make_topic(forum, ParentFactory(), "Flohmarkt")
    member = ParentFactory()
    client.force_login(member)
    client.post(reply_url(topic), {"subject": "Re: Flohmarkt", "content": "Ich hätte einen Stand."})
    assert member in topic.subscribers.all()
    html = client.get(reverse("forum_member:user_subscriptions")).content.decode()
    assert "Flohmarkt" in html


def test_an_announcement_delivered_twice_tells_followers_once(forum, django_capture_on_commit_callbacks):
    from community.forum.tasks import announce_post

    asker = ParentFactory()
    topic = make_topic(forum, asker, "Kinderturnen")
    with django_capture_on_commit_callbacks(execute=True):
        reply = make_reply(topic, ParentFactory(), "Samstags um zehn.")
    announce_post.apply(args=[reply.pk, False])  # a redelivered task
    assert Notification.objects.filter(user=asker, kind="forum.post").count() == 1
