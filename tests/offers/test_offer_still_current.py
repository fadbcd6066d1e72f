"""The six-monthly reminder carries a signed link: without logging in, a provider confirms the offer is still current
and its "Zuletzt geprüft" date is renewed. GET only asks (mail scanners prefetch links), POST confirms."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.utils import timezone

from community.accounts.roles import ANBIETER, REDAKTION
from home.offers.models import OfferPage
from home.offers.services import STILL_CURRENT_SALT, offer_still_current_token, offers_flag_stale
from tests.factories import ProviderFactory, UserFactory, make_offer

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
OLD = TODAY - datetime.timedelta(days=200)


@pytest.fixture
def stale_offer(offers_page):
    alice = UserFactory(username="alice", email="alice@example.org", roles=[ANBIETER])
    UserFactory(username="red", email="redaktion@example.org", roles=[REDAKTION])
    return make_offer(
        offers_page,
        title="Alter Kurs",
        provider=ProviderFactory(name="Verein A", maintainers=[alice]),
        last_checked=OLD,
    )


def link_from_mail() -> str:
    (message,) = mail.outbox
    return re.search(r"http://127\.0\.0\.1:8000(/angebote/noch-aktuell/[^/\s]+/)", message.body)[1]


def test_the_reminder_link_asks_on_get_and_renews_on_post(client, stale_offer):
    offers_flag_stale()
    link = link_from_mail()
    asked = client.get(link)
    assert asked.status_code == 200
    assert "Ja, alles ist noch aktuell" in asked.content.decode()
    assert OfferPage.objects.get(pk=stale_offer.pk).last_checked == OLD  # a prefetch confirms nothing

    confirmed = client.post(link)
    assert confirmed.status_code == 200
    assert "gilt jetzt als geprüft" in confirmed.content.decode()
    offer = OfferPage.objects.get(pk=stale_offer.pk)
    assert offer.last_checked == TODAY
    assert offer.title == "Alter Kurs" and offer.live
    # Renewed without review, and a later publish of the live revision keeps the new date.
    assert offer.live_revision.as_object().last_checked == TODAY
    offer.live_revision.publish()
    assert OfferPage.objects.get(pk=stale_offer.pk).last_checked == TODAY


def test_a_second_click_says_it_is_done(client, stale_offer):
    link = f"/angebote/noch-aktuell/{offer_still_current_token(offer=stale_offer)}/"
    client.post(link)
    again = client.get(link)
    assert again.status_code == 200
    assert "schon als geprüft bestätigt" in again.content.decode()


def test_an_expired_link_is_refused_with_a_clear_message(client, stale_offer, monkeypatch):
    token = offer_still_current_token(offer=stale_offer)
    later = timezone.now().timestamp() + 61 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.post(f"/angebote/noch-aktuell/{token}/")
    assert response.status_code == 400
    assert "Dieser Link ist abgelaufen (er gilt 60 Tage)" in response.content.decode()
    assert OfferPage.objects.get(pk=stale_offer.pk).last_checked == OLD


def test_a_tampered_link_is_refused(client, stale_offer, offers_page):
    other = make_offer(offers_page, title="Fremdes Angebot", last_checked=OLD)
    token = offer_still_current_token(offer=stale_offer)
    payload, rest = token.split(":", 1)
    forged = signing.dumps({"offer": other.pk, "checked": OLD.isoformat()}, salt="a-guessed-salt")
    for bad in (forged, payload.swapcase() + ":" + rest, "kaputt"):
        response = client.post(f"/angebote/noch-aktuell/{bad}/")
        assert response.status_code == 400
        assert "Dieser Link ist ungültig" in response.content.decode()
    assert OfferPage.objects.get(pk=other.pk).last_checked == OLD
    assert OfferPage.objects.get(pk=stale_offer.pk).last_checked == OLD
    assert STILL_CURRENT_SALT != "a-guessed-salt"


def test_an_unpublished_offer_cannot_be_confirmed(client, stale_offer):
    token = offer_still_current_token(offer=stale_offer)
    stale_offer.unpublish()
    response = client.post(f"/angebote/noch-aktuell/{token}/")
    assert response.status_code == 400
    assert "nicht mehr veröffentlicht" in response.content.decode()
