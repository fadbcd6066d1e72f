"""Offers as open data: one neutral record per offer, written to and read from CSV and HSDS 3.0 JSON.

Reading never touches the database; it turns text into records or into errors a person can fix."""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

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
ACCESSIBILITY = [
    ("barrier_free", gettext_noop("Barrierefreier Zugang")),
    ("accessible_toilet", gettext_noop("Barrierefreie Toilette")),
    ("changing_table", gettext_noop("Wickeltisch")),
]
HSDS_EXTENSION = "x_familienportal"  # what HSDS has no field for: registration details, district, check date
DATE_LINE = re.compile(
    r"^(?:W:(?P<weekday>MO|TU|WE|TH|FR|SA|SU)\s+)?(?P<start>\d{4}-\d{2}-\d{2})(?:/(?P<end>\d{4}-\d{2}-\d{2}))?"
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
    provider: str = ""  # the organization's name
    categories: list[str] = field(default_factory=list)  # category slugs
    age_min_months: int | None = None
    age_max_months: int | None = None
    district: str = ""  # district slug
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
    languages: list[str] = field(default_factory=list)  # ISO 639-1 codes
    barrier_free: bool = False
    accessible_toilet: bool = False
    changing_table: bool = False
    last_checked: datetime.date | None = None


@dataclass
class ParsedRow:
    """One input row: a record, or the reasons it cannot become one, with where it stood."""

    position: str
    record: OfferRecord | None = None
    errors: list[str] = field(default_factory=list)


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
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for offer in offers:
        writer.writerow(offer_csv_row(offer, base_url=base_url))
    return out.getvalue()


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
                    "Termin „%(value)s“ ist nicht lesbar (Beispiel: 2026-10-19/2026-10-23 08:00-16:00 oder W:MO 2026-09-01 15:00-16:00)."
                )
                % {"value": text}
            )
            return None
        line = DateRecord(
            start_date=self.date(match["start"], _("Termin")),
            end_date=self.date(match["end"], _("Termin")),
            weekday=WEEKDAY_CODES.index(match["weekday"]) if match["weekday"] else None,
            start_time=self.time(match["from"], _("Termin")),
            end_time=self.time(match["to"], _("Termin")),
        )
        return self.check_date_line(line, text)

    def check_date_line(self, line: DateRecord, text: str) -> DateRecord | None:
        if line.start_date is None:
            return None
        if line.end_date and line.end_date < line.start_date:
            self.errors.append(_("Termin „%(value)s“ endet vor seinem Anfang.") % {"value": text})
        if line.start_time and line.end_time and line.end_time <= line.start_time:
            self.errors.append(_("Termin „%(value)s“: Die Endzeit liegt vor der Anfangszeit.") % {"value": text})
        return line


def _finish(reader: _Reader, record: OfferRecord) -> OfferRecord:
    if record.cost_kind not in OfferPage.CostKind.values:
        reader.errors.append(
            _("Unbekannte Kostenart „%(value)s“ (erlaubt: %(allowed)s).")
            % {"value": record.cost_kind, "allowed": ", ".join(OfferPage.CostKind.values)}
        )
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


