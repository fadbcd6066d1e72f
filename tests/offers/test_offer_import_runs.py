"""Issue 22: the import runs in the background with a progress display — the upload starts a run, its page shows the
rows done while it runs and the report (for download) when it is over; a passed dry run is imported with one click;
an import that breaks off writes nothing and says so in German."""

import datetime

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.signals import page_published

from community.accounts.roles import ANBIETER, REDAKTION
from home.offers.models import OfferImport, OfferPage
from home.offers.selectors import import_progress_key, offer_import_progress
from home.offers.services import offer_import_start
from tests.factories import ProviderFactory, UserFactory, district
from tests.offers.test_offer_import import csv_text, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """A POST whose queued work runs when its transaction commits, as without a broker outside of tests."""

    def send(url: str, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {})

    return send


@pytest.fixture
def upload(post):
    def send(text: str, *, dry_run: bool, url="/admin/angebote/import/"):
        data = {"file": SimpleUploadedFile("angebote.csv", text.encode(), content_type="text/csv")}
        if dry_run:
            data["dry_run"] = "on"
        return post(url, data)

    return send


def three_rows() -> str:
    return csv_text(row(), row(external_id="q-2", title="Babytreff"), row(external_id="q-3", title="Elterncafé"))


@pytest.fixture
def city(offers_page):
    district("heissen")
    return offers_page


@pytest.fixture
def officer(client):
    user = UserFactory(roles=[REDAKTION])
    client.force_login(user)
    return user


def test_the_upload_starts_a_run_and_its_page_shows_the_report(client, city, officer, upload):
    response = upload(three_rows(), dry_run=True)
    run = OfferImport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/angebote/import/{run.pk}/"
    # Without a broker the run happened in this request: the page is already the report.
    assert (run.state, run.total, run.user, run.dry_run) == ("done", 3, officer, True)
    html = client.get(f"/admin/angebote/import/{run.pk}/").content.decode()
    assert "3 Angebote würden angelegt, 0 würden aktualisiert." in html
    assert "<progress" not in html and "import-progress.js" not in html
    assert client.get(f"/admin/angebote/import/{run.pk}/status.json").json() == {
        "state": "done",
        "state_label": "fertig",
        "finished": True,
        "done": 3,
        "total": 3,
        "percent": 100,
    }


def test_while_it_runs_the_page_shows_the_rows_done_and_asks_for_more(client, city, officer):
    run = OfferImport.objects.create(user=officer, file_name="gross.csv", state="running", total=40, dry_run=False)
    cache.set(import_progress_key(run.pk), [12, 40])
    html = client.get(f"/admin/angebote/import/{run.pk}/").content.decode()
    assert '<progress max="40" value="12">30 %</progress>' in html
    assert "12 von 40 Zeilen" in html and "läuft" in html
    assert f'data-import-status-url="/admin/angebote/import/{run.pk}/status.json"' in html
    assert "offers/import-progress" in html  # the script that moves the bar (served by the portal)
    status = client.get(f"/admin/angebote/import/{run.pk}/status.json")
    assert "no-store" in status["Cache-Control"]
    assert status.json() == {
        "state": "running",
        "state_label": "läuft",
        "finished": False,
        "done": 12,
        "total": 40,
        "percent": 30,
    }


def test_the_counter_moves_row_by_row_while_the_offers_are_written(client, city, officer, upload):
    seen = []

    def look(sender, **kwargs):  # each offer published by the import: what would the page show now?
        seen.append(offer_import_progress(run=OfferImport.objects.get()).done)

    page_published.connect(look)
    try:
        upload(three_rows(), dry_run=False)
    finally:
        page_published.disconnect(look)
    assert seen == [0, 1, 2]  # the counter moves after each row is written
    run = OfferImport.objects.get()
    assert run.state == "done" and offer_import_progress(run=run).done == 3
    assert run.content == b""  # a real run does not keep the file


def test_an_import_that_breaks_off_writes_nothing_and_says_so(client, city, officer, upload):
    def explode(sender, instance, **kwargs):
        if instance.title == "Babytreff":
            raise RuntimeError("disk full")

    page_published.connect(explode)
    try:
        response = upload(three_rows(), dry_run=False)
    finally:
        page_published.disconnect(explode)
    run = OfferImport.objects.get()
    assert run.state == "failed" and run.finished_at is not None
    assert not OfferPage.objects.exists()  # the first row, already written, went back with the rest
    html = client.get(response["Location"]).content.decode()
    assert "Der Import ist an einem unerwarteten Fehler abgebrochen; es wurde nichts gespeichert." in html
    assert client.get(f"/admin/angebote/import/{run.pk}/status.json").json()["finished"] is True


