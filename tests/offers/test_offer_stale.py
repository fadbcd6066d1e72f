import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from community.accounts.roles import ANBIETER, REDAKTION
from home.offers.services import offers_flag_stale
from tests.factories import ProviderFactory, UserFactory, make_offer

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def stale_world(offers_page):
    alice = UserFactory(username="alice", email="alice@example.org", roles=[ANBIETER])
    bob = UserFactory(username="bob", email="bob@example.org", roles=[ANBIETER])
    UserFactory(username="red", email="redaktion@example.org", roles=[REDAKTION])
    mine = ProviderFactory(name="Verein A", maintainers=[alice])
    other = ProviderFactory(name="Verein B", maintainers=[bob])
    old = make_offer(
        offers_page,
        title="Alter Kurs",
        provider=mine,
        categories=["sport"],
        last_checked=TODAY - datetime.timedelta(days=200),
    )
    make_offer(
        offers_page,
        title="Frisch geprüft",
        provider=other,
        categories=["sport"],
        last_checked=TODAY - datetime.timedelta(days=10),
    )
    return {"alice": alice, "bob": bob, "old": old}


def test_unchecked_offer_is_flagged_once_to_provider_and_redaktion(stale_world):
    assert offers_flag_stale() == 1
    (message,) = mail.outbox
    assert message.subject == "[Familienportal] Bitte prüfen: Alter Kurs"
    assert sorted(message.to) == ["alice@example.org", "redaktion@example.org"]
    assert f"/admin/pages/{stale_world['old'].pk}/edit/" in message.body
    assert offers_flag_stale() == 0
    assert len(mail.outbox) == 1


def test_checking_the_offer_again_resets_the_reminder(stale_world):
    offers_flag_stale()
    offer = stale_world["old"]
    offer.last_checked = TODAY - datetime.timedelta(days=190)
    offer.save_revision().publish()
    assert offers_flag_stale() == 1
    assert len(mail.outbox) == 2


def test_command_reports_the_number_sent(stale_world):
    out = io.StringIO()
    call_command("flag_stale_offers", stdout=out)
    assert out.getvalue().strip() == "1 Erinnerungen verschickt."


def test_dashboard_lists_stale_offers_to_their_provider_only(client, stale_world):
    client.force_login(stale_world["alice"])
    assert "1 Angebot seit 6 Monaten nicht geprüft" in client.get("/admin/").content.decode()
    client.force_login(stale_world["bob"])
    assert "seit 6 Monaten nicht geprüft" not in client.get("/admin/").content.decode()
