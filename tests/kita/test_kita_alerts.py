import re

import pytest
from django.core import mail

from home.kita.models import AlertNotification, PlaceAlert, PlaceReport
from home.kita.services import alerts_notify, places_record
from tests.factories import district, kita_index, make_daycare

pytestmark = pytest.mark.django_db
SEARCH = {"stadtteil": "saarn", "geburtsdatum": "2025-06-10", "beginn": "2026-08-01"}


@pytest.fixture
def report(django_capture_on_commit_callbacks):
    """Report free places and run what waits for the commit (the alert task), as after a real request."""

    def run(daycare, free):
        with django_capture_on_commit_callbacks(execute=True):
            return places_record(daycare=daycare, reported_by=None, free_by_group=free)

    return run


@pytest.fixture
def kitas(home_page):
    index = kita_index(home_page)
    return {
        "saarn": make_daycare(index, title="Kita Saarn", district=district("saarn"), lat="51.40", lon="6.87"),
        "styrum": make_daycare(index, title="Kita Styrum", district=district("styrum"), lat="51.45", lon="6.86"),
    }


def link(message, word: str) -> str:
    return re.search(rf"http://127\.0\.0\.1:8000(/\S*{word}/\S+/)", message.body).group(1)


def subscribe(client, email="mama@example.org"):
    return client.post("/de/kita/benachrichtigung/", {**SEARCH, "email": email}, follow=True)


def test_sign_up_needs_confirmation_before_any_alert(client, kitas, report):
    response = subscribe(client)
    assert "Bitte bestätigen Sie die Benachrichtigung" in response.content.decode()
    assert "stadtteil=saarn" in response.redirect_chain[-1][0]
    (confirmation,) = mail.outbox
    assert confirmation.to == ["mama@example.org"]
    report(kitas["saarn"], {"u3": 2})
    assert len(mail.outbox) == 1  # unconfirmed: nothing sent


def test_confirmed_alert_mails_once_per_matching_report_with_an_unsubscribe_link(client, kitas, report):
    subscribe(client)
    confirm_url = link(mail.outbox[0], "bestaetigen")
    client.get(confirm_url)
    assert PlaceAlert.objects.get().confirmed_at is None  # a mail scanner's GET confirms nothing
    client.post(confirm_url)
    assert PlaceAlert.objects.get().confirmed_at is not None

    report(kitas["styrum"], {"u3": 3})  # other district
    report(kitas["saarn"], {"ue3": 3})  # other age group
    report(kitas["saarn"], {"u3": 0})  # nothing free
    assert len(mail.outbox) == 1
    (free_place,) = report(kitas["saarn"], {"u3": 2})
    assert len(mail.outbox) == 2
    alert_mail = mail.outbox[1]
    assert alert_mail.subject == "[Familienportal] Freier Platz: Kita Saarn"
    assert "2 freie Plätze (unter 3 Jahren (U3))" in alert_mail.body
    unsubscribe_url = link(alert_mail, "abmelden")

    assert alerts_notify(report=free_place) == 0  # a retried task sends nothing twice
    assert AlertNotification.objects.count() == 1

    client.post(unsubscribe_url)
    assert not PlaceAlert.objects.exists()
    report(kitas["saarn"], {"u3": 1})
    assert len(mail.outbox) == 2


def test_invalid_address_and_dead_links_get_clear_messages(client, kitas):
    response = client.post("/de/kita/benachrichtigung/", {**SEARCH, "email": "keine-adresse"}, follow=True)
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an." in response.content.decode()
    assert not PlaceAlert.objects.exists()
    dead = client.post("/de/kita/benachrichtigung/abmelden/gibt-es-nicht/")
    assert "Dieser Link ist nicht mehr gültig." in dead.content.decode()
    assert client.get("/de/kita/benachrichtigung/loeschen/x/").status_code == 404


def test_reports_without_alerts_are_still_kept(kitas, report):
    report(kitas["saarn"], {"u3": 2})
    assert PlaceReport.objects.count() == 1


def test_an_unreachable_broker_never_loses_the_report(kitas, django_capture_on_commit_callbacks):
    from portal.celery_app import app

    # A real Redis URL where nothing listens: queuing fails as it would with the broker down.
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url", "task_publish_retry")}
    app.conf.update(task_always_eager=False, broker_url="redis://127.0.0.1:1/0", task_publish_retry=False)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            places_record(daycare=kitas["saarn"], reported_by=None, free_by_group={"u3": 2})
    finally:
        app.conf.update(saved)
    assert PlaceReport.objects.filter(free_places=2).exists()
