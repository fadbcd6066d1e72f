"""Issue 22: an import a data officer gets right the first time — names or slugs, allowed values in every
complaint, German weekdays, price on request, HSDS keys and service areas, providers from the file, umlaut slugs,
a derived summary and a report to download."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from community.accounts.roles import ANBIETER, REDAKTION
from home.directory.models import Provider
from home.models import District
from home.offers.exchange import parse_upload
from home.offers.models import OfferCategory, OfferPage
from home.offers.services import offers_import
from tests.factories import ProviderFactory, UserFactory, district
from tests.factories.localize import translate_snippet

pytestmark = pytest.mark.django_db
COLUMNS = ["external_id", "title", "summary", "description", "categories", "district", "dates", "cost_kind", "price"]


def csv_text(*rows: dict, columns=COLUMNS) -> str:
    lines = [",".join(columns)]
    for row in rows:
        lines.append(",".join('"' + str(row.get(column, "")).replace('"', '""') + '"' for column in columns))
    return "\n".join(lines) + "\n"


def row(**overrides) -> dict:
    values = {
        "external_id": "q-1",
        "title": "Kinderturnen",
        "summary": "Turnen für Kinder.",
        "categories": "Sport",
        "district": "Heißen",
        "dates": "W:DI 2026-09-01/2027-06-30 16:00-17:00",
    }
    values.update(overrides)
    return values


def run(index, text: str, *, name="angebote.csv", dry_run=False):
    return offers_import(rows=parse_upload(name=name, content=text.encode()), index=index, dry_run=dry_run)


@pytest.fixture
def city(offers_page):
    district("heissen")
    district("saarn")
    District.objects.create(name="Altstadt I", slug="altstadt-1", latitude="51.43", longitude="6.88")
    return offers_page


def test_categories_districts_and_languages_by_name_or_slug_in_any_spelling(city):
    translate_snippet(OfferCategory.objects.originals().get(slug="sport"), "en", name="Sports")
    spellings = [
        ("Sport", "Heißen", "heissen"),
        ("sport", "heissen", "heissen"),
        ("SPORT;Freizeit", "HEISSEN", "heissen"),
        ("Sports", "Altstadt I", "altstadt-1"),  # the English name leads to the German category
        ("Babys & Kleinkinder", "altstadt-1", "altstadt-1"),
        ("babys-kleinkinder;Babys & Kleinkinder", "altstadt i", "altstadt-1"),
    ]
    rows = [
        row(external_id=f"q-{n}", title=f"Angebot {n}", categories=cats, district=where)
        for n, (cats, where, _slug) in enumerate(spellings)
    ]
    columns = [*COLUMNS, "languages"]
    rows[0]["languages"] = "Deutsch;tr"
    report = run(city, csv_text(*rows, columns=columns))
    assert report.ok, report.errors
    for n, (_cats, _where, slug) in enumerate(spellings):
        assert OfferPage.objects.get(external_id=f"q-{n}").district.slug == slug
    assert sorted(c.slug for c in OfferPage.objects.get(external_id="q-2").categories.all()) == ["freizeit", "sport"]
    assert [c.slug for c in OfferPage.objects.get(external_id="q-3").categories.all()] == ["sport"]
    assert [c.slug for c in OfferPage.objects.get(external_id="q-5").categories.all()] == ["babys-kleinkinder"]
    assert sorted(lang.code for lang in OfferPage.objects.get(external_id="q-0").languages.all()) == ["de", "tr"]


def test_every_unknown_value_names_the_allowed_ones_and_nothing_is_written(city):
    text = csv_text(
        row(district="Xyz"),
        row(external_id="q-2", categories="Zauberei"),
        row(external_id="q-3", dates="W:XY 2026-09-01 16:00-17:00"),
        row(external_id="q-4", cost_kind="umsonst"),
    )
    errors = dict(run(city, text).errors)
    assert errors["Zeile 2"] == "Stadtteil „Xyz“ ist unbekannt. Erlaubt sind: Altstadt I, Heißen, Saarn."
    assert errors["Zeile 3"].startswith("Kategorie „Zauberei“ ist unbekannt. Erlaubt sind: ")
    assert "Babys & Kleinkinder" in errors["Zeile 3"] and "Sport" in errors["Zeile 3"]
    assert errors["Zeile 4"] == (
        "Termin „W:XY 2026-09-01 16:00-17:00“: Wochentag „XY“ ist unbekannt. "
        "Erlaubt sind: MO, DI, MI, DO, FR, SA, SO (englisch auch MO, TU, WE, TH, FR, SA, SU)."
    )
    assert errors["Zeile 5"] == (
        "Kostenart „umsonst“ ist unbekannt. Erlaubt sind: kostenlos (kostenlos), preis (kostenpflichtig), "
        "spende (gegen Spende), auf-anfrage (Kosten auf Anfrage)."
    )
    assert OfferPage.objects.count() == 0


def test_german_and_english_weekday_codes(city):
    codes = {"DI": 1, "TU": 1, "mi": 2, "WE": 2, "DO": 3, "TH": 3, "SA": 5, "SO": 6, "SU": 6, "Montag": 0}
    rows = [row(external_id=f"w-{code}", dates=f"W:{code} 2026-09-01 10:00-11:00") for code in codes]
    report = run(city, csv_text(*rows))
    assert report.ok, report.errors
    for code, weekday in codes.items():
        assert OfferPage.objects.get(external_id=f"w-{code}").dates.get().weekday == weekday, code


def test_price_on_request_is_shown_and_never_counted_as_free(client, city):
    report = run(
        city,
        csv_text(
            row(title="Schwimmkurs", cost_kind="Kosten auf Anfrage"),
            row(external_id="q-2", title="Tanzkurs", cost_kind="auf-anfrage"),
            row(external_id="q-3", title="Spielplatzfest", cost_kind=""),
        ),
    )
    assert report.ok, report.errors
    assert set(OfferPage.objects.values_list("cost_kind", flat=True)) == {"auf-anfrage", "kostenlos"}
    offer = OfferPage.objects.get(title="Schwimmkurs")
    page = client.get(offer.url).content.decode()
    assert "Kosten auf Anfrage" in page and "None" not in page
    free_only = client.get("/de/angebote/", {"kostenlos": "on"}).content.decode()
    assert "Spielplatzfest" in free_only
    assert "Schwimmkurs" not in free_only and "Tanzkurs" not in free_only


def test_summary_is_derived_from_the_description_when_missing(city):
    long_sentence = "Wir turnen " + "und springen " * 40 + "bis zum Ende."
    columns = [c for c in COLUMNS if c != "summary"]
    report = run(
        city,
        csv_text(
            row(description="Turnen für Kinder ab drei. Bitte Hallenschuhe mitbringen."),
            row(external_id="q-2", description=long_sentence),
            columns=columns,
        ),
    )
    assert report.ok, report.errors
    assert OfferPage.objects.get(external_id="q-1").summary == "Turnen für Kinder ab drei."
    cut = OfferPage.objects.get(external_id="q-2").summary
    assert len(cut) <= 300 and cut.endswith("springen…")
    assert "Die Kurzbeschreibung wurde aus der Beschreibung gebildet." in report.rows[0].messages
    neither = run(city, csv_text(row(external_id="q-3"), columns=columns))
    assert neither.errors == [
        ("Zeile 2", "„summary“ fehlt (oder eine Beschreibung, aus der sie gebildet werden kann).")
    ]


def hsds_file(**changes) -> str:
    service = {
        "id": "fremd-42",
        "name": "Bambini-Fußball",
        "description": "Fußball für die Kleinsten. Ohne Leistungsdruck.",
        "organization": {"name": "Turnverein Heißen", "website": "www.tv-heissen.de"},
        "attributes": [{"taxonomy_term": {"name": "Sport"}}],
        "service_areas": [{"name": "Heißen"}],
        "schedules": [{"freq": "WEEKLY", "byday": "DI,DO", "valid_from": "2026-09-01", "opens_at": "16:00"}],
        "cost_options": [{"option": "Kosten auf Anfrage"}],
    }
    service.update(changes)
    return json.dumps({"services": [service]})


def test_the_same_hsds_file_twice_updates_and_never_duplicates(city):
    first = run(city, hsds_file(), name="fremd.json")
    assert first.ok, first.errors
    assert (first.created, first.updated, first.providers_created) == (1, 0, ["Turnverein Heißen"])
    offer = OfferPage.objects.get()
    assert offer.external_id == "fremd-42"
    assert offer.district.slug == "heissen"  # from service_areas
    assert [c.slug for c in offer.categories.all()] == ["sport"]
    assert offer.summary == "Fußball für die Kleinsten."
    assert offer.cost_kind == OfferPage.CostKind.ON_REQUEST
    assert sorted(line.weekday for line in offer.dates.all()) == [1, 3]
    assert offer.provider.website == "https://www.tv-heissen.de"
    second = run(city, hsds_file(name="Bambini-Fußball (neu)"), name="fremd.json")
    assert (second.created, second.updated, second.providers_created) == (0, 1, [])
    assert OfferPage.objects.count() == 1 and Provider.objects.count() == 1
    assert OfferPage.objects.get().title == "Bambini-Fußball (neu)"


def test_the_portals_own_hsds_export_imported_again_updates_its_offers(city, client):
    """Offers made by hand have no source id; the export names them by their HSDS id, and that id finds them."""
    run(city, csv_text(row(external_id=""), row(external_id="", title="Babyschwimmen")))
    assert OfferPage.objects.count() == 2 and not OfferPage.objects.exclude(external_id="").exists()
    exported = client.get("/api/v1/offers.hsds.json").json()
    for service in exported:
        service["name"] += " (geändert)"
    report = run(city, json.dumps(exported), name="export.json")
    assert report.ok, report.errors
    assert (report.created, report.updated) == (0, 2)
    assert sorted(OfferPage.objects.values_list("title", flat=True)) == [
        "Babyschwimmen (geändert)",
        "Kinderturnen (geändert)",
    ]
    assert not OfferPage.objects.exclude(external_id="").exists()  # the portal's id is no source's key


def test_hsds_terms_and_areas_that_do_not_fit_say_so_without_none(city):
    report = run(
        city,
        hsds_file(
            attributes=[{"taxonomy_term": {"name": "Zauberei"}}, {"taxonomy_term": {"taxonomy": "x"}}],
            service_areas=[{"name": "Atlantis"}],
        ),
        name="fremd.json",
    )
    messages = [reason for _position, reason in report.errors]
    assert any(m.startswith("Kategorie „Zauberei“ ist unbekannt. Erlaubt sind: ") for m in messages)
    assert "Ein Kategorie-Eintrag (taxonomy_term) hat weder code noch name." in messages
    assert "Stadtteil „Atlantis“ ist unbekannt. Erlaubt sind: Altstadt I, Heißen, Saarn." in messages
    assert not any("None" in m for m in messages)
    # A foreign code falls back to the term's name.
    coded = run(city, hsds_file(attributes=[{"taxonomy_term": {"code": "OE-1102", "name": "Sport"}}]), name="a.json")
    assert coded.ok, coded.errors


def test_providers_are_matched_or_created_with_their_website(city):
    known = ProviderFactory(name="Turnverein Saarn", website="")
    columns = [*COLUMNS, "provider", "provider_website"]
    text = csv_text(
        row(provider="turnverein saarn", provider_website="https://tv-saarn.de"),
        row(external_id="q-2", provider="SV Heißen 07", provider_website="sv-heissen.de"),
        row(external_id="q-3", provider="sv heißen 07"),
        columns=columns,
    )
    checked = run(city, text, dry_run=True)
    assert checked.providers_created == ["SV Heißen 07"]
    assert "Neue Anbieter (würden angelegt): SV Heißen 07." in checked.summary()
    assert Provider.objects.count() == 1
    report = run(city, text)
    assert report.ok, report.errors
    new = Provider.objects.get(name="SV Heißen 07")
    assert (new.slug, new.website) == ("sv-heissen-07", "https://sv-heissen.de")
    assert set(OfferPage.objects.values_list("provider__name", flat=True)) == {"Turnverein Saarn", "SV Heißen 07"}
    known.refresh_from_db()
    assert known.website == "https://tv-saarn.de"
    bad = run(city, csv_text(row(provider="X", provider_website="kein link"), columns=columns))
    assert bad.errors == [("Zeile 2", "„provider_website“ ist keine Web-Adresse: kein link")]


def test_new_offers_get_german_slugs(city):
    report = run(city, csv_text(row(title="Bambini-Fußball"), row(external_id="q-2", title="Bambini-Fußball")))
    assert report.ok, report.errors
    assert sorted(OfferPage.objects.values_list("slug", flat=True)) == ["bambini-fussball", "bambini-fussball-2"]


class ImportReportDownloadTests:
    @pytest.fixture(autouse=True)
    def commits(self, django_capture_on_commit_callbacks):
        self.capture = django_capture_on_commit_callbacks

    def upload(self, client, text: str, *, dry_run: bool):
        """Upload, let the import run as it does without a broker (when the request commits), open its page."""
        data = {"file": SimpleUploadedFile("angebote.csv", text.encode(), content_type="text/csv")}
        if dry_run:
            data["dry_run"] = "on"
        with self.capture(execute=True):
            response = client.post("/admin/angebote/import/", data)
        return client.get(response["Location"])

    def test_the_officer_sees_counts_per_state_and_downloads_the_report(self, client, city):
        client.force_login(UserFactory(roles=[REDAKTION]))
        text = csv_text(row(), row(external_id="q-2", title="=HYPERLINK(1)", district="Xyz"))
        response = self.upload(client, text, dry_run=True)
        html = response.content.decode()
        assert "<li>neu: 1</li>" in html and "<li>Fehler: 1</li>" in html and "<li>aktualisiert: 0</li>" in html
        report_url = f"/admin/angebote/import/{response.context['run'].pk}/bericht.csv"
        assert f'href="{report_url}"' in html
        response = client.get(report_url)
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"].startswith('attachment; filename="importbericht-')
        lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert lines[:2] == [["Stelle", "Titel", "Status", "Meldungen"], ["Zeile 2", "Kinderturnen", "neu", ""]]
        # A title that looks like a formula stays text in a spreadsheet.
        assert lines[2] == [
            "Zeile 3",
            "'=HYPERLINK(1)",
            "Fehler",
            "Stadtteil „Xyz“ ist unbekannt. Erlaubt sind: Altstadt I, Heißen, Saarn.",
        ]

        self.upload(client, csv_text(row()), dry_run=False)
        again = self.upload(client, csv_text(row(title="Kinderturnen (neu)")), dry_run=False)
        assert "<li>aktualisiert: 1</li>" in again.content.decode()
        lines = (
            client.get(f"/admin/angebote/import/{again.context['run'].pk}/bericht.csv")
            .content.decode("utf-8-sig")
            .splitlines()
        )
        assert lines[1:] == ["Zeile 2,Kinderturnen (neu),aktualisiert,"]
        # The earlier runs keep their reports, listed on the import page.
        assert client.get(report_url).status_code == 200
        assert html.count("angebote.csv") >= 1
        assert client.get("/admin/angebote/import/").content.decode().count('href="/admin/angebote/import/') == 3

    def test_providers_cannot_download_reports(self, client, city):
        client.force_login(UserFactory(roles=[REDAKTION]))
        run_pk = self.upload(client, csv_text(row()), dry_run=True).context["run"].pk
        client.force_login(UserFactory(roles=[ANBIETER]))
        assert client.get(f"/admin/angebote/import/{run_pk}/bericht.csv").status_code in (302, 403)
        assert client.get(f"/admin/angebote/import/{run_pk}/").status_code in (302, 403)


def test_the_command_shows_progress_and_writes_the_report(tmp_path, city):
    source = tmp_path / "angebote.csv"
    source.write_text(csv_text(row(), row(external_id="q-2", title="Babytreff")), encoding="utf-8")
    out = io.StringIO()
    call_command("import_offers", str(source), "--commit", "--report", str(tmp_path / "bericht.csv"), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[:2] == ["[1/2] Zeile 2 – neu – Kinderturnen", "[2/2] Zeile 3 – neu – Babytreff"]
    assert OfferPage.objects.count() == 2
    report = (tmp_path / "bericht.csv").read_text(encoding="utf-8-sig").splitlines()
    assert report == ["Stelle,Titel,Status,Meldungen", "Zeile 2,Kinderturnen,neu,", "Zeile 3,Babytreff,neu,"]


def test_semicolon_files_from_spreadsheets_and_unknown_columns(city):
    text = "title;summary;categories;Bemerkung\nKinderturnen;Turnen.;Sport;intern\n"
    report = run(city, text)
    assert report.ok, report.errors
    assert report.rows[0].messages == ["Diese Spalten kennt der Import nicht, sie werden übergangen: Bemerkung."]
    assert OfferPage.objects.get().title == "Kinderturnen"
