"""Volunteer mails are written in the parent's language and link to the Familienpunkt's page in it."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from home.contact_points import services
from tests.factories import ParentFactory, contact_point_index, district, make_contact_point, make_shift
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def point(home_page):
    return make_contact_point(contact_point_index(home_page), district=district("styrum"))


def sign_up(parent, point, django_capture_on_commit_callbacks):
    date = timezone.localdate() + datetime.timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        services.volunteer_signup(user=parent, shift=make_shift(point, date=date))
    return date


def test_a_turkish_parent_gets_the_confirmation_in_turkish_with_the_turkish_page(
    point, django_capture_on_commit_callbacks
):
    turkish_page = translate(point, "tr")
    date = sign_up(ParentFactory(language="tr"), point, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    # The weekday comes from Django's Turkish catalogue.
    turkish_weekday = ["Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"][date.weekday()]
    assert turkish_weekday in message.body
    assert message.extra_headers["Content-Language"] == "tr"
    assert f"http://127.0.0.1:8000{turkish_page.url}" in message.body and turkish_page.url.startswith("/tr/")


def test_a_german_parent_gets_it_in_german(point, django_capture_on_commit_callbacks):
    translate(point, "tr")
    date = sign_up(ParentFactory(), point, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    german_weekday = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"][date.weekday()]
    assert german_weekday in message.body and f"http://127.0.0.1:8000{point.url}" in message.body
    assert "/tr/" not in message.body
