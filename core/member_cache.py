"""Small facts about one member that every page shows (unread notices, what is on the Merkliste), kept in the shared
cache until the member's own data changes (issue 20).

A member's page reads them on every request; each was a query. The app that owns the data says when it changed
(`member_value_changed`), right away and again when the transaction commits, so a request in between cannot keep
the old value. Apps whose rows change only through their services and Django's signals can rely on this; a dead
cache is a miss (the value is simply read from the database)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

T = TypeVar("T")

SECONDS = 60 * 60  # a bound for anything missed; changes empty the value at once


def _key(name: str, user_id: int) -> str:
    return f"portal:member:{name}:{user_id}"


def member_value(name: str, user_id: int, compute: Callable[[], T]) -> T:
    key = _key(name, user_id)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, SECONDS)
    return value


def member_value_changed(name: str, *user_ids: int) -> None:
    keys = [_key(name, user_id) for user_id in set(user_ids) if user_id is not None]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
