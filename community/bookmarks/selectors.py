"""Reads of the Merkliste: which pages may be kept, a member's or a guest's list in the reader's language, the feed."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from wagtail.models import Locale, Page

from community.bookmarks.models import Bookmark, CalendarFeed
from core.ical import new_calendar
from core.member_cache import fact, member_value
from core.registry import Bookmarkable, bookmarkable

MAX_GUEST_KEYS = 200  # a device's list is sent in the query string: enough for any family, small enough for a URL


@dataclass
class BookmarkItem:
    page: Any  # the specific page in the reader's language, else the one that was saved
    key: uuid.UUID
    foreign_text: bool  # the page's text is not in the reader's language (an alias or a fallback)


@dataclass
class BookmarkGroup:
    entry: Bookmarkable
    items: list[BookmarkItem] = field(default_factory=list)


def entries() -> list[tuple[Bookmarkable, type[Page]]]:
    """The registered kinds whose app is installed, with their page class."""
    found = []
    for entry in bookmarkable:
        try:
            found.append((entry, apps.get_model(entry.model)))
        except LookupError:
            continue
    return found


def bookmarkable_entry(page: Page) -> Bookmarkable | None:
    """The registry entry of this page's type, or None when this kind of page cannot be kept."""
    page_class = page.specific_class
    return next((entry for entry, model in entries() if model is page_class), None)


def parse_keys(values: Iterable[str]) -> list[uuid.UUID]:
    """Translation keys from a guest's device, in order, without duplicates or garbage."""
    keys: list[uuid.UUID] = []
    for value in values:
        for part in str(value).split(","):
            try:
                key = uuid.UUID(part.strip())
            except ValueError:
                continue
            if key not in keys:
                keys.append(key)
                if len(keys) == MAX_GUEST_KEYS:  # a longer list is not read at all
                    return keys
    return keys


def saved_keys(*, user) -> set[uuid.UUID]:
    return set(Bookmark.objects.filter(user=user).values_list("translation_key", flat=True))


SAVED = fact("bookmarks")


def is_saved(*, user, page: Page) -> bool:
    """Every page with a "Merken" button asks: the member's saved keys are kept until their Merkliste changes
    (services.py and the signals in apps.py say so)."""
    if not user.is_authenticated:
        return False
    return page.translation_key in member_value(SAVED, user.pk, lambda: saved_keys(user=user))


def _groups(keys: list[uuid.UUID], saved_page_ids: dict[uuid.UUID, int]) -> list[BookmarkGroup]:
    """One group per kind, each item in the active language where a version of it is live: one query per kind,
    however long the list."""
    if not keys:
        return []
    active = Locale.get_active()
    default_language = settings.LANGUAGE_CODE
    position = {key: index for index, key in enumerate(keys)}
    groups = []
    for entry, model in entries():
        versions: dict[uuid.UUID, list[Page]] = {}
        for page in model.objects.live().filter(translation_key__in=keys).select_related("locale"):
            versions.setdefault(page.translation_key, []).append(page)
        items = []
        for key, pages in versions.items():
            chosen = (
                next((p for p in pages if p.locale_id == active.pk), None)
                or next((p for p in pages if p.pk == saved_page_ids.get(key)), None)
                or next((p for p in pages if p.locale.language_code == default_language), None)
                or pages[0]
            )
            # An alias shows the German text of its original (the translations app marks it the same way).
            foreign = chosen.locale_id != active.pk or bool(chosen.alias_of_id)
            items.append(BookmarkItem(page=chosen, key=key, foreign_text=foreign))
        if items:
            items.sort(key=lambda item: position[item.key])
            groups.append(BookmarkGroup(entry=entry, items=items))
    return groups


def bookmark_groups_of(*, user) -> list[BookmarkGroup]:
    """A member's Merkliste, newest first within each kind; pages no longer live are left out."""
    rows = list(Bookmark.objects.filter(user=user).values_list("translation_key", "page_id"))
    return _groups([key for key, _page in rows], dict(rows))


def guest_groups(*, keys: list[uuid.UUID]) -> list[BookmarkGroup]:
    """The list a guest keeps on their device (translation keys), resolved like a member's."""
    return _groups(keys, {})


def feed_of(*, user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def feed_owner(*, token: str):
    feed = CalendarFeed.objects.filter(token=token).select_related("user").first()
    return feed.user if feed is not None and feed.user.is_active else None


def feed_calendar(*, user, name: str, base_url: str) -> bytes:
    """The dates of everything on the member's list that has dates (offers, events), as one iCalendar."""
    calendar = new_calendar(product="Merkliste", name=name)
    for group in bookmark_groups_of(user=user):
        if group.entry.calendar_events is None:
            continue
        for event in group.entry.calendar_events([item.page for item in group.items], base_url):
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def export(user) -> dict:
    """The Merkliste in the data download: what was kept and when, and whether a calendar address exists."""
    rows = Bookmark.objects.filter(user=user).select_related("page").order_by("created_at")
    data = [
        {"seite": row.page.title, "seiten_id": row.page_id, "gemerkt_am": row.created_at.isoformat()} for row in rows
    ]
    feed = feed_of(user=user)
    return {
        "eintraege": data,
        "kalender_adresse_erstellt_am": feed.created_at.isoformat() if feed is not None else None,
    }
