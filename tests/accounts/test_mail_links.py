"""Mails greet with the portal's name and link to PORTAL_BASE_URL, never to the host and port the process was called
at (the test client's "testserver" stands for a gunicorn behind a proxy or 127.0.0.1 in a task)."""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from home.contact_points import services as volunteering
from tests.factories import ParentFactory, contact_point_index, district, make_contact_point, make_shift

pytestmark = pytest.mark.django_db
PUBLIC = "https://familien.example.org"
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.PORTAL_BASE_URL = PUBLIC


def links(message) -> list[str]:
    return re.findall(r"https?://\S+", message.body)


def assert_public(message) -> None:
    assert links(message), message.body
    assert all(link.startswith(PUBLIC + "/") for link in links(message)), links(message)
    assert "testserver" not in message.body and "127.0.0.1" not in message.body
    assert "Ihr Familienportal Mülheim an der Ruhr" in message.body


def test_the_confirmation_mail_greets_with_the_portal_and_links_to_its_public_address(client):
    client.post(
        "/konto/signup/",
        {
            "username": "neue_mama",
            "email": "neue.mama@example.org",
            "password1": "Ruhr-2026-lang",
            "password2": "Ruhr-2026-lang",
        },
        HTTP_ACCEPT_LANGUAGE="de",
    )
    (confirmation,) = mail.outbox
    assert confirmation.body.startswith("Guten Tag, hier ist eine Nachricht vom Familienportal Mülheim an der Ruhr.")
    assert f"{PUBLIC}/konto/confirm-email/" in confirmation.body
    assert_public(confirmation)
    # The link works on the portal (the path is the portal's own).
    path = re.search(re.escape(PUBLIC) + r"(/konto/confirm-email/\S+)", confirmation.body).group(1)
    assert client.get(path).status_code == 200


def test_password_reset_mails_link_to_the_public_address(client):
    ParentFactory(username="sandra", email="sandra@example.org")
    client.post("/konto/password/reset/", {"email": "sandra@example.org"}, HTTP_ACCEPT_LANGUAGE="de")
    client.post("/konto/password/reset/", {"email": "niemand@example.org"}, HTTP_ACCEPT_LANGUAGE="de")
    reset, unknown = mail.outbox
    assert f"{PUBLIC}/konto/password/reset/key/" in reset.body
    assert_public(reset)
    assert_public(unknown)  # "no account for this address": its sign-up and reset links too


def test_volunteer_mails_sign_with_the_portal_and_its_public_address(django_capture_on_commit_callbacks, home_page):
    point = make_contact_point(contact_point_index(home_page), district=district("styrum"))
    shift = make_shift(point, date=timezone.localdate() + datetime.timedelta(days=5))
    with django_capture_on_commit_callbacks(execute=True):
        volunteering.volunteer_signup(user=ParentFactory(), shift=shift, comment="")
    (confirmation,) = mail.outbox
    assert_public(confirmation)
    assert confirmation.body.rstrip().endswith(PUBLIC + "/")


def test_no_mail_template_builds_links_from_the_request_or_the_django_site():
    mail_templates = [
        path
        for path in TEMPLATES.rglob("*.txt")
        if "mail" in path.relative_to(TEMPLATES).as_posix() or path.parent.name == "email"
    ]
    assert len(mail_templates) >= 9
    for path in mail_templates:
        text = path.read_text(encoding="utf-8")
        for forbidden in ("current_site", "request.get_host", "build_absolute_uri", "site_domain"):
            assert forbidden not in text, f"{path}: {forbidden}"