def test_a_passed_dry_run_is_imported_with_one_click_and_only_once(client, city, officer, upload, post):
    dry = OfferImport.objects.get(pk=int(upload(three_rows(), dry_run=True)["Location"].split("/")[-2]))
    page = client.get(f"/admin/angebote/import/{dry.pk}/").content.decode()
    assert "Jetzt importieren" in page
    assert not OfferPage.objects.exists()
    response = post(f"/admin/angebote/import/{dry.pk}/importieren/")
    real = OfferImport.objects.exclude(pk=dry.pk).get()
    assert response["Location"] == f"/admin/angebote/import/{real.pk}/"
    assert (real.dry_run, real.state, real.file_name) == (False, "done", "angebote.csv")
    assert OfferPage.objects.live().count() == 3
    # The file moved to the real run: a second click (another tab, a double click) imports nothing.
    again = post(f"/admin/angebote/import/{dry.pk}/importieren/")
    assert "Diese Datei kann nicht mehr importiert werden" in client.get(again["Location"]).content.decode()
    assert OfferImport.objects.count() == 2 and OfferPage.objects.count() == 3
    assert "Jetzt importieren" not in client.get(f"/admin/angebote/import/{dry.pk}/").content.decode()
    assert client.get(f"/admin/angebote/import/{dry.pk}/importieren/").status_code == 405


def test_files_of_dry_runs_nobody_imported_are_dropped_after_a_week(client, city, officer, upload):
    old = OfferImport.objects.get(pk=int(upload(three_rows(), dry_run=True)["Location"].split("/")[-2]))
    assert bytes(old.content)
    OfferImport.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    upload(three_rows(), dry_run=True)
    old.refresh_from_db()
    assert bytes(old.content) == b"" and old.report["created"] == 3  # the report stays
    html = client.get(f"/admin/angebote/import/{old.pk}/").content.decode()
    assert "3 Angebote würden angelegt" in html and "Jetzt importieren" not in html


def test_a_dry_run_with_errors_offers_no_import(client, city, officer, upload, post):
    location = upload(csv_text(row(district="Xyz")), dry_run=True)["Location"]
    html = client.get(location).content.decode()
    assert "1 Fehler gefunden, nichts importiert." in html and "Jetzt importieren" not in html
    post(location + "importieren/")
    assert OfferImport.objects.count() == 1 and not OfferPage.objects.exists()


def test_a_run_waiting_long_for_the_worker_says_the_file_is_safe(client, city, officer):
    run = offer_import_start(user=officer, file_name="a.csv", content=b"", dry_run=True)
    OfferImport.objects.filter(pk=run.pk).update(state="queued")
    html = client.get(f"/admin/angebote/import/{run.pk}/").content.decode()
    assert "wartet auf den Start" in html and "Hintergrunddienst" not in html
    OfferImport.objects.filter(pk=run.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=7))
    html = client.get(f"/admin/angebote/import/{run.pk}/").content.decode()
    assert "Der Import wartet seit 7\xa0Minuten auf den Hintergrunddienst. Ihre Datei ist gespeichert" in html


def test_runs_are_seen_by_their_uploader_and_the_redaktion_only(client, city, offers_page, upload):
    alice = UserFactory(roles=[ANBIETER])
    bob = UserFactory(roles=[ANBIETER])
    ProviderFactory(name="Verein A", maintainers=[alice])
    ProviderFactory(name="Verein B", maintainers=[bob])
    client.force_login(alice)
    location = upload(csv_text(row(title="Neu von A")), dry_run=True, url="/admin/angebote/meine/")["Location"]
    run = OfferImport.objects.get()
    assert run.review and list(run.for_providers.values_list("name", flat=True)) == ["Verein A"]
    html = client.get(location).content.decode()
    assert "Zurück zu „Meine Angebote“" in html and "Jetzt einreichen" in html
    assert location in client.get("/admin/angebote/meine/").content.decode()  # listed under "Letzte Importe"
    client.force_login(bob)
    # Wagtail's admin answers a refused page with a redirect to its dashboard.
    assert client.get(location).status_code in (302, 403)
    assert client.get(location + "status.json").status_code in (302, 403)
    assert client.get(location + "bericht.csv").status_code in (302, 403)
    assert location not in client.get("/admin/angebote/meine/").content.decode()
    client.force_login(UserFactory(roles=[REDAKTION]))
    response = client.get(location)  # the Redaktion sees the run; only Alice submits her file
    assert response.status_code == 200 and "Jetzt einreichen" not in response.content.decode()
    assert client.post(location + "importieren/").status_code in (302, 403)
    assert OfferImport.objects.count() == 1
    assert client.get("/admin/angebote/import/999999/", follow=True).status_code == 404


def test_the_report_speaks_the_language_of_the_uploader(client, city, officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = offer_import_start(
            user=officer, file_name="a.csv", content=csv_text(row(district="Xyz")).encode(), dry_run=True, language="en"
        )
    run.refresh_from_db()
    (message,) = run.report["rows"][0][3]
    assert message.startswith("District “Xyz” is unknown."), message
