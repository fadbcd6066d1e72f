"""Providers serve themselves: "Meine Angebote" shows only their organization's offers with where each stands, the
export holds only theirs, and an uploaded file becomes changes waiting for the Redaktion, never published."""

import csv
import io
import json

import pytest
from wagtail.models import WorkflowState

from community.accounts.roles import ANBIETER, REDAKTION
from home.offers.exchange import offers_to_csv, parse_csv, parse_hsds
from home.offers.models import OfferPage
from home.offers.services import offers_import
from tests.factories import ProviderFactory, UserFactory, make_offer

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1:8000"


@pytest.fixture
def world(offers_page):
    alice = UserFactory(username="alice", email="alice@example.org", roles=[ANBIETER])
    bob = UserFactory(username="bob", email="bob@example.org", roles=[ANBIETER])
    editor = UserFactory(username="redakteurin", roles=[REDAKTION])
    verein_a = ProviderFactory(name="Verein A", maintainers=[alice])
    verein_b = ProviderFactory(name="Verein B", maintainers=[bob])
    swim = make_offer(offers_page, title="Schwimmen von A", provider=verein_a)
    dance = make_offer(offers_page, title="Tanzen von A", provider=verein_a, external_id="a-42")
    other = make_offer(offers_page, title="Kurs von B", provider=verein_b)
    return {
        "alice": alice,
        "bob": bob,
        "editor": editor,
        "verein_a": verein_a,
        "verein_b": verein_b,
        "swim": swim,
        "dance": dance,
        "other": other,
        "index": offers_page,
    }


def csv_with(offers, **titles) -> str:
    """The export of `offers`, with the titles changed as given (old title → new title)."""
    rows = list(csv.DictReader(io.StringIO(offers_to_csv(offers, base_url=BASE))))
    for row in rows:
        row["title"] = titles.get(row["title"], row["title"])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def waiting(offer) -> WorkflowState | None:
    return WorkflowState.objects.filter(
        base_content_type__model="page", object_id=str(offer.pk), status="in_progress"
    ).first()


