"""A Redis cache that a dead Redis cannot take the site down with: connection errors and timeouts are misses.

Django's RedisCache raises on every call while Redis is away, and Wagtail reads the cache on every request, so a
stopped Redis turned every page into a 500. This backend answers such a call as a miss (reads) or a no-op (writes),
stops asking Redis for a few seconds after a failure (so a page does not wait on each of its cache calls), and logs
one warning per interval rather than one per call. Everything the portal caches can be computed again; sessions are
kept in the database (SESSION_ENGINE), never only here. base.py picks this backend for every redis:// CACHE_URL.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from core.page_cache import request_memo

logger = logging.getLogger(__name__)

_MEMO = "redis-get"  # marks this backend's entries in the request memo
_ABSENT = object()

T = TypeVar("T")

# Redis normally answers in well under a millisecond on the local network; waiting longer only slows the page.
SOCKET_CONNECT_TIMEOUT = 0.25
SOCKET_TIMEOUT = 0.5
# After a failure, calls skip Redis for this long (a blackholed host would otherwise cost a timeout per call).
RETRY_AFTER = 5.0
# At most one warning per server in this many seconds, however many calls fail.
WARN_EVERY = 60.0


class _Outage:
    """Per server and process (Django makes a backend object per thread): since when to skip Redis, when we last
    warned (kept across a recovery, so a flapping Redis still warns once per interval), calls failed or skipped."""

    def __init__(self) -> None:
        self.skip_until = 0.0
        self.warned_at: float | None = None
        self.failures = 0


_outages: dict[str, _Outage] = {}
_outages_lock = threading.Lock()


def _outage_for(location: str) -> _Outage:
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


def _redis_errors() -> tuple[type[BaseException], ...]:
    import redis

    # Connection errors and timeouts above all, but any error from Redis (out of memory, a read-only replica,
    # something else answering on the port) is no reason to fail a page whose data the database still has.
    return (redis.exceptions.RedisError, OSError)


class _ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client makes a new redis.Redis object for every cache call (~0.4 ms of Python each: it copies the
    command table); a page makes dozens of calls. One client per connection pool is safe to share between
    threads (the pool hands out connections)."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_reused_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSafeRedisCache(RedisCache):
    """Django's RedisCache, but a Redis that is down or slow is a cache miss, not an error."""

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("retry_after", RETRY_AFTER))
        self.warn_every = float(options.pop("warn_every", WARN_EVERY))
        options.setdefault("socket_connect_timeout", SOCKET_CONNECT_TIMEOUT)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = _ReusedClientRedisCacheClient
        self._location = ",".join(self._servers)
        self._errors = _redis_errors()

    # --- the guard ---------------------------------------------------------------------------------------------

    def _guarded(self, operation: Callable[[], T], fallback: T) -> T:
        outage = _outage_for(self._location)
        if time.monotonic() < outage.skip_until:
            outage.failures += 1
            return fallback
        try:
            result = operation()
        except self._errors as error:
            self._failed(outage, error)
            return fallback
        if outage.failures:
            logger.info("Cache %s answers again after %d failed or skipped calls.", self._location, outage.failures)
            outage.failures, outage.skip_until = 0, 0.0
        return result

    def _failed(self, outage: _Outage, error: BaseException) -> None:
        now = time.monotonic()
        outage.skip_until = now + self.retry_after
        outage.failures += 1
        if outage.warned_at is None or now - outage.warned_at >= self.warn_every:
            outage.warned_at = now
            logger.warning(
                "Cache %s unreachable (%s: %s); pages are served without it. Next warning in %d s at the earliest.",
                self._location,
                type(error).__name__,
                error,
                self.warn_every,
            )

    def ping(self) -> None:
        """Ask Redis itself, past the guard (for /health/); raises when it does not answer. After a success the next
        call tries Redis again at once."""
        self._cache.get_client(None, write=True).ping()
        _outage_for(self._location).skip_until = 0.0

    # --- Django's cache API ------------------------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._forget(key, version=version)
        # True when Redis is down: callers use add() as "first one wins" (allauth marks a used TOTP code this way);
        # False would make every code look used and lock all staff out while the cache is away.
        return self._guarded(lambda: super(FailSafeRedisCache, self).add(key, value, timeout, version), True)

    def get(self, key, default=None, version=None):
        # Within one request a key is read from Redis once (Wagtail alone asks for its site root paths up to eight
        # times a page); this process's own writes to the key read it anew. Another process's write shows on the
        # next request, as if it had come a few milliseconds later.
        memo = request_memo()
        if memo is None:
            return self._guarded(lambda: super(FailSafeRedisCache, self).get(key, default, version), default)
        slot = (_MEMO, self.make_key(key, version))
        if slot not in memo:
            memo[slot] = self._guarded(lambda: super(FailSafeRedisCache, self).get(key, _ABSENT, version), _ABSENT)
        value = memo[slot]
        return default if value is _ABSENT else value

    def _forget(self, *keys, version=None) -> None:
        memo = request_memo()
        if memo:
            for key in keys:
                memo.pop((_MEMO, self.make_key(key, version)), None)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._forget(key, version=version)
        self._guarded(lambda: super(FailSafeRedisCache, self).set(key, value, timeout, version), None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        self._forget(key, version=version)
        return self._guarded(lambda: super(FailSafeRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key, version=None):
        self._forget(key, version=version)
        return self._guarded(lambda: super(FailSafeRedisCache, self).delete(key, version), False)

    def get_many(self, keys, version=None):
        # Kept for the request like get(): one round trip for several keys (a member's facts, core/member_cache.py)
        # and none for a key read before.
        memo = request_memo()
        if memo is None:
            return self._guarded(lambda: super(FailSafeRedisCache, self).get_many(keys, version), {})
        slots = {key: (_MEMO, self.make_key(key, version)) for key in keys}
        missing = [key for key, slot in slots.items() if slot not in memo]
        if missing:
            found = self._guarded(lambda: super(FailSafeRedisCache, self).get_many(missing, version), {})
            for key in missing:
                memo[slots[key]] = found.get(key, _ABSENT)
        return {key: memo[slot] for key, slot in slots.items() if memo[slot] is not _ABSENT}

    def has_key(self, key, version=None):
        return self._guarded(lambda: super(FailSafeRedisCache, self).has_key(key, version), False)

    def incr(self, key, delta=1, version=None):
        self._forget(key, version=version)
        missing = object()
        result: Any = self._guarded(lambda: super(FailSafeRedisCache, self).incr(key, delta, version), missing)
        if result is missing:
            # What Django's backends say about a key that is not there; callers already handle it (and set() it).
            raise ValueError(f"Key '{key}' not found (cache unreachable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self._forget(*data, version=version)
        # Django's contract: the keys that could not be stored.
        return self._guarded(lambda: super(FailSafeRedisCache, self).set_many(data, timeout, version), list(data))

    def delete_many(self, keys, version=None):
        self._forget(*keys, version=version)
        self._guarded(lambda: super(FailSafeRedisCache, self).delete_many(keys, version), None)

    def clear(self):
        memo = request_memo()
        for slot in [slot for slot in memo or () if isinstance(slot, tuple) and slot[:1] == (_MEMO,)]:
            del memo[slot]
        return self._guarded(lambda: super(FailSafeRedisCache, self).clear(), False)
