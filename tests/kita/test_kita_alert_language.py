"""Place alerts have no account to ask: their mails keep the language the parent subscribed in."""

import re

import pytest
from django.core import mail

from home.kita.models import PlaceAlert
from home.kita.services import places_record
from tests.factories import district, kita_index, make_daycare
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db
SEARCH = {"stadtteil": "saarn", "geburtsdatum": "2025-06-10", "beginn": "2026-08-01"}


@pytest.fixture
def saarn(home_page):
    return make_daycare(kita_index(home_page), title="Kita Saarn", district=district("saarn"), lat="51.40", lon="6.87")


def confirmed_alert(client, language: str) -> PlaceAlert:
    client.post(f"/{language}/kita/benachrichtigung/", {**SEARCH, "email": "anne@example.org"})
    alert = PlaceAlert.objects.get()
    confirm = re.search(r"http://127\.0\.0\.1:8000(/\S*bestaetigen/\S+/)", mail.outbox[-1].body).group(1)
    client.post(confirm)
    return alert


def test_an_alert_subscribed_on_the_turkish_page_is_mailed_with_turkish_links(
    client, saarn, django_capture_on_commit_callbacks
):
    turkish = translate(saarn, "tr")
    alert = confirmed_alert(client, "tr")
    assert alert.language == "tr"
    with django_capture_on_commit_callbacks(execute=True):
        places_record(daycare=saarn, reported_by=None, free_by_group={"u3": 2})
    assert mail.outbox[-1].extra_headers["Content-Language"] == "tr"
    links = re.findall(r"http://127\.0\.0\.1:8000(/\S+)", mail.outbox[-1].body)
    assert turkish.url.startswith("/tr/") and turkish.url in links
    assert all(link.startswith("/tr/kita/") for link in links)


def test_an_alert_subscribed_in_german_stays_german(client, saarn, django_capture_on_commit_callbacks):
    translate(saarn, "tr")
    assert confirmed_alert(client, "de").language == "de"
    with django_capture_on_commit_callbacks(execute=True):
        places_record(daycare=saarn, reported_by=None, free_by_group={"u3": 2})
    assert "/de/kita/" in mail.outbox[-1].body and "/tr/" not in mail.outbox[-1].body