def test_provider_sees_only_its_organizations_offers(client, world):
    client.force_login(world["alice"])
    response = client.get("/admin/angebote/meine/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Schwimmen von A" in page and "Tanzen von A" in page
    assert "Kurs von B" not in page
    assert [status.offer.title for status in response.context["statuses"]] == ["Schwimmen von A", "Tanzen von A"]
    assert "Meine Angebote" in client.get("/admin/").content.decode()  # the menu item


def test_redaktion_sees_every_organization_and_parents_nothing(client, world):
    client.force_login(world["editor"])
    titles = {status.offer.title for status in client.get("/admin/angebote/meine/").context["statuses"]}
    assert titles == {"Schwimmen von A", "Tanzen von A", "Kurs von B"}
    client.force_login(UserFactory(username="redaktionslos"))
    assert client.get("/admin/angebote/meine/").status_code in (302, 403)


def test_the_page_explorer_lists_only_the_providers_offers(client, world):
    client.force_login(world["alice"])
    page = client.get(f"/admin/pages/{world['index'].pk}/").content.decode()
    assert "Schwimmen von A" in page
    assert "Kurs von B" not in page
    client.force_login(world["editor"])
    assert "Kurs von B" in client.get(f"/admin/pages/{world['index'].pk}/").content.decode()


def test_export_holds_only_the_providers_offers(client, world):
    client.force_login(world["alice"])
    rows = list(csv.DictReader(io.StringIO(client.get("/admin/angebote/meine/export.csv").content.decode("utf-8-sig"))))
    assert sorted(row["title"] for row in rows) == ["Schwimmen von A", "Tanzen von A"]
    services = json.loads(client.get("/admin/angebote/meine/export.hsds").content)
    assert sorted(service["name"] for service in services) == ["Schwimmen von A", "Tanzen von A"]
    assert client.get("/admin/angebote/meine/export.xml").status_code == 404


def test_imported_changes_are_revisions_in_review_not_live(world):
    text = csv_with(
        [world["swim"], world["dance"]], **{"Schwimmen von A": "Schwimmen (neue Zeiten)", "Tanzen von A": "Tanzen 2"}
    )
    report = offers_import(
        rows=parse_csv(text),
        index=world["index"],
        user=world["alice"],
        dry_run=False,
        for_providers=[world["verein_a"]],
    )
    assert report.ok, report.errors
    assert report.updated == 2 and report.created == 0
    assert "warten jetzt auf die Prüfung" in report.summary()
    swim = OfferPage.objects.get(pk=world["swim"].pk)
    assert swim.title == "Schwimmen von A"  # the public page is unchanged
    assert swim.has_unpublished_changes
    assert swim.get_latest_revision_as_object().title == "Schwimmen (neue Zeiten)"
    state = waiting(swim)
    assert state is not None and state.requested_by == world["alice"]
    assert state.current_task_state.revision == swim.latest_revision
    assert waiting(world["dance"]) is not None
    # A hand-made offer (no source id) is found by its address; the source's id of the other one stays.
    assert OfferPage.objects.get(pk=world["dance"].pk).get_latest_revision_as_object().external_id == "a-42"
    assert OfferPage.objects.count() == 3


def test_hsds_round_trip_finds_the_offers_by_the_portals_own_id(world):
    from home.offers.hsds import service

    services = [service(world["swim"], base_url=BASE)]
    services[0]["name"] = "Schwimmen (HSDS)"
    report = offers_import(
        rows=parse_hsds(services),
        index=world["index"],
        user=world["alice"],
        dry_run=False,
        for_providers=[world["verein_a"]],
    )
    assert report.ok, report.errors
    swim = OfferPage.objects.get(pk=world["swim"].pk)
    assert swim.get_latest_revision_as_object().title == "Schwimmen (HSDS)"
    assert swim.get_latest_revision_as_object().external_id == ""  # the portal's id is no source key
    assert OfferPage.objects.count() == 3


def test_rows_for_another_providers_offer_are_refused_and_nothing_is_submitted(world):
    text = csv_with([world["swim"], world["other"]], **{"Kurs von B": "Gekapert", "Schwimmen von A": "Neu"})
    report = offers_import(
        rows=parse_csv(text),
        index=world["index"],
        user=world["alice"],
        dry_run=False,
        for_providers=[world["verein_a"]],
    )
    assert not report.ok
    (problem,) = [reason for _position, reason in report.errors]
    assert "„Kurs von B“ ist kein Angebot Ihrer Organisation" in problem
    assert "Verein A" in problem
    other = OfferPage.objects.get(pk=world["other"].pk)
    assert other.get_latest_revision_as_object().title == "Kurs von B"
    assert waiting(other) is None and waiting(world["swim"]) is None  # all or nothing


def test_a_row_naming_another_provider_is_refused_and_no_provider_is_created(world):
    text = csv_with([world["swim"]]).replace("Verein A", "Verein B", 1)
    text += text.splitlines()[1].replace("Verein B", "Ganz neuer Verein").replace("Schwimmen von A", "Neu") + "\n"
    rows = parse_csv(text)
    report = offers_import(
        rows=rows, index=world["index"], user=world["alice"], dry_run=True, for_providers=[world["verein_a"]]
    )
    messages = [reason for _position, reason in report.errors]
    assert any("Anbieter „Verein B“ ist nicht Ihre Organisation" in message for message in messages)
    assert any("Anbieter „Ganz neuer Verein“ ist nicht Ihre Organisation" in message for message in messages)
    assert not report.providers_created


def test_new_offer_from_a_provider_is_an_unpublished_page_in_review(world):
    text = csv_with([world["swim"]], **{"Schwimmen von A": "Eltern-Kind-Yoga"})
    rows = parse_csv(text)
    rows[0].record.url = ""  # a new line in the file: no address yet
    report = offers_import(
        rows=rows, index=world["index"], user=world["alice"], dry_run=False, for_providers=[world["verein_a"]]
    )
    assert report.ok and report.created == 1
    new = OfferPage.objects.get(title="Eltern-Kind-Yoga")
    assert not new.live
    assert new.provider == world["verein_a"]
    assert waiting(new) is not None


def test_upload_in_the_admin_shows_the_changes_waiting(client, world, django_capture_on_commit_callbacks):
    client.force_login(world["alice"])
    upload = io.BytesIO(csv_with([world["swim"]], **{"Schwimmen von A": "Schwimmen am Samstag"}).encode())
    upload.name = "meine-angebote.csv"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/angebote/meine/", {"file": upload})
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert response.context["report"].ok
    assert "1 Änderung wartet jetzt auf die Prüfung durch die Redaktion (neu: 0)." in response.content.decode()
    response = client.get("/admin/angebote/meine/")
    statuses = {status.offer.pk: status for status in response.context["statuses"]}
    assert statuses[world["swim"].pk].state == "waiting"
    assert statuses[world["dance"].pk].state == "live"
    assert "wartet auf Prüfung" in response.content.decode()


def test_declined_change_shows_the_redaktions_reason(client, world):
    offers_import(
        rows=parse_csv(csv_with([world["swim"]], **{"Schwimmen von A": "Gratis für alle!!!"})),
        index=world["index"],
        user=world["alice"],
        dry_run=False,
        for_providers=[world["verein_a"]],
    )
    task_state = waiting(world["swim"]).current_task_state
    task_state.task.specific.on_action(task_state, world["editor"], "reject", comment="Bitte ohne Ausrufezeichen.")
    client.force_login(world["alice"])
    response = client.get("/admin/angebote/meine/")
    statuses = {status.offer.pk: status for status in response.context["statuses"]}
    assert statuses[world["swim"].pk].state == "declined"
    assert statuses[world["swim"].pk].reason == "Bitte ohne Ausrufezeichen."
    assert "Bitte ohne Ausrufezeichen." in response.content.decode()
