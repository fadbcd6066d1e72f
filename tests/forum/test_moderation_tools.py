"""Moderators' tools: declining and removing with a reason, removal confirmed and undoable, a member's history,
silencing and suspending for a period, and the move-topic form."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.roles import MODERATION
from community.forum.models import MemberSanction, ModerationDecision, PostModeration
from community.forum.services import REMOVAL_UNDO_PERIOD, member_sanction, removed_posts_purge
from community.notifications.models import Notification
from tests.factories import (
    PASSWORD,
    ParentFactory,
    UserFactory,
    make_forum,
    make_reply,
    make_topic,
    reply_url,
    topic_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(home_page):
    return make_forum("Baby & Kleinkind")


@pytest.fixture
def moderator(db):
    return UserFactory(username="moderatorin", roles=[MODERATION])


def test_declining_a_waiting_post_needs_a_reason_which_the_author_receives(client, forum, moderator):
    author = ParentFactory(username="neu")
    waiting = make_reply(make_topic(forum, ParentFactory()), author, "Kauft dieses Produkt!", approved=False)
    client.force_login(moderator)
    url = reverse("forum_moderation:disapprove_queued_post", args=[waiting.pk])
    form = client.get(url).content.decode()
    assert "Begründung" in form and "Kauft dieses Produkt!" in form
    refused = client.post(url, {"reason": "   "})
    assert refused.status_code == 400 and "Bitte geben Sie eine Begründung an." in refused.content.decode()
    assert Post.objects.filter(pk=waiting.pk).exists()
    assert not Notification.objects.filter(user=author).exists()
    client.post(url, {"reason": "Werbung ist im Forum nicht erlaubt."})
    assert not Post.objects.filter(pk=waiting.pk).exists()
    notice = Notification.objects.get(user=author, kind="forum.rejected")
    assert "Werbung ist im Forum nicht erlaubt." in notice.body
    decision = ModerationDecision.objects.get(member=author)
    assert (decision.action, decision.reason) == ("abgelehnt", "Werbung ist im Forum nicht erlaubt.")


def test_removing_asks_for_confirmation_and_a_reason_and_can_be_undone(client, forum, moderator):
    author = ParentFactory()
    topic = make_topic(forum, ParentFactory(), "Schlafen")
    reply = make_reply(topic, author, "Ein grober Ton.")
    client.force_login(moderator)
    url = reverse("forum-post-remove", args=[reply.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Ja, entfernen" in confirm.content.decode()
    assert Post.objects.get(pk=reply.pk).approved  # asking removes nothing
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400 and "Bitte geben Sie eine Begründung an." in refused.content.decode()
    assert Post.objects.get(pk=reply.pk).approved

    client.post(url, {"reason": "Bitte freundlich bleiben."})
    assert "Ein grober Ton." not in client.get(topic_url(topic)).content.decode()
    assert "Bitte freundlich bleiben." in Notification.objects.get(user=author, kind="forum.removed").body
    queue = client.get(reverse("forum-moderation")).content.decode()
    assert "Entfernen rückgängig machen" in queue and "Warten auf Freigabe (0)" in queue

    client.post(reverse("forum-post-restore", args=[reply.pk]))
    assert Post.objects.get(pk=reply.pk).approved
    assert "Ein grober Ton." in client.get(topic_url(topic)).content.decode()
    assert PostModeration.objects.get(post=reply).removed_at is None


def test_removal_cannot_be_undone_after_the_period_and_is_purged(client, forum, moderator):
    topic = make_topic(forum, ParentFactory(), "Alt")
    opening = topic.first_post
    client.force_login(moderator)
    client.post(reverse("forum-post-remove", args=[opening.pk]), {"reason": "Doppelt gestellt."})
    assert not Topic.objects.get(pk=topic.pk).approved  # the opening post takes its topic offline
    PostModeration.objects.filter(post=opening).update(
        removed_at=timezone.now() - REMOVAL_UNDO_PERIOD - datetime.timedelta(minutes=1)
    )
    response = client.post(reverse("forum-post-restore", args=[opening.pk]), follow=True)
    assert "nicht mehr rückgängig" in response.content.decode()
    assert not Post.objects.get(pk=opening.pk).approved
    assert removed_posts_purge() == 1
    assert not Topic.objects.filter(pk=topic.pk).exists()


def test_a_members_history_shows_posts_reports_and_decisions(client, forum, moderator):
    member = ParentFactory(display_name="Paula Beispiel")
    topic = make_topic(forum, member, "Kita-Platz gesucht")
    client.force_login(moderator)
    client.post(reverse("forum-post-remove", args=[topic.first_post.pk]), {"reason": "Bitte im Kita-Forum."})
    page = client.get(reverse("forum-member", args=[member.pk])).content.decode()
    assert "Paula Beispiel" in page and "Kita-Platz gesucht" in page
    assert "Beitrag entfernt" in page and "Bitte im Kita-Forum." in page
    client.force_login(ParentFactory())
    assert client.get(reverse("forum-member", args=[member.pk])).status_code == 403


def test_silencing_needs_a_reason_and_a_period_and_ends_by_itself(client, forum, moderator):
    member = ParentFactory()
    topic = make_topic(forum, ParentFactory(), "Tragetuch")
    client.force_login(moderator)
    url = reverse("forum-member", args=[member.pk])
    refused = client.post(url, {"kind": "stumm", "days": "3", "reason": ""})
    assert refused.status_code == 400 and "Bitte geben Sie eine Begründung an." in refused.content.decode()
    refused = client.post(url, {"kind": "stumm", "days": "0", "reason": "Ton"})
    assert refused.status_code == 400 and "Bitte geben Sie 1 bis 365 Tage an." in refused.content.decode()
    assert not MemberSanction.objects.exists()
    client.post(url, {"kind": "stumm", "days": "3", "reason": "Wiederholt beleidigend."})
    sanction = MemberSanction.objects.get(member=member)
    assert sanction.ends_at - sanction.starts_at == datetime.timedelta(days=3)
    notice = Notification.objects.get(user=member, kind="forum.sanction")
    assert "Wiederholt beleidigend." in notice.body

    client.force_login(member)
    client.post(reply_url(topic), {"subject": "Re: Tragetuch", "content": "Trotzdem schreiben."})
    assert not Post.objects.filter(content="Trotzdem schreiben.").exists()
    reading = client.get(topic_url(topic)).content.decode()  # reading is still allowed, and says why not writing
    assert "stummgeschaltet" in reading and "Wiederholt beleidigend." in reading

    # Three days later it has ended without anyone lifting it.
    MemberSanction.objects.filter(pk=sanction.pk).update(
        starts_at=sanction.starts_at - datetime.timedelta(days=4), ends_at=sanction.ends_at - datetime.timedelta(days=4)
    )
    from community.forum.permissions import sanctions_forget

    sanctions_forget(member.pk)  # the cached copy expires within minutes; here at once
    client.post(reply_url(topic), {"subject": "Re: Tragetuch", "content": "Wieder dabei."})
    assert Post.objects.filter(content="Wieder dabei.").exists()


def test_a_suspended_member_cannot_stay_logged_in_and_reads_why(client, forum, moderator):
    member = ParentFactory()
    member_sanction(member=member, moderator=moderator, kind="gesperrt", days=7, reason="Spam in mehreren Foren.")
    assert client.login(username=member.username, password=PASSWORD)
    response = client.get(reverse("forum:index"), follow=True)
    assert not response.context["user"].is_authenticated
    assert "Spam in mehreren Foren." in response.content.decode() and "gesperrt" in response.content.decode()
    # Lifted early by a moderator, the member logs in again.
    client.force_login(moderator)
    client.post(reverse("forum-sanction-lift", args=[MemberSanction.objects.get().pk]))
    client.logout()
    client.login(username=member.username, password=PASSWORD)
    assert client.get(reverse("forum:index")).context["user"] == member


def test_the_move_topic_form_offers_forums_not_their_parts(client, forum, moderator):
    category = Forum.objects.create(name="Rund ums Kind", type=Forum.FORUM_CAT)
    target = Forum.objects.create(name="Schlafen", type=Forum.FORUM_POST, parent=category)
    topic = make_topic(forum, ParentFactory(), "Umzug")
    client.force_login(moderator)
    url = reverse("forum_moderation:topic_move", kwargs={"slug": topic.slug, "pk": topic.pk})
    html = client.get(url).content.decode()
    assert "<optgroup" not in html and ">label<" not in html and ">disabled<" not in html and ">True<" not in html
    assert f'<option value="{forum.pk}" disabled>' in html  # where the topic is now: shown, not choosable
    assert f'<option value="{target.pk}">' in html and "Schlafen</option>" in html
    assert f'<option value="{category.pk}"' not in html  # a category holds no topics
    refused = client.post(url, {"forum": forum.pk})
    assert "In dieses Forum kann das Thema nicht verschoben werden." in refused.content.decode()
    client.post(url, {"forum": target.pk})
    assert Topic.objects.get(pk=topic.pk).forum == target
