"""The member's language: set at sign-up, changed on the profile page, used for allauth's mails, in the data download."""

import json

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext, override

from community.accounts.languages import recipient_language, supported_language, users_by_language
from community.accounts.models import User
from tests.factories import ParentFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Ruhrufer-Spaziergang-2026"
LABEL = "Sprache für E-Mails und Benachrichtigungen"


def register(client, *, username="yeni_anne", email="yeni.anne@example.org", language: str):
    # The language switcher sets this cookie; /konto/ has no language prefix, so the cookie decides.
    client.cookies["django_language"] = language
    return client.post(
        "/konto/signup/",
        {"username": username, "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_signing_up_in_turkish_keeps_turkish_and_the_confirmation_mail_is_turkish(client):
    assert register(client, language="tr").status_code == 302
    assert User.objects.get(username="yeni_anne").language == "tr"
    (confirmation,) = mail.outbox
    assert confirmation.extra_headers["Content-Language"] == "tr"
    # allauth ships Turkish: the subject is the Turkish one, not the German.
    assert confirmation.subject == "[Familienportal] Lütfen E-posta Adresinizi Onaylayın"
    assert "/konto/confirm-email/" in confirmation.body


def test_signing_up_in_german_keeps_german(client):
    register(client, username="neue_mama", email="neue.mama@example.org", language="de")
    assert User.objects.get(username="neue_mama").language == "de"
    (confirmation,) = mail.outbox
    assert confirmation.extra_headers["Content-Language"] == "de"
    assert confirmation.subject == "[Familienportal] Bitte bestätigen Sie Ihre E-Mail-Adresse"


def test_signing_up_in_leichte_sprache_keeps_it_and_mails_in_german(client):
    register(client, username="leicht", email="leicht@example.org", language="de-x-ls")
    assert User.objects.get(username="leicht").language == "de-x-ls"
    assert mail.outbox[0].subject == "[Familienportal] Bitte bestätigen Sie Ihre E-Mail-Adresse"


def test_password_reset_mail_is_in_the_members_language_whatever_the_request(client):
    ParentFactory(username="olena", email="olena@example.org", language="uk")
    client.post("/konto/password/reset/", {"email": "olena@example.org"}, HTTP_ACCEPT_LANGUAGE="de")
    (reset,) = mail.outbox
    assert reset.extra_headers["Content-Language"] == "uk"
    with override("uk"):
        ukrainian = gettext("Password Reset Email")
    with override("de"):
        german = gettext("Password Reset Email")
    assert ukrainian != german  # allauth has a Ukrainian catalogue
    assert reset.subject == f"[Familienportal] {ukrainian}"


def test_the_profile_page_changes_the_language_and_a_form_without_it_keeps_it(client):
    member = ParentFactory(display_name="Mia")
    client.force_login(member)
    page = client.get(reverse("profile")).content.decode()
    assert LABEL in page and 'value="tr"' in page and "Türkçe" in page
    response = client.post(
        reverse("profile"), {"display_name": "Mia", "first_name": "", "last_name": "", "language": "tr"}, follow=True
    )
    assert "Ihr Profil wurde gespeichert." in response.content.decode()
    member.refresh_from_db()
    assert member.language == "tr"
    client.post(reverse("profile"), {"display_name": "Mia", "first_name": "", "last_name": ""})
    member.refresh_from_db()
    assert member.language == "tr"


def test_an_unknown_language_is_refused(client):
    member = ParentFactory(display_name="Mia")
    client.force_login(member)
    response = client.post(
        reverse("profile"), {"display_name": "Mia", "first_name": "", "last_name": "", "language": "xx"}
    )
    assert "keine gültige Auswahl" in response.content.decode()
    member.refresh_from_db()
    assert member.language == "de"


def test_the_data_download_contains_the_language(client):
    member = ParentFactory(language="ar")
    client.force_login(member)
    data = json.loads(client.get(reverse("account-data")).content)
    assert data["konto"]["sprache_fuer_emails"] == "ar"


def test_recipient_language_falls_back_to_german_and_groups_recipients():
    assert supported_language("en-GB") == "en"
    assert supported_language("pt") == "de"
    assert recipient_language(None) == "de"
    turkish, german, english = ParentFactory(language="tr"), ParentFactory(), ParentFactory(language="en")
    assert users_by_language([turkish, german, english, ParentFactory(language="tr")]).keys() == {"tr", "de", "en"}
    assert users_by_language([turkish])["tr"] == [turkish]
