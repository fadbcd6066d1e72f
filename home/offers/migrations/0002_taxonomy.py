import datetime

from django.db import migrations

CATEGORIES = [
    ("Ferienbetreuung", "ferienbetreuung"),
    ("Babys & Kleinkinder", "babys-kleinkinder"),
    ("Freizeit", "freizeit"),
    ("Kultur", "kultur"),
    ("Sport", "sport"),
    ("Beratung", "beratung"),
    ("Bildung", "bildung"),
    ("Gesundheit", "gesundheit"),
]
# School holidays in North Rhine-Westphalia (Ministerium für Schule und Bildung NRW); editors add later years.
HOLIDAYS = [
    ("Herbstferien 2025", "2025-10-13", "2025-10-25"),
    ("Weihnachtsferien 2025/26", "2025-12-22", "2026-01-06"),
    ("Osterferien 2026", "2026-03-30", "2026-04-11"),
    ("Pfingstferien 2026", "2026-05-26", "2026-05-26"),
    ("Sommerferien 2026", "2026-07-20", "2026-09-01"),
    ("Herbstferien 2026", "2026-10-17", "2026-10-31"),
    ("Weihnachtsferien 2026/27", "2026-12-23", "2027-01-06"),
    ("Osterferien 2027", "2027-03-22", "2027-04-03"),
    ("Pfingstferien 2027", "2027-05-18", "2027-05-18"),
    ("Sommerferien 2027", "2027-07-19", "2027-08-31"),
    ("Herbstferien 2027", "2027-10-25", "2027-11-06"),
]


def create_taxonomy(apps, schema_editor):
    OfferCategory = apps.get_model("offers", "OfferCategory")
    HolidayPeriod = apps.get_model("offers", "HolidayPeriod")
    for order, (name, slug) in enumerate(CATEGORIES):
        OfferCategory.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    for name, start, end in HOLIDAYS:
        HolidayPeriod.objects.get_or_create(
            name=name, defaults={"start": datetime.date.fromisoformat(start), "end": datetime.date.fromisoformat(end)}
        )


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_initial")]

    operations = [migrations.RunPython(create_taxonomy, migrations.RunPython.noop)]
