"""Sign-up asks for the display name right away; the login form's labels read as plain German."""

import re

import pytest

from community.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Ruhrufer-Spaziergang-2026"


def sign_up(client, **changes):
    data = {"username": "neue_mama", "email": "neue.mama@example.org", "password1": PASSWORD, "password2": PASSWORD}
    return client.post("/konto/signup/", {**data, **changes}, HTTP_ACCEPT_LANGUAGE="de")


def test_the_display_name_can_be_chosen_at_sign_up(client):
    form = client.get("/konto/signup/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Anzeigename (freiwillig)" in form and 'name="display_name"' in form
    assert form.index('name="username"') < form.index('name="display_name"') < form.index('name="password1"')

    assert sign_up(client, display_name="  Mama   von Ella ").status_code == 302
    assert User.objects.get(username="neue_mama").display_name == "Mama von Ella"


def test_sign_up_without_a_display_name_shows_the_username(client):
    assert sign_up(client).status_code == 302
    user = User.objects.get(username="neue_mama")
    assert user.display_name == "" and user.get_display_name() == "neue_mama"


def test_a_taken_or_staff_like_display_name_is_refused_in_german(client):
    UserFactory(username="papa", display_name="Papa Ruhr")
    taken = sign_up(client, display_name="papa ruhr").content.decode()
    assert "Diesen Anzeigenamen nutzt schon ein anderes Mitglied" in taken
    staff = sign_up(client, display_name="Redaktion Mülheim").content.decode()
    assert "der Redaktion und der Moderation vorbehalten" in staff
    assert not User.objects.filter(username="neue_mama").exists()


def test_the_login_labels_read_as_sentences(client):
    html = client.get("/konto/login/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    for label in ("E-Mail-Adresse oder Benutzername", "Passwort", "Angemeldet bleiben"):
        assert re.search(rf"<label[^>]*>\s*{re.escape(label)}", html), label
