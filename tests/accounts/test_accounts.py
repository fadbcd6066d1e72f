import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail

from community.accounts.models import User
from community.accounts.roles import ELTERN
from tests.factories import PASSWORD, ParentFactory, UserFactory

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Ruhrufer-Spaziergang-2026"


def link_in(message) -> str:
    # Mails link to the public address (PORTAL_BASE_URL), not to the host the test client called.
    return re.search(re.escape(settings.PORTAL_BASE_URL.rstrip("/")) + r"(/\S+)", message.body).group(1)


def register(client, username="neue_mama", email="neue.mama@example.org"):
    return client.post(
        "/konto/signup/",
        {"username": username, "email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        HTTP_ACCEPT_LANGUAGE="de",
    )


class RegistrationTests:
    def test_registration_sends_a_confirmation_mail_and_grants_no_role_yet(self, client):
        response = register(client)
        assert response.status_code == 302
        user = User.objects.get(username="neue_mama")
        assert not user.groups.filter(name=ELTERN).exists()
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["neue.mama@example.org"]
        assert "/konto/confirm-email/" in mail.outbox[0].body

    def test_confirming_the_address_makes_the_account_a_parent(self, client):
        register(client)
        confirm_url = link_in(mail.outbox[0])
        page = client.get(confirm_url)
        assert "bestätigen" in page.content.decode().lower()
        response = client.post(confirm_url)
        assert response.status_code == 302
        user = User.objects.get(username="neue_mama")
        assert EmailAddress.objects.get(user=user).verified
        assert user.groups.filter(name=ELTERN).exists()

    def test_unconfirmed_account_cannot_log_in_yet(self, client):
        register(client)
        client.logout()
        response = client.post("/konto/login/", {"login": "neue_mama", "password": NEW_PASSWORD}, follow=True)
        assert not response.context["user"].is_authenticated
        assert response.redirect_chain[-1][0] == "/konto/confirm-email/"
        assert "Bestätigungs-E-Mail wurde an neue.mama@example.org verschickt" in response.content.decode()

    def test_a_taken_username_gets_a_german_message_and_no_second_account(self, client):
        UserFactory(username="neue_mama")
        response = register(client, email="andere@example.org")
        assert response.status_code == 200
        assert "Benutzername" in response.content.decode()
        assert User.objects.filter(username="neue_mama").count() == 1

    def test_mismatching_passwords_are_refused_in_german(self, client):
        response = client.post(
            "/konto/signup/",
            {"username": "x_user", "email": "x@example.org", "password1": NEW_PASSWORD, "password2": "anders"},
        )
        assert response.status_code == 200
        assert "Passwort" in response.content.decode()
        assert not User.objects.filter(username="x_user").exists()


class LoginTests:
    def test_login_with_username_leads_to_the_profile(self, client):
        ParentFactory(username="sandra")
        response = client.post("/konto/login/", {"login": "sandra", "password": PASSWORD})
        assert response.status_code == 302
        assert response.url == "/konto/profil/"

    def test_login_with_email_works_too(self, client):
        ParentFactory(username="sandra", email="sandra@example.org")
        response = client.post("/konto/login/", {"login": "sandra@example.org", "password": PASSWORD})
        assert response.status_code == 302

    def test_wrong_password_is_refused_with_a_german_message(self, client):
        ParentFactory(username="sandra")
        response = client.post("/konto/login/", {"login": "sandra", "password": "falsch"})
        assert response.status_code == 200
        assert "Der Anmeldename und/oder das Passwort sind leider falsch." in response.content.decode()
        assert not response.context["user"].is_authenticated

    def test_logout_ends_the_session(self, client):
        client.force_login(ParentFactory())
        client.post("/konto/logout/")
        assert client.get("/konto/profil/").status_code == 302


class PasswordResetTests:
    def test_reset_by_mail_sets_a_new_password(self, client):
        ParentFactory(username="sandra", email="sandra@example.org")
        client.post("/konto/password/reset/", {"email": "sandra@example.org"})
        assert len(mail.outbox) == 1
        reset_url = link_in(mail.outbox[0])
        opened = client.get(reset_url)  # allauth moves the key from the URL into the session
        form_url = opened.url if opened.status_code == 302 else reset_url
        response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
        assert response.status_code == 302
        client.logout()
        assert client.post("/konto/login/", {"login": "sandra", "password": NEW_PASSWORD}).status_code == 302

    def test_unknown_address_gets_a_notice_without_a_reset_link(self, client):
        response = client.post("/konto/password/reset/", {"email": "niemand@example.org"})
        assert response.status_code == 302  # same answer as for a known address: nothing to enumerate
        assert [m.subject for m in mail.outbox] == ["[Familienportal] Unbekanntes Konto"]
        assert "/konto/password/reset/key/" not in mail.outbox[0].body


class ProfileTests:
    def test_profile_needs_a_login(self, client):
        response = client.get("/konto/profil/")
        assert response.status_code == 302
        assert response.url.startswith("/konto/login/")

    def test_profile_shows_roles_and_saves_the_display_name(self, client):
        parent = ParentFactory(username="sandra")
        client.force_login(parent)
        page = client.get("/konto/profil/").content.decode()
        assert "Eltern" in page
        assert "bestätigt" in page
        response = client.post(
            "/konto/profil/", {"display_name": "Sandra aus Styrum", "first_name": "", "last_name": ""}, follow=True
        )
        assert "Ihr Profil wurde gespeichert." in response.content.decode()
        parent.refresh_from_db()
        assert parent.get_display_name() == "Sandra aus Styrum"

    def test_too_long_display_name_is_refused_and_nothing_changes(self, client):
        parent = ParentFactory(username="sandra", display_name="Sandra")
        client.force_login(parent)
        response = client.post("/konto/profil/", {"display_name": "x" * 61})
        assert response.status_code == 200
        assert "höchstens 60 Zeichen" in response.content.decode()
        parent.refresh_from_db()
        assert parent.display_name == "Sandra"

    def test_staff_see_the_way_to_the_admin_parents_do_not(self, client):
        from community.accounts.roles import REDAKTION

        client.force_login(ParentFactory())
        assert "/admin/" not in client.get("/konto/profil/").content.decode()
        client.force_login(UserFactory(roles=[REDAKTION]))
        assert "/admin/" in client.get("/konto/profil/").content.decode()


def test_account_pages_and_mails_address_parents_formally(client):
    assert "Sie haben noch kein Konto? Dann" in client.get("/konto/login/").content.decode()
    register(client)
    assert mail.outbox[0].subject == "[Familienportal] Bitte bestätigen Sie Ihre E-Mail-Adresse"
    page = client.get("/konto/confirm-email/").content.decode()
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in page
