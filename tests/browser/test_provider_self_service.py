"""A provider keeps their offers themselves: sees only their own under "Meine Angebote", uploads a file with three
changes that wait for the Redaktion; the Redaktion approves one and declines one with a reason; the provider reads
both decisions in their mail."""

import csv
import io

import pytest
from django.core import mail
from playwright.sync_api import expect

from community.accounts.roles import ANBIETER, REDAKTION
from home.offers.exchange import offers_to_csv
from home.offers.models import OfferPage
from tests.factories import ProviderFactory, UserFactory, browser_log_in, make_offer, offer_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_provider_uploads_three_changes_and_hears_how_the_redaktion_decided(live_server, browser):
    from home.models import HomePage

    index = offer_index(HomePage.objects.get())
    provider = UserFactory(username="anbieterin", email="anbieterin@example.org", roles=[ANBIETER])
    UserFactory(username="redakteurin", email="red@example.org", roles=[REDAKTION])
    verein = ProviderFactory(name="Sportverein Saarn", maintainers=[provider])
    ours = [
        make_offer(index, title=title, provider=verein)
        for title in ("Babyschwimmen", "Kinderturnen", "Eltern-Kind-Yoga")
    ]
    make_offer(index, title="Kurs der Nachbarn", provider=ProviderFactory(name="Nachbarverein"))
    rows = list(csv.DictReader(io.StringIO(offers_to_csv(ours, base_url=live_server.url))))
    for row in rows:
        row["title"] += " (neu)"
    upload = io.StringIO()
    writer = csv.DictWriter(upload, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)

    desk = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    browser_log_in(page, live_server.url, "anbieterin", next_url="/admin/")
    page.get_by_role("link", name="Meine Angebote").first.click()
    table = page.locator("table.own-offers")
    expect(table.locator("tbody tr")).to_have_count(3)
    expect(table).not_to_contain_text("Kurs der Nachbarn")

    page.locator("input[name=file]").set_input_files(
        files=[{"name": "meine-angebote.csv", "mimeType": "text/csv", "buffer": upload.getvalue().encode()}]
    )
    page.get_by_label("Nur prüfen").uncheck()
    page.get_by_role("button", name="Hochladen").click()
    expect(page.get_by_text("3 Änderungen warten jetzt auf die Prüfung durch die Redaktion")).to_be_visible()
    page.get_by_role("link", name="Zurück zu „Meine Angebote“").click()
    expect(table.locator("tbody tr[data-state=waiting]")).to_have_count(3)
    expect(table).to_contain_text("Babyschwimmen (neu)")
    assert OfferPage.objects.get(pk=ours[0].pk).title == "Babyschwimmen"  # nothing public yet
    desk.close()

    # The Redaktion decides in its review screen: one approved, one declined with a reason.
    mail.outbox.clear()
    desk = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    admin = desk.new_page()
    browser_log_in(admin, live_server.url, "redakteurin", next_url=f"/admin/pruefen/seite/{ours[0].pk}/")
    admin.get_by_role("button", name="Freigeben").click()
    expect(admin.get_by_text("ist freigegeben")).to_be_visible()
    admin.goto(f"{live_server.url}/admin/pruefen/seite/{ours[1].pk}/")
    admin.get_by_label("Begründung").fill("Bitte nennen Sie die Altersgruppe.")
    admin.get_by_role("button", name="Ablehnen").click()
    expect(admin.get_by_text("ist abgelehnt")).to_be_visible()
    desk.close()

    assert OfferPage.objects.get(pk=ours[0].pk).title == "Babyschwimmen (neu)"
    to_provider = [message for message in mail.outbox if message.to == ["anbieterin@example.org"]]
    assert len(to_provider) == 2
    approved, declined = sorted(to_provider, key=lambda message: "freigegeben" not in message.subject)
    assert approved.subject == "[Familienportal] Ihr Angebot „Babyschwimmen (neu)“ ist freigegeben"
    assert "/de/angebote/babyschwimmen/" in approved.body
    assert "Begründung der Redaktion: Bitte nennen Sie die Altersgruppe." in declined.body
