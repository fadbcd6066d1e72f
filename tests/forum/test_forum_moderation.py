"""The approval queue, reports and hiding, and the spam guards."""

import pytest
from django.core import mail
from django.urls import reverse
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.roles import MODERATION
from community.forum.models import PostReport
from community.forum.services import post_report
from community.notifications.models import Notification
from tests.factories import (
    ParentFactory,
    UserFactory,
    establish,
    make_forum,
    make_reply,
    make_topic,
    reply_url,
    topic_create_url,
    topic_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(home_page):
    return make_forum("Baby & Kleinkind")


@pytest.fixture
def moderator(db):
    return UserFactory(username="moderatorin", roles=[MODERATION])


def test_new_members_first_posts_wait_until_enough_were_approved(
    client, forum, moderator, settings, django_capture_on_commit_callbacks
):
    settings.FORUM_APPROVED_POSTS_TO_SKIP_QUEUE = 2
    newcomer = ParentFactory(username="neu")
    client.force_login(newcomer)
    client.post(
        topic_create_url(forum),
        {"subject": "Tragetuch oder Trage?", "content": "Was nutzt ihr lieber?", "topic_type": 0},
    )
    topic = Topic.objects.get(subject="Tragetuch oder Trage?")
    assert topic.approved is False
    # The waiting topic is invisible to others and listed in the queue.
    assert (
        "Tragetuch oder Trage?" not in client.get(reverse("forum:forum", args=[forum.slug, forum.pk])).content.decode()
    )
    client.force_login(moderator)
    queue = client.get(reverse("forum-moderation")).content.decode()
    assert "Was nutzt ihr lieber?" in queue and "Warten auf Freigabe (1)" in queue

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forum_moderation:approve_queued_post", args=[topic.first_post.pk]))
    assert Topic.objects.get(pk=topic.pk).approved is True
    notice = Notification.objects.get(user=newcomer, kind="forum.approved")
    assert "Tragetuch oder Trage?" in notice.title
    assert any("freigegeben" in m.subject and m.to == [newcomer.email] for m in mail.outbox)

    # One more approved post and the newcomer posts without waiting.
    client.force_login(newcomer)
    client.post(reply_url(topic), {"subject": "Re: Tragetuch oder Trage?", "content": "Nachtrag: Kind ist 3 Monate."})
    assert Post.objects.get(content="Nachtrag: Kind ist 3 Monate.").approved is False
    Post.objects.filter(content="Nachtrag: Kind ist 3 Monate.").update(approved=True)
    client.post(reply_url(topic), {"subject": "Re: Tragetuch oder Trage?", "content": "Danke euch allen!"})
    assert Post.objects.get(content="Danke euch allen!").approved is True


def test_rejecting_a_waiting_post_deletes_it_and_tells_the_author(
    client, forum, moderator, django_capture_on_commit_callbacks
):
    newcomer = ParentFactory(username="neu")
    topic = make_topic(forum, ParentFactory(), "Schlafen")
    waiting = make_reply(topic, newcomer, "Kauft unbedingt dieses Produkt!", approved=False)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("forum_moderation:disapprove_queued_post", args=[waiting.pk]), {"reason": "Bitte keine Werbung."}
        )
    assert response.status_code == 302 and response["Location"] == reverse("forum-moderation")
    assert not Post.objects.filter(pk=waiting.pk).exists()
    assert "Bitte keine Werbung." in Notification.objects.get(user=newcomer, kind="forum.rejected").body


