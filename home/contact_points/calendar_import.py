"""Dates from a contact point's calendar feed (home/calendar_feeds) as its events: a new date becomes a draft
EventPage below the contact point, a change or a cancellation a draft revision of that event; the Redaktion's
workflow decides about publishing, as for every event the team writes."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.ical import FeedDate
from core.slugs import german_slugify, unique_slug
from home.contact_points.models import ContactPointPage, ContactPointStaff, EventCancellation, EventPage
from home.contact_points.models.events import MAX_SERIES_DAYS

FROM_FEED = "laut Kalender"  # the note on cancellations the feed made, so a later change can replace them


def owned_contact_point_ids(user) -> list[int]:
    return list(ContactPointStaff.objects.filter(user=user).values_list("page_id", flat=True))


def _schedule(date: FeedDate) -> dict:
    if date.all_day or date.end_time is None:
        raise ValidationError(
            _("Eine Veranstaltung braucht Beginn und Ende; ganztägige Termine legen Sie bitte von Hand an.")
        )
    if date.end_date:
        raise ValidationError(_("Eine Veranstaltung dauert höchstens einen Tag; bitte legen Sie sie von Hand an."))
    values = {"start_date": date.start_date, "start_time": date.start_time, "end_time": date.end_time}
    if not date.weekly:
        return {**values, "repeat": EventPage.Repeat.NONE, "repeat_until": None}
    if len(date.weekdays) != 1:
        raise ValidationError(
            _("Eine Veranstaltungsreihe hat einen Wochentag; bitte legen Sie je Wochentag eine Reihe an.")
        )
    # An open-ended series runs as long as an event series may (EventPage: at most about two years).
    until = date.until or date.start_date + datetime.timedelta(days=MAX_SERIES_DAYS)
    repeat = EventPage.Repeat.WEEKLY if date.interval == 1 else EventPage.Repeat.BIWEEKLY
    return {**values, "repeat": repeat, "repeat_until": until}


def _cancellations(event: EventPage, days) -> list[EventCancellation]:
    own = [row for row in event.cancellations.all() if row.note != FROM_FEED]
    return own + [EventCancellation(date=day, note=FROM_FEED) for day in sorted(days)]


def apply_feed_date(
    *, page: ContactPointPage, date: FeedDate, previous: FeedDate | None, page_id: int | None, user
) -> EventPage:
    event = EventPage.objects.child_of(page).filter(pk=page_id).first() if page_id else None
    if event is None and date.cancelled:
        raise ValidationError(_("Zu diesem Termin gibt es keine Veranstaltung mehr."))
    if event is None:
        event = EventPage(
            title=date.title[:255],
            slug=unique_slug(
                german_slugify(date.title, max_length=60) or "termin",
                set(page.get_children().values_list("slug", flat=True)),
            ),
            summary=(date.description or date.title)[:400],
            venue=date.location[:200],
            live=False,
            owner=user,
            **_schedule(date),
        )
        event.cancellations = _cancellations(event, date.excluded)
        page.add_child(instance=event)
    else:
        event = event.get_latest_revision_as_object()
        if date.cancelled:
            yesterday = timezone.localdate() - datetime.timedelta(days=1)
            if event.repeat and yesterday >= event.start_date:
                event.repeat_until = yesterday  # the dates held so far stay in the record
            else:
                event.cancellations = [
                    *event.cancellations.all(),
                    EventCancellation(date=event.start_date, note=FROM_FEED),
                ]
        else:
            event.title = date.title[:255]
            event.venue = date.location[:200]
            for name, value in _schedule(date).items():
                setattr(event, name, value)
            event.cancellations = _cancellations(event, date.excluded)
    event.save_revision(user=user, log_action=True, clean=False)
    return event
