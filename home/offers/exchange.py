"""Offers as open data: one neutral record per offer, written to and read from CSV and HSDS 3.0 JSON.

Reading never touches the database; it turns text into records or into errors a person can fix."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.slugs import match_key
from core.spreadsheet import csv_text, unquote_cell
from home.offers.models import OfferPage

CSV_COLUMNS = [
    "external_id",
    "title",
    "summary",
    "description",
    "provider",
    "categories",
    "age_min_months",
    "age_max_months",
    "district",
    "venue",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "dates",
    "registration_required",
    "registration_info",
    "registration_deadline",
    "places_left",
    "cost_kind",
    "price",
    "reduced_with_pass",
    "cost_note",
    "languages",
    "barrier_free",
    "accessible_toilet",
    "changing_table",
    "last_checked",
    "url",
]
BOOLEAN_FIELDS = ["registration_required", "reduced_with_pass", "barrier_free", "accessible_toilet", "changing_table"]
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
GERMAN_WEEKDAY_CODES = ["MO", "DI", "MI", "DO", "FR", "SA", "SO"]
# Reading takes German and English codes and names; they never clash (SA is Saturday in both, SO only German).
WEEKDAY_INPUT = {
    key.lower(): number
    for names in (
        WEEKDAY_CODES,
        GERMAN_WEEKDAY_CODES,
        ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    )
    for number, key in enumerate(names)
}
ACCESSIBILITY = [
    ("barrier_free", gettext_noop("Barrierefreier Zugang")),
    ("accessible_toilet", gettext_noop("Barrierefreie Toilette")),
    ("changing_table", gettext_noop("Wickeltisch")),
]
HSDS_EXTENSION = "x_familienportal"  # what HSDS has no field for: registration details, district, check date
DATE_LINE = re.compile(
    r"^(?:[Ww]:\s*(?P<weekday>[^\W\d_]+)\s+)?(?P<start>\d{4}-\d{2}-\d{2})(?:/(?P<end>\d{4}-\d{2}-\d{2}))?"
    r"(?:\s+(?P<from>\d{2}:\d{2})-(?P<to>\d{2}:\d{2}))?$"
)


@dataclass
class DateRecord:
    start_date: datetime.date
    end_date: datetime.date | None = None
    weekday: int | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None


@dataclass
class OfferRecord:
    """Everything an import may set on an offer; names follow the OfferPage fields."""

    title: str
    summary: str
    external_id: str = ""
    description: str = ""
    provider: str = ""  # the organization's name (matched case-insensitively; unknown ones are created)
    provider_website: str = ""
    categories: list[str] = field(default_factory=list)  # category names or slugs, any spelling
    # HSDS terms carry a code and a name: a foreign code that means nothing here falls back to its name.
    category_fallbacks: dict[str, str] = field(default_factory=dict)
    age_min_months: int | None = None
    age_max_months: int | None = None
    district: str = ""  # district name or slug
    venue: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""  # empty: the offer gets the portal's city when it is saved (core.address)
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    dates: list[DateRecord] = field(default_factory=list)
    registration_required: bool = False
    registration_info: str = ""
    registration_deadline: datetime.date | None = None
    places_left: int | None = None
    cost_kind: str = "kostenlos"
    price: Decimal | None = None
    reduced_with_pass: bool = False
    cost_note: str = ""
    languages: list[str] = field(default_factory=list)  # ISO 639-1 codes or language names
    barrier_free: bool = False
    accessible_toilet: bool = False
    changing_table: bool = False
    last_checked: datetime.date | None = None
    # The offer's address on the portal, as the export writes it: a provider's file finds hand-made offers by it.
    url: str = ""


@dataclass
class ParsedRow:
    """One input row: a record, or the reasons it cannot become one, with where it stood."""

    position: str
    record: OfferRecord | None = None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the import did on its own, for the officer to check


# --- writing -------------------------------------------------------------------------------


def body_text(offer: OfferPage) -> str:
    from django.utils.html import strip_tags

    parts = []
    for block in offer.body:
        if block.block_type == "paragraph":
            parts.append(strip_tags(block.value.source).strip())
    return "\n\n".join(p for p in parts if p)


def format_date_line(line) -> str:
    text = f"{line.start_date.isoformat()}" + (f"/{line.end_date.isoformat()}" if line.end_date else "")
    if line.weekday is not None:
        text = f"W:{WEEKDAY_CODES[line.weekday]} {text}"
    if line.start_time and line.end_time:
        text += f" {line.start_time:%H:%M}-{line.end_time:%H:%M}"
    return text


def offer_csv_row(offer: OfferPage, *, base_url: str) -> dict:
    return {
        "external_id": offer.external_id,
        "title": offer.title,
        "summary": offer.summary,
        "description": body_text(offer),
        "provider": offer.provider.name if offer.provider_id else "",
        "categories": ";".join(c.slug for c in offer.categories.all()),
        "age_min_months": "" if offer.age_min_months is None else offer.age_min_months,
        "age_max_months": "" if offer.age_max_months is None else offer.age_max_months,
        "district": offer.district.slug if offer.district_id else "",
        "venue": offer.venue,
        "street": offer.street,
        "postcode": offer.postcode,
        "city": offer.city,
        "latitude": "" if offer.latitude is None else offer.latitude,
        "longitude": "" if offer.longitude is None else offer.longitude,
        "dates": ";".join(format_date_line(d) for d in offer.dates.all()),
        "registration_required": "ja" if offer.registration_required else "nein",
        "registration_info": offer.registration_info,
        "registration_deadline": offer.registration_deadline.isoformat() if offer.registration_deadline else "",
        "places_left": "" if offer.places_left is None else offer.places_left,
        "cost_kind": offer.cost_kind,
        "price": "" if offer.price is None else offer.price,
        "reduced_with_pass": "ja" if offer.reduced_with_pass else "nein",
        "cost_note": offer.cost_note,
        "languages": ";".join(language.code for language in offer.languages.all()),
        "barrier_free": "ja" if offer.barrier_free else "nein",
        "accessible_toilet": "ja" if offer.accessible_toilet else "nein",
        "changing_table": "ja" if offer.changing_table else "nein",
        "last_checked": offer.last_checked.isoformat(),
        "url": base_url + offer.url,
    }


def offers_to_csv(offers, *, base_url: str) -> str:
    # Text that a spreadsheet would run as a formula is quoted (core.spreadsheet); parse_csv takes the quote off.
    return csv_text((offer_csv_row(offer, base_url=base_url) for offer in offers), fieldnames=CSV_COLUMNS)


def _years(months: int | None) -> float | None:
    return None if months is None else round(months / 12, 2)


# --- reading ---------------------------------------------------------------------------------


class _Reader:
    """Collects every problem of one row instead of stopping at the first."""

    def __init__(self):
        self.errors: list[str] = []

    def text(self, value, name: str, *, required=False, max_length: int | None = None) -> str:
        value = "" if value is None else str(value).strip()
        if required and not value:
            self.errors.append(_("„%(field)s“ fehlt.") % {"field": name})
        if max_length and len(value) > max_length:
            self.errors.append(_("„%(field)s“ ist länger als %(max)s Zeichen.") % {"field": name, "max": max_length})
        return value

    def integer(self, value, name: str) -> int | None:
        if value in (None, ""):
            return None
        try:
            number = int(str(value).strip())
        except ValueError:
            self.errors.append(_("„%(field)s“ ist keine ganze Zahl: %(value)s") % {"field": name, "value": value})
            return None
        if number < 0:
            self.errors.append(_("„%(field)s“ darf nicht negativ sein.") % {"field": name})
            return None
        return number

    def decimal(self, value, name: str, *, low=None, high=None) -> Decimal | None:
        if value in (None, ""):
            return None
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            self.errors.append(_("„%(field)s“ ist keine Zahl: %(value)s") % {"field": name, "value": value})
            return None
        if (low is not None and number < low) or (high is not None and number > high):
            self.errors.append(
                _("„%(field)s“ liegt außerhalb von %(low)s bis %(high)s.") % {"field": name, "low": low, "high": high}
            )
            return None
        return number

    def _iso(self, value, name: str, parse, message: str):
        if value in (None, ""):
            return None
        try:
            return parse(str(value).strip())
        except ValueError:
            self.errors.append(message % {"field": name, "value": value})
            return None

    def date(self, value, name: str) -> datetime.date | None:
        return self._iso(
            value, name, datetime.date.fromisoformat, _("„%(field)s“ ist kein Datum (JJJJ-MM-TT): %(value)s")
        )

    def boolean(self, value, name: str) -> bool:
        if isinstance(value, bool):
            return value
        text = "" if value is None else str(value).strip().lower()
        if text in ("ja", "true", "1", "x", "yes"):
            return True
        if text in ("", "nein", "false", "0", "no"):
            return False
        self.errors.append(_("„%(field)s“ muss ja oder nein sein: %(value)s") % {"field": name, "value": value})
        return False

    def time(self, value, name: str) -> datetime.time | None:
        return self._iso(
            value, name, datetime.time.fromisoformat, _("„%(field)s“ ist keine Uhrzeit (HH:MM): %(value)s")
        )

    def date_line(self, text: str) -> DateRecord | None:
        match = DATE_LINE.match(text.strip())
        if not match:
            self.errors.append(
                _(
                    "Termin „%(value)s“ ist nicht lesbar (Beispiel: 2026-10-19/2026-10-23 08:00-16:00 oder W:DI 2026-09-01/2027-06-30 15:00-16:00)."
                )
                % {"value": text}
            )
            return None
        line = DateRecord(
            start_date=self.date(match["start"], _("Termin")),
            end_date=self.date(match["end"], _("Termin")),
            weekday=self.weekday(match["weekday"], text) if match["weekday"] else None,
            start_time=self.time(match["from"], _("Termin")),
            end_time=self.time(match["to"], _("Termin")),
        )
        return self.check_date_line(line, text)

    def weekday(self, code: str, text: str) -> int | None:
        number = WEEKDAY_INPUT.get(str(code).strip().lower())
        if number is None:
            self.errors.append(
                _(
                    "Termin „%(value)s“: Wochentag „%(code)s“ ist unbekannt. Erlaubt sind: %(german)s "
                    "(englisch auch %(english)s)."
                )
                % {
                    "value": text,
                    "code": code,
                    "german": ", ".join(GERMAN_WEEKDAY_CODES),
                    "english": ", ".join(WEEKDAY_CODES),
                }
            )
        return number

    def url(self, value, name: str) -> str:
        text = self.text(value, name, max_length=200)
        if not text:
            return ""
        if "://" not in text:
            text = f"https://{text}"  # "www.verein.de", as people write it
        try:
            URLValidator(schemes=["http", "https"])(text)
        except ValidationError:
            self.errors.append(_("„%(field)s“ ist keine Web-Adresse: %(value)s") % {"field": name, "value": value})
            return ""
        return text

    def cost_kind(self, value, name: str, *, price: Decimal | None) -> str:
        text = self.text(value, name)
        if not text:
            # A price without a kind is a price; nothing at all means free, as in the export.
            return OfferPage.CostKind.PRICE if price is not None else OfferPage.CostKind.FREE
        kind = COST_KIND_INPUT.get(match_key(text))
        if kind is None:
            self.errors.append(
                _("Kostenart „%(value)s“ ist unbekannt. Erlaubt sind: %(allowed)s.")
                % {"value": text, "allowed": allowed_cost_kinds()}
            )
            return text
        return kind

    def check_date_line(self, line: DateRecord, text: str) -> DateRecord | None:
        if line.start_date is None:
            return None
        if line.end_date and line.end_date < line.start_date:
            self.errors.append(_("Termin „%(value)s“ endet vor seinem Anfang.") % {"value": text})
        if line.start_time and line.end_time and line.end_time <= line.start_time:
            self.errors.append(_("Termin „%(value)s“: Die Endzeit liegt vor der Anfangszeit.") % {"value": text})
        return line


# Other sources say "Kosten auf Anfrage" or "kostenpflichtig"; each kind is known by its value and German label.
COST_KIND_INPUT = {
    match_key(alias): kind
    for kind, aliases in {
        OfferPage.CostKind.FREE: ["kostenlos", "gratis", "frei", "free"],
        OfferPage.CostKind.PRICE: ["preis", "kostenpflichtig", "price"],
        OfferPage.CostKind.DONATION: ["spende", "gegen Spende", "donation"],
        OfferPage.CostKind.ON_REQUEST: ["auf-anfrage", "Kosten auf Anfrage", "auf Anfrage", "Preis auf Anfrage"],
    }.items()
    for alias in aliases
}


def allowed_cost_kinds() -> str:
    return ", ".join(f"{kind.value} ({kind.label})" for kind in OfferPage.CostKind)


def derive_summary(description: str, *, max_length: int = 300) -> str:
    """A short text for a source with only one description: its first sentence, or its start cut at a word."""
    text = " ".join(description.split())
    if not text:
        return ""
    first = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„\"(])", text, maxsplit=1)[0]
    if len(first) <= max_length:
        return first
    cut = text[: max_length - 1]
    if " " in cut and not text[max_length - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def _finish(reader: _Reader, record: OfferRecord) -> OfferRecord:
    if record.cost_kind == OfferPage.CostKind.PRICE and record.price is None:
        reader.errors.append(_("Für ein kostenpflichtiges Angebot fehlt der Preis."))
    if (
        record.age_min_months is not None
        and record.age_max_months is not None
        and record.age_max_months < record.age_min_months
    ):
        reader.errors.append(_("Das Höchstalter liegt unter dem Mindestalter."))
    if (record.latitude is None) != (record.longitude is None):
        reader.errors.append(_("Breiten- und Längengrad gehören zusammen."))
    return record


def _split(value) -> list[str]:
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def _summary(check: _Reader, value, *, description: str, name: str, notes: list[str]) -> str:
    summary = check.text(value, name, max_length=300)
    if summary:
        return summary
    summary = derive_summary(description)
    if summary:
        notes.append(_("Die Kurzbeschreibung wurde aus der Beschreibung gebildet."))
    else:
        check.errors.append(
            _("„%(field)s“ fehlt (oder eine Beschreibung, aus der sie gebildet werden kann).") % {"field": name}
        )
    return summary


# Columns only the import reads (the export has no place for them).
CSV_IMPORT_COLUMNS = [*CSV_COLUMNS, "provider_website"]


def _csv_dialect(text: str) -> str:
    # Spreadsheets set to German save with semicolons; the export and most tools use commas.
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def parse_csv(text: str) -> list[ParsedRow]:
    """Rows of a CSV file in the export's columns; positions are the file's line numbers (header = line 1)."""
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text), delimiter=_csv_dialect(text))
    columns = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = columns
    if "title" not in columns:
        return [
            ParsedRow(
                position=_("Zeile 1"),
                errors=[
                    _("Die Kopfzeile braucht die Spalte title. Bekannte Spalten: %(columns)s.")
                    % {"columns": ", ".join(CSV_IMPORT_COLUMNS)}
                ],
            )
        ]
    unknown = [name for name in columns if name and name not in CSV_IMPORT_COLUMNS]
    rows = []
    for row in reader:
        row = {name: unquote_cell(value) for name, value in row.items()}  # undoes core.spreadsheet.safe_cell
        check = _Reader()
        notes: list[str] = []
        if None in row:
            check.errors.append(_("Die Zeile hat mehr Spalten als die Kopfzeile."))
        if unknown and not rows:
            notes.append(
                _("Diese Spalten kennt der Import nicht, sie werden übergangen: %(columns)s.")
                % {"columns": ", ".join(unknown)}
            )
        description = check.text(row.get("description"), "description")
        price = check.decimal(row.get("price"), "price", low=0, high=99999)
        record = OfferRecord(
            external_id=check.text(row.get("external_id"), "external_id", max_length=100),
            title=check.text(row.get("title"), "title", required=True, max_length=255),
            summary=_summary(check, row.get("summary"), description=description, name="summary", notes=notes),
            description=description,
            provider=check.text(row.get("provider"), "provider", max_length=200),
            provider_website=check.url(row.get("provider_website"), "provider_website"),
            categories=_split(row.get("categories")),
            age_min_months=check.integer(row.get("age_min_months"), "age_min_months"),
            age_max_months=check.integer(row.get("age_max_months"), "age_max_months"),
            district=check.text(row.get("district"), "district"),
            venue=check.text(row.get("venue"), "venue", max_length=200),
            street=check.text(row.get("street"), "street", max_length=200),
            postcode=check.text(row.get("postcode"), "postcode", max_length=10),
            city=check.text(row.get("city"), "city", max_length=100),
            latitude=check.decimal(row.get("latitude"), "latitude", low=-90, high=90),
            longitude=check.decimal(row.get("longitude"), "longitude", low=-180, high=180),
            dates=[line for text in _split(row.get("dates")) if (line := check.date_line(text))],
            registration_info=check.text(row.get("registration_info"), "registration_info", max_length=500),
            registration_deadline=check.date(row.get("registration_deadline"), "registration_deadline"),
            places_left=check.integer(row.get("places_left"), "places_left"),
            cost_kind=check.cost_kind(row.get("cost_kind"), "cost_kind", price=price),
            price=price,
            cost_note=check.text(row.get("cost_note"), "cost_note", max_length=200),
            languages=_split(row.get("languages")),
            last_checked=check.date(row.get("last_checked"), "last_checked"),
            url=check.text(row.get("url"), "url", max_length=500),
            **{name: check.boolean(row.get(name), name) for name in BOOLEAN_FIELDS},
        )
        _finish(check, record)
        rows.append(
            ParsedRow(
                position=_("Zeile %(line)s") % {"line": reader.line_num},
                record=record,
                errors=check.errors,
                notes=notes,
            )
        )
    return rows


def _hsds_dates(check: _Reader, schedules) -> list[DateRecord]:
    dates = []
    for schedule in schedules or []:
        if not isinstance(schedule, dict):
            check.errors.append(_("Ein Termin (schedules) ist kein Objekt."))
            continue
        byday = schedule.get("byday") if str(schedule.get("freq") or "").upper() == "WEEKLY" else None
        # RFC 5545 allows several days ("TU,TH"): each becomes a weekly line of its own.
        codes = [part.strip() for part in str(byday).split(",") if part.strip()] if byday else [None]
        start = check.date(schedule.get("valid_from"), "valid_from")
        end = check.date(schedule.get("valid_to"), "valid_to")
        if start is None:
            check.errors.append(_("Ein Termin hat kein valid_from."))
            continue
        for code in codes:
            weekday = None if code is None else check.weekday(code, f"byday {byday}")
            if code is not None and weekday is None:
                continue
            line = DateRecord(
                start_date=start,
                end_date=None if weekday is None and end == start else end,
                weekday=weekday,
                start_time=check.time(schedule.get("opens_at"), "opens_at"),
                end_time=check.time(schedule.get("closes_at"), "closes_at"),
            )
            if checked := check.check_date_line(line, str(schedule.get("valid_from"))):
                dates.append(checked)
    return dates


def _hsds_categories(check: _Reader, attributes) -> tuple[list[str], dict[str, str]]:
    """Category codes (or names, where a term has no code) and, per code, the name to try when the code is foreign."""
    values, fallbacks = [], {}
    for attribute in attributes or []:
        term = attribute.get("taxonomy_term") if isinstance(attribute, dict) else None
        if not isinstance(term, dict):
            continue
        code, name = (str(term.get(key) or "").strip() for key in ("code", "name"))
        if not (code or name):
            check.errors.append(_("Ein Kategorie-Eintrag (taxonomy_term) hat weder code noch name."))
            continue
        values.append(code or name)
        if code and name:
            fallbacks[code] = name
    return values, fallbacks


def _hsds_district(extra: dict, service: dict, notes: list[str]) -> str:
    """Our own extension's slug, else HSDS's place for it: the first named service area."""
    if extra.get("district"):
        return str(extra["district"]).strip()
    areas = [
        str(area.get("name") or "").strip() for area in service.get("service_areas") or [] if isinstance(area, dict)
    ]
    areas = [area for area in areas if area]
    if len(areas) > 1:
        notes.append(
            _("Ein Angebot hat einen Stadtteil; übernommen wird „%(first)s“, nicht: %(others)s.")
            % {"first": areas[0], "others": ", ".join(areas[1:])}
        )
    return areas[0] if areas else ""


def parse_hsds(data) -> list[ParsedRow]:
    """HSDS 3.0 services (a list, or an object with "services" or "contents"), as the export writes them."""
    if isinstance(data, dict):
        data = data.get("services", data.get("contents"))
    if not isinstance(data, list):
        return [ParsedRow(position=_("Datei"), errors=[_("Erwartet wird eine Liste von HSDS-Services.")])]
    rows = []
    for number, service in enumerate(data, start=1):
        position = _("Eintrag %(number)s") % {"number": number}
        if not isinstance(service, dict):
            rows.append(ParsedRow(position=position, errors=[_("Der Eintrag ist kein Objekt.")]))
            continue
        check = _Reader()
        notes: list[str] = []
        extra = service.get(HSDS_EXTENSION) or {}
        organization = service.get("organization") or {}
        location = ((service.get("service_at_locations") or [{}])[0] or {}).get("location") or {}
        address = (location.get("addresses") or [{}])[0] or {}
        cost = (service.get("cost_options") or [{}])[0] or {}
        accessible = {item.get("details") for item in location.get("accessibility") or [] if isinstance(item, dict)}
        age = {}
        for key, hsds_key in (("age_min_months", "minimum_age"), ("age_max_months", "maximum_age")):
            years = check.decimal(service.get(hsds_key), hsds_key, low=0, high=99)
            age[key] = None if years is None else int((years * 12).to_integral_value())
        description = check.text(service.get("description"), "description")
        categories, fallbacks = _hsds_categories(check, service.get("attributes"))
        price = check.decimal(cost.get("amount"), "cost_options.amount", low=0, high=99999)
        record = OfferRecord(
            # The service's id is the source's key: a second import of the same file updates, never duplicates.
            external_id=check.text(extra.get("external_id") or service.get("id"), "id", max_length=100),
            title=check.text(service.get("name"), "name", required=True, max_length=255),
            summary=_summary(
                check, service.get("alternate_name"), description=description, name="alternate_name", notes=notes
            ),
            description=description,
            provider=check.text(organization.get("name"), "organization.name", max_length=200),
            provider_website=check.url(organization.get("website") or organization.get("url"), "organization.website"),
            categories=categories,
            category_fallbacks=fallbacks,
            district=_hsds_district(extra, service, notes),
            venue=check.text(location.get("name"), "location.name", max_length=200),
            street=check.text(address.get("address_1"), "address_1", max_length=200),
            postcode=check.text(address.get("postal_code"), "postal_code", max_length=10),
            city=check.text(address.get("city"), "city", max_length=100),
            latitude=check.decimal(location.get("latitude"), "latitude", low=-90, high=90),
            longitude=check.decimal(location.get("longitude"), "longitude", low=-180, high=180),
            dates=_hsds_dates(check, service.get("schedules")),
            registration_required=check.boolean(extra.get("registration_required"), "registration_required"),
            registration_info=check.text(service.get("application_process"), "application_process", max_length=500),
            registration_deadline=check.date(extra.get("registration_deadline"), "registration_deadline"),
            places_left=check.integer(extra.get("places_left"), "places_left"),
            cost_kind=check.cost_kind(cost.get("option"), "cost_options.option", price=price),
            price=price,
            reduced_with_pass=check.boolean(extra.get("reduced_with_pass"), "reduced_with_pass"),
            cost_note=check.text(cost.get("amount_description"), "amount_description", max_length=200),
            languages=[
                str(language.get("code") or language.get("name") or "")
                for language in service.get("languages") or []
                if isinstance(language, dict) and (language.get("code") or language.get("name"))
            ],
            barrier_free="barrier_free" in accessible,
            accessible_toilet="accessible_toilet" in accessible,
            changing_table="changing_table" in accessible,
            last_checked=check.date(extra.get("last_checked"), "last_checked"),
            url=check.text(service.get("url"), "url", max_length=500),
            **age,
        )
        _finish(check, record)
        rows.append(ParsedRow(position=position, record=record, errors=check.errors, notes=notes))
    return rows


def parse_upload(*, name: str, content: bytes) -> list[ParsedRow]:
    """Turn an uploaded or given file into rows; undecodable input becomes one error, not an exception."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [ParsedRow(position=_("Datei"), errors=[_("Die Datei ist nicht in UTF-8 kodiert.")])]
    if name.lower().endswith(".json"):
        try:
            return parse_hsds(json.loads(text))
        except json.JSONDecodeError as error:
            return [
                ParsedRow(
                    position=_("Zeile %(line)s") % {"line": error.lineno},
                    errors=[_("Kein gültiges JSON: %(msg)s") % {"msg": error.msg}],
                )
            ]
    return parse_csv(text)
