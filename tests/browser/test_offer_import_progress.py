"""The import's page in a real browser: the bar and the row count move while the import runs (asked from the page's
own script, without reloading), the report appears when it is over, and a passed dry run is imported with one
click."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from community.accounts.roles import REDAKTION
from home.offers.models import OfferImport, OfferPage
from home.offers.selectors import import_progress_key
from home.offers.services import ImportReport, ImportRowResult
from tests.factories import UserFactory, browser_log_in, district, offer_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_page_follows_a_running_import_to_its_report(live_server, browser):
    officer = UserFactory(username="datenpflege", roles=[REDAKTION])
    run = OfferImport.objects.create(user=officer, file_name="stadtsport.csv", state="running", total=40, dry_run=False)
    cache.set(import_progress_key(run.pk), [12, 40])
    desk = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    browser_log_in(page, live_server.url, "datenpflege", next_url=f"/admin/angebote/import/{run.pk}/")
    expect(page.get_by_text("12 von 40 Zeilen")).to_be_visible()

    cache.set(import_progress_key(run.pk), [30, 40])  # the worker has written 18 more offers
    expect(page.get_by_text("30 von 40 Zeilen")).to_be_visible()
    expect(page.locator("progress")).to_have_attribute("value", "30")

    report = ImportReport(dry_run=False, created=40, rows=[ImportRowResult("Zeile 2", "Stadtlauf", "new")] * 40)
    OfferImport.objects.filter(pk=run.pk).update(state="done", report=report.as_data())
    expect(page.get_by_text("40 Angebote angelegt, 0 aktualisiert.")).to_be_visible()
    expect(page.get_by_role("link", name="Bericht als CSV herunterladen")).to_be_visible()
    expect(page.locator("progress")).to_have_count(0)
    desk.close()


def test_a_dry_run_then_one_click_import(live_server, browser):
    from home.models import HomePage

    offer_index(HomePage.objects.get())
    district("saarn")
    UserFactory(username="datenpflege", roles=[REDAKTION])
    source = (
        "external_id,title,summary,categories,district,dates\n"
        "s-1,Stadtlauf für Kinder,Laufen am Fluss.,Sport,Saarn,2027-05-02 10:00-12:00\n"
        "s-2,Babyschwimmen,Wassergewöhnung.,Sport,saarn,W:MI 2027-01-06/2027-06-30 09:00-10:00\n"
    )
    desk = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    browser_log_in(page, live_server.url, "datenpflege", next_url="/admin/angebote/import/")
    page.locator("input[name=file]").set_input_files(
        files=[{"name": "stadtsport.csv", "mimeType": "text/csv", "buffer": source.encode()}]
    )
    page.get_by_role("button", name="Hochladen").click()
    expect(page.get_by_text("2 Angebote würden angelegt, 0 würden aktualisiert.")).to_be_visible()
    assert not OfferPage.objects.exists()
    page.get_by_role("button", name="Jetzt importieren").click()
    expect(page.get_by_text("2 Angebote angelegt, 0 aktualisiert.")).to_be_visible()
    assert sorted(OfferPage.objects.live().values_list("title", flat=True)) == ["Babyschwimmen", "Stadtlauf für Kinder"]
    page.get_by_role("link", name="Zurück zum Import").click()
    expect(page.locator("table.import-runs tbody tr")).to_have_count(2)
    desk.close()
