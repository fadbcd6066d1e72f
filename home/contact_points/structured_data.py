"""schema.org JSON-LD for an event page: the next date as an Event, a series with its Schedule."""

from __future__ import annotations

import datetime

from home.contact_points.models import ContactPointPage, EventPage

BYDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FREQUENCY = {"weekly": "P1W", "biweekly": "P2W", "monthly": "P1M"}


def event_json_ld(
    *, event: EventPage, point: ContactPointPage, url: str, point_url: str, next_date: datetime.date | None
) -> dict:
    day = next_date or event.start_date
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": datetime.datetime.combine(day, event.start_time).isoformat(),
        "endDate": datetime.datetime.combine(day, event.end_time).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled" if next_date else "https://schema.org/EventCancelled",
        "isAccessibleForFree": event.cost.strip().lower() in ("", "kostenlos", "frei"),
        "location": {
            "@type": "Place",
            "name": point.title,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": point.street,
                "postalCode": point.postcode,
                "addressLocality": point.city,
                "addressCountry": "DE",
            },
        },
        "organizer": {"@type": "Organization", "name": point.title, "url": point_url},
    }
    if event.repeat:
        data["eventSchedule"] = {
            "@type": "Schedule",
            "startDate": event.start_date.isoformat(),
            "endDate": event.repeat_until.isoformat(),
            "startTime": event.start_time.isoformat("minutes"),
            "endTime": event.end_time.isoformat("minutes"),
            "repeatFrequency": FREQUENCY[event.repeat],
            "byDay": f"https://schema.org/{BYDAY[event.start_date.weekday()]}",
            "exceptDate": [row.date.isoformat() for row in event.cancellations.all()],
            "scheduleTimezone": "Europe/Berlin",
        }
    return data
