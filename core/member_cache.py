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

from core.page_cache import VERSION_KEY, request_memo

T = TypeVar("T")

SECONDS = 60 * 60  # a bound for anything missed; changes empty the value at once

# The facts a member's pages ask for, named by the apps that own them (`fact()`): the first one a request asks for
# brings all of them in one round trip to Redis (core/cache.py keeps them for the rest of the request).
_FACTS: set[str] = set()


def fact(name: str) -> str:
    """Name a fact most of a member's pages show, so that it comes with the others."""
    _FACTS.add(name)
    return name


def _key(name: str, user_id: int) -> str:
    return f"portal:member:{name}:{user_id}"


def member_value(name: str, user_id: int, compute: Callable[[], T], *, seconds: int = SECONDS) -> T:
    key = _key(name, user_id)
    if name in _FACTS:
        _fetch_facts(user_id)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def member_value_set(name: str, user_id: int, value, *, seconds: int = SECONDS) -> None:
    """Store a value the member's own request worked out anew (a fact it changes as it reads, e.g. what was read)."""
    cache.set(_key(name, user_id), value, seconds)


def prefetch(user_id: int) -> None:
    """The member's facts together with the content version, in one round trip: called before anything of the
    request has read the version (the page cache middleware's site lookup is the first), else it does nothing."""
    memo = request_memo()
    if memo is not None and "version" not in memo:
        _fetch_facts(user_id, also=(VERSION_KEY,))


def _fetch_facts(user_id: int, also: tuple[str, ...] = ()) -> None:
    memo = request_memo()
    done = ("member-facts", user_id)
    if memo is not None and done in memo:
        return
    cache.get_many([*also, *(_key(name, user_id) for name in sorted(_FACTS))])
    if memo is not None:
        memo[done] = True


def member_value_changed(name: str, *user_ids: int) -> None:
    keys = [_key(name, user_id) for user_id in set(user_ids) if user_id is not None]
    if not keys:
        return
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
