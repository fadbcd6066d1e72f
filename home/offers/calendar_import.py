"""Dates from a provider's calendar feed (home/calendar_feeds) as schedule lines of one of its offers: written into
a draft revision, so the provider's usual review by the Redaktion applies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.ical import FeedDate
from home.offers.models import OfferDate, OfferPage


def owned_offer_ids(user) -> list[int]:
    return list(OfferPage.objects.filter(provider__maintainers=user).values_list("pk", flat=True))


def _lines(date: FeedDate) -> list[tuple]:
    """(start_date, end_date, weekday, start_time, end_time) for each schedule line the date becomes."""
    if date.weekly:
        if date.interval != 1:
            raise ValidationError(
                _("Ein Angebot kennt nur wöchentliche Termine; bitte tragen Sie „alle zwei Wochen“ von Hand ein.")
            )
        return [(date.start_date, date.until, day, date.start_time, date.end_time) for day in date.weekdays]
    return [(date.start_date, date.end_date, None, date.start_time, date.end_time)]


def _key(line: OfferDate) -> tuple:
    return (line.start_date, line.end_date, line.weekday, line.start_time, line.end_time)


def apply_feed_date(*, page: OfferPage, date: FeedDate, previous: FeedDate | None, page_id=None, user) -> OfferPage:
    draft = page.get_latest_revision_as_object()
    lines = list(draft.dates.all())
    gone = set(_lines(previous)) if previous else set()
    if date.cancelled:
        gone |= set(_lines(date))
    kept = [line for line in lines if _key(line) not in gone]
    if not date.cancelled:
        present = {_key(line) for line in kept}
        for start_date, end_date, weekday, start_time, end_time in _lines(date):
            if (start_date, end_date, weekday, start_time, end_time) not in present:
                kept.append(
                    OfferDate(
                        start_date=start_date,
                        end_date=end_date,
                        weekday=weekday,
                        start_time=start_time,
                        end_time=end_time,
                    )
                )
    draft.dates = kept
    # save_revision() leaves the live page's content alone; the revision waits in the workflow.
    draft.save_revision(user=user, log_action=True, clean=False)
    return draft
