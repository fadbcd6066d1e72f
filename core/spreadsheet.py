"""Spreadsheet exports that cannot run formulas (CSV injection): every CSV/XLSX the portal writes goes through here.

A cell whose text begins with =, +, -, @, a tab or a carriage return is read as a formula by Excel and LibreOffice.
OWASP's advice (https://owasp.org/www-community/attacks/CSV_Injection) is to prefix such text with a single quote,
which spreadsheets show as "this is text". Numbers stay numbers: only `str` values are ever changed, so a column of
real numbers (ages, prices, coordinates) keeps -3 as -3.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _starts_formula(text: str) -> bool:
    # Text that already begins with quotes before a formula character gets one more, so that unquote_cell gives back
    # exactly what was exported (a title "'=x" is exported as "''=x" and imported as "'=x").
    return text.lstrip("'").startswith(FORMULA_STARTS)


def safe_cell(value):
    """The value for a CSV cell: text that a spreadsheet would run as a formula gets a leading ' (OWASP)."""
    if isinstance(value, str) and _starts_formula(value):
        return "'" + value
    return value


def unquote_cell(value):
    """The inverse of safe_cell for imports: one leading ' before a formula character goes again."""
    if isinstance(value, str) and value.startswith("'") and _starts_formula(value):
        return value[1:]
    return value


def csv_text(rows: Iterable[dict], *, fieldnames: list[str]) -> str:
    """A CSV file with a header line; every cell passes safe_cell."""
    out = io.StringIO(newline="")
    # RFC 4180's CRLF: Python's csv module quotes only fields holding a character of the line terminator, so with a
    # bare "\n" a carriage return inside a cell would be written unquoted and split the row for every reader.
    writer = csv.DictWriter(out, fieldnames=fieldnames, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: safe_cell(value) for name, value in row.items()})
    return out.getvalue()


def protect_xlsx_cell(cell) -> None:
    """An XLSX cell holding text that looks like a formula: stored as text and marked "quote prefix".

    In XLSX the type of a cell is explicit, so a text cell never runs; the quotePrefix style (what Excel sets when
    someone types ' before a value) keeps it text when a person edits the cell. The text itself stays unchanged, so
    nothing shows a stray quote.
    """
    if isinstance(cell.value, str) and _starts_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def install_wagtail_export_guard() -> None:
    """Every admin export (Wagtail's reports, viewsets with list_export) neutralises formulas in CSV and XLSX.

    Wagtail's SpreadsheetExportMixin writes CSV cells as they are and only retypes XLSX text starting with "=".
    Its reports (site history, locked and aging pages, workflows) are Wagtail's own views, so the guard goes on the
    mixin itself, through its documented per-value hook and around its XLSX row generator.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_portal_guarded", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    generate_xlsx_row = SpreadsheetExportMixin.generate_xlsx_row

    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value

    def guarded_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in generate_xlsx_row(self, worksheet, row_dict, date_format=date_format):
            protect_xlsx_cell(cell)
            yield cell

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = guarded_xlsx_row
    SpreadsheetExportMixin._portal_guarded = True