def test_reports_hide_a_post_above_the_threshold_until_a_moderator_decides(client, forum, moderator, settings):
    settings.FORUM_REPORTS_TO_HIDE = 3
    author = ParentFactory(username="shop")
    topic = make_topic(forum, ParentFactory(), "Kinderwagen gesucht")
    advert = make_reply(topic, author, "Neue Kinderwagen 50 % günstiger!")
    reporters = [ParentFactory() for _ in range(3)]

    post_report(post=advert, reporter=reporters[0], reason="spam", note="Werbung")
    post_report(post=advert, reporter=reporters[1], reason="spam")
    assert Post.objects.get(pk=advert.pk).approved is True  # two reports: still online
    assert Notification.objects.filter(user=moderator, kind="forum.report").count() == 1  # told once, on the first
    post_report(post=advert, reporter=reporters[2], reason="beleidigend")
    assert Post.objects.get(pk=advert.pk).approved is False
    assert "50 % günstiger" not in client.get(topic_url(topic)).content.decode()

    client.force_login(moderator)
    queue = client.get(reverse("forum-moderation")).content.decode()
    assert "Gemeldet (1)" in queue and "verborgen, bis Sie entscheiden" in queue
    assert queue.count("Werbung oder Spam") == 2 and "Werbung" in queue
    assert "Warten auf Freigabe (0)" in queue  # hidden posts are listed once, with their reports

    # "entfernen" asks first (with the reason); then the post is gone from the topic, the reports settled.
    response = client.post(reverse("forum-reports-decide", args=[advert.pk]), {"entscheidung": "entfernen"})
    assert response["Location"] == reverse("forum-post-remove", args=[advert.pk])
    client.post(reverse("forum-post-remove", args=[advert.pk]), {"reason": "Werbung ist hier nicht erlaubt."})
    assert Post.objects.get(pk=advert.pk).approved is False
    assert set(PostReport.objects.values_list("outcome", flat=True)) == {PostReport.Outcome.REMOVED}
    assert Notification.objects.filter(user=author, kind="forum.removed").exists()
    assert Topic.objects.get(pk=topic.pk).approved  # a removed reply leaves the conversation


def test_keeping_a_reported_post_puts_it_back_online(client, forum, moderator, settings):
    settings.FORUM_REPORTS_TO_HIDE = 1
    topic = make_topic(forum, ParentFactory(), "Mittagsschlaf")
    reply = make_reply(topic, ParentFactory(), "Bei uns klappt es mit einem Ritual.")
    post_report(post=reply, reporter=ParentFactory(), reason="falsch")
    assert Post.objects.get(pk=reply.pk).approved is False
    client.force_login(moderator)
    client.post(reverse("forum-reports-decide", args=[reply.pk]), {"entscheidung": "behalten"})
    assert Post.objects.get(pk=reply.pk).approved is True
    assert PostReport.objects.get().outcome == PostReport.Outcome.KEPT
    assert "mit einem Ritual" in client.get(topic_url(topic)).content.decode()


def test_approving_a_hidden_post_in_machinas_queue_settles_its_reports(client, forum, moderator, settings):
    settings.FORUM_REPORTS_TO_HIDE = 1
    reply = make_reply(make_topic(forum, ParentFactory()), ParentFactory(), "Harmlos.")
    post_report(post=reply, reporter=ParentFactory(), reason="anderes")
    client.force_login(moderator)
    client.post(reverse("forum_moderation:approve_queued_post", args=[reply.pk]))
    assert PostReport.objects.get().outcome == PostReport.Outcome.KEPT
    assert "Gemeldet (0)" in client.get(reverse("forum-moderation")).content.decode()


def test_reporting_the_first_post_hides_the_whole_topic(client, forum, settings):
    settings.FORUM_REPORTS_TO_HIDE = 1
    topic = make_topic(forum, ParentFactory(), "Billige Windeln hier", "Werbung!")
    post_report(post=topic.first_post, reporter=ParentFactory(), reason="spam")
    assert Topic.objects.get(pk=topic.pk).approved is False
    assert "Billige Windeln" not in client.get(reverse("forum:forum", args=[forum.slug, forum.pk])).content.decode()


def test_report_form_rules(client, forum):
    author = ParentFactory()
    reply = make_reply(make_topic(forum, ParentFactory()), author, "Ein Beitrag.")
    reporter = ParentFactory()
    client.force_login(reporter)
    page = client.get(reverse("forum-report", args=[reply.pk])).content.decode()
    assert "Warum melden Sie diesen Beitrag?" in page and "Beleidigend oder verletzend" in page
    # Without a reason nothing is stored and the form says why.
    response = client.post(reverse("forum-report", args=[reply.pk]), {"reason": ""})
    assert response.status_code == 200 and "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    client.post(reverse("forum-report", args=[reply.pk]), {"reason": "privat"})
    response = client.post(reverse("forum-report", args=[reply.pk]), {"reason": "privat"}, follow=True)
    assert "schon gemeldet" in response.content.decode()
    assert PostReport.objects.count() == 1
    # Nobody reports their own post.
    client.force_login(author)
    response = client.post(reverse("forum-report", args=[reply.pk]), {"reason": "spam"}, follow=True)
    assert "nicht melden" in response.content.decode()
    assert PostReport.objects.count() == 1


