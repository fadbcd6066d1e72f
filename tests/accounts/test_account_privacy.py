"""Display names, deleting an account without tearing holes into threads, the data download, and sign-up guards."""

import json

import pytest
from django.urls import reverse
from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.models import User
from community.forum.models import PostReport
from community.forum.services import post_report
from community.notifications.models import Notification
from tests.factories import PASSWORD, ParentFactory, UserFactory, make_forum, make_reply, make_topic, topic_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(home_page):
    return make_forum("Eltern helfen Eltern")


def test_posts_show_the_chosen_display_name_not_the_username(client, forum):
    member = ParentFactory(username="m.mustermann", display_name="Mia aus Saarn")
    topic = make_topic(forum, member, "Kinderwagen", "Sucht jemand einen?")
    html = client.get(topic_url(topic)).content.decode()
    assert "Mia aus Saarn" in html and "m.mustermann" not in html


def test_deleting_an_account_keeps_the_threads_readable(client, forum):
    leaving = ParentFactory(username="geht", display_name="Anna aus Styrum")
    staying = ParentFactory(display_name="Bea aus Broich")
    own_topic = make_topic(forum, leaving, "Elterngeld-Antrag", "Welche Unterlagen braucht man?")
    make_reply(own_topic, staying, "Die Geburtsurkunde und Gehaltsnachweise.")
    other_topic = make_topic(forum, staying, "Babysitter gesucht", "Wer kennt jemanden?")
    make_reply(other_topic, leaving, "Frag im Familienpunkt nach.")
    post_report(
        post=Post.objects.get(content="Die Geburtsurkunde und Gehaltsnachweise."), reporter=leaving, reason="falsch"
    )
    Notification.objects.create(user=leaving, kind="forum.post", title="Alt")

    client.force_login(leaving)
    page = client.get(reverse("account-delete")).content.decode()
    assert "gelöschtes Mitglied" in page
    response = client.post(reverse("account-delete"), {"password": PASSWORD, "confirm": "on"}, follow=True)
    assert "Ihr Konto ist gelöscht" in response.content.decode()
    assert not User.objects.filter(username="geht").exists()
    assert not response.context["user"].is_authenticated

    # Both conversations are whole; the posts stand without a name.
    assert Topic.objects.filter(pk=own_topic.pk).exists() and Topic.objects.filter(pk=other_topic.pk).exists()
    html = client.get(topic_url(own_topic)).content.decode()
    assert "Welche Unterlagen braucht man?" in html and "Die Geburtsurkunde und Gehaltsnachweise." in html
    assert "gelöschtes Mitglied" in html and "Anna aus Styrum" not in html
    assert "Frag im Familienpunkt nach." in client.get(topic_url(other_topic)).content.decode()
    assert not Post.objects.filter(username="gelöschtes Mitglied").exclude(poster=None).exists()
    assert PostReport.objects.get().reporter is None  # the report stays for the Moderation, without the reporter
    assert not Notification.objects.filter(title="Alt").exists()


def test_deleting_needs_the_password_and_the_tick(client, forum):
    member = ParentFactory(username="bleibt")
    client.force_login(member)
    response = client.post(reverse("account-delete"), {"password": "falsch", "confirm": "on"})
    assert "Das Passwort stimmt nicht." in response.content.decode()
    response = client.post(reverse("account-delete"), {"password": PASSWORD})
    assert response.status_code == 200
    assert User.objects.filter(username="bleibt").exists()


def test_an_administrator_cannot_delete_themselves(client, home_page):
    admin = UserFactory(username="chefin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(reverse("account-delete"), {"password": PASSWORD, "confirm": "on"}, follow=True)
    assert "kann sich nicht selbst löschen" in response.content.decode()
    assert User.objects.filter(pk=admin.pk).exists()


def test_data_download_contains_what_the_portal_keeps(client, forum):
    member = ParentFactory(username="daten", display_name="Dana", email="dana@example.org")
    topic = make_topic(forum, member, "Kita-Essen", "Wie viel zahlt ihr?")
    make_reply(topic, member, "Noch in Prüfung.", approved=False)
    client.force_login(member)
    client.post(reverse("forum-follow", args=[forum.slug, forum.pk]), {"folgen": "1"})
    response = client.get(reverse("account-data"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="familienportal-daten-daten.json"'
    data = json.loads(response.content)
    assert data["konto"]["anzeigename"] == "Dana"
    assert data["konto"]["email_adressen"] == [{"adresse": "dana@example.org", "bestaetigt": True, "primaer": True}]
    texts = {post["text"]: post["freigegeben"] for post in data["forum_beitraege"]}
    assert texts == {"Wie viel zahlt ihr?": True, "Noch in Prüfung.": False}
    assert data["gefolgte_themen"] == ["Kita-Essen"]
    assert data["gefolgte_foren"] == ["Eltern helfen Eltern"]
    assert client.get(reverse("profile")).content.decode().count(reverse("account-data")) == 1


def test_data_download_needs_a_login(client, home_page):
    response = client.get(reverse("account-data"))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def register(client, **extra):
    data = {
        "username": "neu",
        "email": "neu@example.org",
        "password1": "Ruhrufer-Spaziergang-2026",
        "password2": "Ruhrufer-Spaziergang-2026",
    }
    return client.post("/konto/signup/", {**data, **extra}, HTTP_ACCEPT_LANGUAGE="de")


def test_signup_honeypot_refuses_bots(client, home_page):
    page = client.get("/konto/signup/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'class="hp-field" aria-hidden="true"' in page and 'name="webseite"' in page
    response = register(client, webseite="http://spam.example")
    assert response.status_code == 200
    assert "nach einem Programm aus" in response.content.decode()
    assert not User.objects.filter(username="neu").exists()
    assert register(client).status_code == 302
    assert User.objects.filter(username="neu").exists()


def test_registrations_per_address_are_limited(client, home_page, settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "2/h/ip"}
    for number in range(2):
        assert register(client, username=f"neu{number}", email=f"neu{number}@example.org").status_code == 302
        client.logout()
    response = register(client, username="neu9", email="neu9@example.org")
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    assert not User.objects.filter(username="neu9").exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Redaktion Familienportal", "der Redaktion und der Moderation vorbehalten"),
        ("Die Moderation", "der Redaktion und der Moderation vorbehalten"),
        ("gelöschtes Mitglied", "der Redaktion und der Moderation vorbehalten"),
        ("Julia aus Saarn", "nutzt schon ein anderes Mitglied"),
        ("JULIA", "nutzt schon ein anderes Mitglied"),
    ],
)
def test_display_names_cannot_impersonate(client, home_page, name, message):
    ParentFactory(username="julia", display_name="Julia aus Saarn")
    member = ParentFactory(display_name="Mia")
    client.force_login(member)
    response = client.post(reverse("profile"), {"display_name": name, "first_name": "", "last_name": ""})
    assert message in response.content.decode()
    member.refresh_from_db()
    assert member.display_name == "Mia"


def test_a_free_display_name_is_saved_tidied(client, home_page):
    member = ParentFactory(display_name="Mia")
    client.force_login(member)
    client.post(reverse("profile"), {"display_name": "  Mia   aus  Broich ", "first_name": "", "last_name": ""})
    member.refresh_from_db()
    assert member.display_name == "Mia aus Broich"
