"""Writes of the Merkliste: keep or drop a page, take over a guest's list, the calendar address."""

from __future__ import annotations

import secrets
import uuid

from django.db import transaction
from wagtail.models import Page

from community.bookmarks.models import Bookmark, CalendarFeed
from community.bookmarks.selectors import MAX_GUEST_KEYS, SAVED, bookmarkable_entry, entries
from core.member_cache import member_value_changed


class BookmarkRefused(Exception):
    """The page is not live or not of a kind that can be kept."""


def bookmark_add(*, user, page: Page) -> tuple[Bookmark, bool]:
    """Keep `page` on the member's list (once for all its languages); returns the row and whether it is new."""
    if not page.live or bookmarkable_entry(page) is None:
        raise BookmarkRefused(page.pk)
    return Bookmark.objects.get_or_create(user=user, translation_key=page.translation_key, defaults={"page": page})


def bookmark_remove(*, user, translation_key: uuid.UUID) -> bool:
    deleted, _by_model = Bookmark.objects.filter(user=user, translation_key=translation_key).delete()
    return bool(deleted)


@transaction.atomic
def bookmarks_merge(*, user, keys: list[uuid.UUID]) -> int:
    """Take over a guest's list after login: every live page of a kind that can be kept; returns how many are new."""
    keys = keys[:MAX_GUEST_KEYS]
    known = set(Bookmark.objects.filter(user=user, translation_key__in=keys).values_list("translation_key", flat=True))
    wanted = [key for key in keys if key not in known]
    pages: dict[uuid.UUID, Page] = {}
    for _entry, model in entries():
        for page in model.objects.live().filter(translation_key__in=wanted).order_by("locale_id"):
            pages.setdefault(page.translation_key, page)
    Bookmark.objects.bulk_create(
        [Bookmark(user=user, page=pages[key], translation_key=key) for key in wanted if key in pages],
        ignore_conflicts=True,
    )
    member_value_changed(SAVED, user.pk)  # bulk_create sends no signal
    return sum(1 for key in wanted if key in pages)


def feed_token_reset(*, user) -> CalendarFeed:
    """A new secret address for the member's calendar; the old one stops working at once."""
    feed, _created = CalendarFeed.objects.update_or_create(user=user, defaults={"token": secrets.token_urlsafe(32)})
    return feed