def test_posting_rate_limit_keeps_the_text_and_says_why(client, forum, settings):
    settings.FORUM_POST_RATE_LIMITS = [(10, 2)]
    member = ParentFactory()
    establish(member, make_forum("Vorstellung"))  # these two posts count against the limit already
    client.force_login(member)
    topic = make_topic(forum, ParentFactory())
    response = client.post(
        reply_url(topic), {"subject": "Re: x", "content": "Noch ein Beitrag, bitte nicht verlieren."}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte warten Sie ein wenig." in html
    assert "Noch ein Beitrag, bitte nicht verlieren." in html  # the text is still in the form
    assert not Post.objects.filter(content__startswith="Noch ein Beitrag").exists()


def test_moderators_are_not_rate_limited(client, forum, moderator, settings):
    settings.FORUM_POST_RATE_LIMITS = [(10, 1)]
    topic = make_topic(forum, moderator)
    client.force_login(moderator)
    client.post(reply_url(topic), {"subject": "Re: x", "content": "Hinweis der Moderation."})
    assert Post.objects.filter(content="Hinweis der Moderation.").exists()


def test_honeypot_stops_bots_posting(client, forum):
    client.force_login(ParentFactory())
    response = client.post(
        topic_create_url(forum),
        {"subject": "Gewinnspiel", "content": "Klick hier", "topic_type": 0, "webseite": "https://spam.example"},
    )
    assert response.status_code == 200
    assert "nach einem Programm aus" in response.content.decode()
    assert not Topic.objects.filter(subject="Gewinnspiel").exists()


def test_honeypot_field_is_out_of_sight_in_the_forms(client, forum):
    client.force_login(ParentFactory())
    html = client.get(topic_create_url(forum)).content.decode()
    assert 'class="hp-field" aria-hidden="true"' in html and 'name="webseite"' in html and 'tabindex="-1"' in html


def test_posts_never_embed_outside_content(client, forum):
    member = ParentFactory()
    topic = make_topic(
        forum,
        member,
        "Links",
        "![Bild](https://tracker.example/pixel.gif) <iframe src='https://video.example'></iframe> [Seite](https://example.org)",
    )
    html = client.get(topic_url(topic)).content.decode()
    # No image, frame or preview fetches anything from an outside host; the text link stays a plain link.
    assert "<img" not in html and "<iframe" not in html
    assert "tracker.example" not in html
    assert 'rel="nofollow ugc noopener"' in html


def test_moderation_adds_a_members_only_forum_in_the_admin_and_sees_the_queue_in_the_inbox(
    client, home_page, moderator
):
    newcomer = ParentFactory()
    make_reply(make_topic(make_forum("Baby & Kleinkind"), ParentFactory()), newcomer, "Wartet.", approved=False)
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 Eintrag wartet auf Ihre Entscheidung" in dashboard and reverse("review_inbox") in dashboard
    response = client.post(
        reverse("foren:add"), {"name": "Alleinerziehende", "description": "Unter uns.", "members_only": "on"}
    )
    assert response.status_code == 302
    forum = Forum.objects.get(name="Alleinerziehende")
    assert forum.type == Forum.FORUM_POST
    assert "Alleinerziehende" in client.get(reverse("forum:index")).content.decode()
    client.logout()
    assert "Alleinerziehende" not in client.get(reverse("forum:index")).content.decode()
    # Opened up again in the admin, everybody reads it.
    client.force_login(moderator)
    client.post(reverse("foren:edit", args=[forum.pk]), {"name": "Alleinerziehende", "description": "Für alle."})
    client.logout()
    assert "Alleinerziehende" in client.get(reverse("forum:index")).content.decode()


def test_parents_have_no_forum_admin(client, home_page):
    client.force_login(ParentFactory())
    assert client.get(reverse("foren:add")).status_code in (302, 403)


def test_a_decision_without_a_choice_changes_nothing(client, forum, moderator, settings):
    settings.FORUM_REPORTS_TO_HIDE = 1
    reply = make_reply(make_topic(forum, ParentFactory()), ParentFactory(), "Umstritten.")
    post_report(post=reply, reporter=ParentFactory(), reason="anderes")
    client.force_login(moderator)
    response = client.post(
        reverse("forum-reports-decide", args=[reply.pk]), {"entscheidung": "vielleicht"}, follow=True
    )
    assert "Es wurde nichts geändert." in response.content.decode()
    assert Post.objects.filter(pk=reply.pk).exists()
    assert PostReport.objects.get().outcome == PostReport.Outcome.OPEN