def parse_csv(text: str) -> list[ParsedRow]:
    """Rows of a CSV file in the export's columns; positions are the file's line numbers (header = line 1)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = {"title", "summary"} - set(reader.fieldnames or [])
    if missing:
        return [ParsedRow(position=_("Zeile 1"), errors=[_("Die Kopfzeile braucht die Spalten title und summary.")])]
    rows = []
    for row in reader:
        check = _Reader()
        if None in row:
            check.errors.append(_("Die Zeile hat mehr Spalten als die Kopfzeile."))
        record = OfferRecord(
            external_id=check.text(row.get("external_id"), "external_id", max_length=100),
            title=check.text(row.get("title"), "title", required=True, max_length=255),
            summary=check.text(row.get("summary"), "summary", required=True, max_length=300),
            description=check.text(row.get("description"), "description"),
            provider=check.text(row.get("provider"), "provider"),
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
            cost_kind=check.text(row.get("cost_kind"), "cost_kind") or "kostenlos",
            price=check.decimal(row.get("price"), "price", low=0, high=99999),
            cost_note=check.text(row.get("cost_note"), "cost_note", max_length=200),
            languages=_split(row.get("languages")),
            last_checked=check.date(row.get("last_checked"), "last_checked"),
            **{name: check.boolean(row.get(name), name) for name in BOOLEAN_FIELDS},
        )
        _finish(check, record)
        rows.append(
            ParsedRow(position=_("Zeile %(line)s") % {"line": reader.line_num}, record=record, errors=check.errors)
        )
    return rows


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
        extra = service.get(HSDS_EXTENSION) or {}
        location = ((service.get("service_at_locations") or [{}])[0] or {}).get("location") or {}
        address = (location.get("addresses") or [{}])[0] or {}
        cost = (service.get("cost_options") or [{}])[0] or {}
        accessible = {item.get("details") for item in location.get("accessibility") or [] if isinstance(item, dict)}
        dates = []
        for schedule in service.get("schedules") or []:
            weekday = schedule.get("byday") if schedule.get("freq") == "WEEKLY" else None
            if weekday is not None and weekday not in WEEKDAY_CODES:
                check.errors.append(_("Unbekannter Wochentag „%(value)s“.") % {"value": weekday})
                continue
            start = check.date(schedule.get("valid_from"), "valid_from")
            end = check.date(schedule.get("valid_to"), "valid_to")
            line = DateRecord(
                start_date=start,
                end_date=None if weekday is None and end == start else end,
                weekday=None if weekday is None else WEEKDAY_CODES.index(weekday),
                start_time=check.time(schedule.get("opens_at"), "opens_at"),
                end_time=check.time(schedule.get("closes_at"), "closes_at"),
            )
            if start is None:
                check.errors.append(_("Ein Termin hat kein valid_from."))
            elif checked := check.check_date_line(line, str(schedule.get("valid_from"))):
                dates.append(checked)
        age = {}
        for key, hsds_key in (("age_min_months", "minimum_age"), ("age_max_months", "maximum_age")):
            years = check.decimal(service.get(hsds_key), hsds_key, low=0, high=99)
            age[key] = None if years is None else int((years * 12).to_integral_value())
        record = OfferRecord(
            external_id=check.text(extra.get("external_id"), "external_id", max_length=100),
            title=check.text(service.get("name"), "name", required=True, max_length=255),
            # Foreign HSDS files rarely have a short text: the description's start stands in for it.
            summary=check.text(
                service.get("alternate_name") or Truncator(service.get("description") or "").chars(300),
                "alternate_name",
                required=True,
                max_length=300,
            ),
            description=check.text(service.get("description"), "description"),
            provider=check.text((service.get("organization") or {}).get("name"), "organization.name"),
            categories=[
                str(a["taxonomy_term"].get("code"))
                for a in service.get("attributes") or []
                if isinstance(a, dict) and isinstance(a.get("taxonomy_term"), dict)
            ],
            district=check.text(extra.get("district"), "district"),
            venue=check.text(location.get("name"), "location.name", max_length=200),
            street=check.text(address.get("address_1"), "address_1", max_length=200),
            postcode=check.text(address.get("postal_code"), "postal_code", max_length=10),
            city=check.text(address.get("city"), "city", max_length=100),
            latitude=check.decimal(location.get("latitude"), "latitude", low=-90, high=90),
            longitude=check.decimal(location.get("longitude"), "longitude", low=-180, high=180),
            dates=dates,
            registration_required=check.boolean(extra.get("registration_required"), "registration_required"),
            registration_info=check.text(service.get("application_process"), "application_process", max_length=500),
            registration_deadline=check.date(extra.get("registration_deadline"), "registration_deadline"),
            places_left=check.integer(extra.get("places_left"), "places_left"),
            cost_kind=check.text(cost.get("option"), "cost_options.option") or "kostenlos",
            price=check.decimal(cost.get("amount"), "cost_options.amount", low=0, high=99999),
            reduced_with_pass=check.boolean(extra.get("reduced_with_pass"), "reduced_with_pass"),
            cost_note=check.text(cost.get("amount_description"), "amount_description", max_length=200),
            languages=[
                str(language.get("code")) for language in service.get("languages") or [] if isinstance(language, dict)
            ],
            barrier_free="barrier_free" in accessible,
            accessible_toilet="accessible_toilet" in accessible,
            changing_table="changing_table" in accessible,
            last_checked=check.date(extra.get("last_checked"), "last_checked"),
            **age,
        )
        _finish(check, record)
        rows.append(ParsedRow(position=position, record=record, errors=check.errors))
    return rows
