"""The reminder about an unchecked offer reaches each recipient in their language: one mail per language."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from community.accounts.roles import ANBIETER, REDAKTION
from home.offers.services import offers_flag_stale
from tests.factories import ProviderFactory, UserFactory, make_offer

pytestmark = pytest.mark.django_db


def test_a_turkish_maintainer_and_the_german_redaktion_get_one_mail_each(offers_page):
    maintainer = UserFactory(email="ayse@example.org", roles=[ANBIETER], language="tr")
    UserFactory(email="redaktion@example.org", roles=[REDAKTION])
    make_offer(
        offers_page,
        title="Alter Kurs",
        provider=ProviderFactory(name="Verein A", maintainers=[maintainer]),
        categories=["sport"],
        last_checked=timezone.localdate() - datetime.timedelta(days=200),
    )
    assert offers_flag_stale() == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    assert [message.to for message in mail.outbox if len(message.to) > 1] == []
    turkish, german = by_address["ayse@example.org"], by_address["redaktion@example.org"]
    assert turkish.subject == "[Aile Portalı] Lütfen kontrol edin: Alter Kurs"  # the Turkish catalogue's
    assert turkish.extra_headers["Content-Language"] == "tr"
    assert german.subject == "[Familienportal] Bitte prüfen: Alter Kurs"
    assert german.extra_headers["Content-Language"] == "de"
