"""A member's session and account on every request (issue 20): the session read from the database with one plain
statement (core/sessions.py), the account kept in the web process under the content version
(core.permissions.KeptAccountMixin). Neither may keep anybody signed in whom Django would sign out."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community.accounts.services import account_export
from tests.factories import PASSWORD, ParentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    user = ParentFactory(username="lena")
    assert client.login(username="lena", password=PASSWORD)
    return user


def signed_in(client) -> bool:
    return client.get("/de/").context["request"].user.is_authenticated


def test_a_members_session_is_read_with_one_statement_and_the_account_is_kept(client, member):
    for _ in range(2):
        assert signed_in(client)
    with CaptureQueriesContext(connection) as context:
        assert client.get("/de/").status_code == 200
    sql = [query["sql"] for query in context.captured_queries]
    assert [q for q in sql if "django_session" in q] == [
        q for q in sql if q.startswith('SELECT "session_data" FROM "django_session"')
    ]
    assert len([q for q in sql if "django_session" in q]) == 1
    assert not [q for q in sql if "accounts_user" in q], "the account comes from the process, not the database"


def test_an_expired_or_unknown_session_signs_nobody_in(client, member):
    assert signed_in(client)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    assert not signed_in(client)
    client.cookies["sessionid"] = "gibt-es-nicht"
    assert not signed_in(client)


def test_a_deactivated_account_or_a_new_password_signs_out_on_the_next_request(client, member):
    assert signed_in(client)
    member.is_active = False
    member.save()
    assert not signed_in(client)

    other = ParentFactory(username="mehmet")
    assert client.login(username="mehmet", password=PASSWORD)
    assert signed_in(client)
    other.set_password("ein-ganz-neues-passwort-456")
    other.save()  # elsewhere: the member's other browser, the admin
    assert not signed_in(client)


def test_the_data_export_shows_the_last_login_from_the_database(client, member):
    for _ in range(2):  # the first request of a test writes the site settings: a new content version
        assert signed_in(client)  # the account is kept in the process from here on
    member.last_login = timezone.now() + datetime.timedelta(days=1)
    member.save(update_fields=["last_login"])  # what every login does; no page shows it, so nothing is read anew
    request_user = client.get("/de/").context["request"].user
    assert request_user.pk == member.pk and request_user.last_login != member.last_login
    assert account_export(request_user)["letzte_anmeldung"] == account_export(member)["letzte_anmeldung"]
