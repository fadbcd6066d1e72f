"""Guests' pages from the cache (issue 20).

A guest's GET is answered from the shared cache without touching the database. Three things keep it right:

- **A content version.** One counter in the cache, raised after every save or delete of a row a public page may show
  (pages, snippets, Kita reports, forum posts, moderation decisions, …), right away and again when the transaction
  commits. Each stored page carries the version it was rendered at; another version is a miss. Models that no public
  page shows (sessions, outbox, search index, login attempts) are listed in `core.registry.page_cache_ignored` by
  their apps, so their writes do not empty the cache.
- **A short life.** No page is kept longer than `PORTAL_PAGE_CACHE_SECONDS` (60), so facts that change with the clock
  ("heute", this week's events) are at most that old. Code that knows when its answer flips ("jetzt geöffnet" until
  18:00) calls `changes_at()`, and the page expires exactly then.
- **Only what is the same for every guest.** Requests with a session or a flash message, and responses that set a
  cookie, vary by more than the address, are not 200, or ask not to be cached (`never_cache`) are passed through.
  A page with a POST form is kept with its CSRF token taken out and gets the visitor's own token when it is served.

A dead cache is a miss (core/cache.py): pages render as before, only slower."""

from __future__ import annotations

import contextvars
import datetime
import gzip
import hashlib
import logging
import pickle
import re
import struct
import threading
import time
import zlib
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

try:  # Brotli is smaller still; browsers ask for it over HTTPS.
    import brotli
except ImportError:  # pragma: no cover - the lock file installs it
    brotli = None

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:page-cache:version"
KEY_PREFIX = "portal:page-cache:page:"
# Django's {% csrf_token %} field; its value is a 64-character masked token.
CSRF_FIELD = re.compile(rb'(<input type="hidden" name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(">)')
CSRF_HOLE = b"\x00portal-csrf\x00"
# Headers the middleware outside the cache sets again on every response; the rest is kept with the page.
NOT_STORED = {"set-cookie", "content-length", "content-encoding"}

_changes_at: contextvars.ContextVar[datetime.datetime | None] = contextvars.ContextVar("page_changes_at", default=None)
# The version read once per request (the middleware opens it; a write in the request empties it): a page with many
# fragments asks the cache for the version once, not once per fragment.
_request_version: contextvars.ContextVar[dict | None] = contextvars.ContextVar("page_cache_request", default=None)


def _safely(operation, fallback=None):
    """A cache that raises (a backend without core/cache.py's fail-safe wrapper) is a miss: a save, a page or /health/
    never fails because of this cache."""
    try:
        return operation()
    except Exception:  # noqa: BLE001 - any backend's connection error
        logger.warning("Page cache unavailable; serving without it", exc_info=True)
        return fallback


def lifetime() -> int:
    return int(getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 60))


def fragment_lifetime() -> int:
    return int(getattr(settings, "PORTAL_FRAGMENT_CACHE_SECONDS", 60))


def changes_at(moment: datetime.datetime | None) -> None:
    """The page being rendered says something that stops being true at `moment` (an opening status, a countdown):
    a stored copy is not served from then on."""
    if moment is None:
        return
    current = _changes_at.get()
    if current is None or moment < current:
        _changes_at.set(moment)


def depends_on_header(request: HttpRequest, header: str) -> None:
    """The page being rendered reads this request header (a Referer to pre-fill a form): a visitor who sends it
    gets a page of their own, never stored; the copy made for visitors without it is served only to such visitors."""
    names = getattr(request, "_page_cache_headers", set())
    names.add(header.lower())
    request._page_cache_headers = names


# --- The content version --------------------------------------------------------------------------------------------


def _new_version() -> int:
    """Where a fresh or emptied cache starts: anywhere that an old copy cannot have been stored under."""
    return time.time_ns() // 1000


def current_version() -> int | None:
    """The version pages are stored under now; None when the cache cannot be reached (then nothing is stored)."""
    memo = _request_version.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    version = _safely(lambda: cache.get(VERSION_KEY))
    if version is None:
        _safely(lambda: cache.add(VERSION_KEY, _new_version(), timeout=None))
        version = _safely(lambda: cache.get(VERSION_KEY))
    _remember_version(version)
    return version


def request_memo() -> dict | None:
    """A dict that lives as long as the request being served (None outside one), emptied by any write: for values
    read from the shared cache many times per page (locale maps, translated names), one round trip to Redis each
    instead of one per use."""
    return _request_version.get()


def once_per_request(key: str, read):
    """`read()` at most once per request under `key` (every call outside a request reads)."""
    memo = request_memo()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]


def forget_for_request(*keys: str) -> None:
    memo = request_memo()
    for key in keys if memo is not None else ():
        memo.pop(key, None)


def _remember_version(version: int | None) -> None:
    memo = _request_version.get()
    if memo is not None and version is not None:
        memo["version"] = version


def bump_version() -> None:
    memo = _request_version.get()
    if memo is not None:
        memo.clear()  # this request reads the new version from now on

    def bump():
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # not there (an emptied or unreachable cache): every stored page is stale anyway
            cache.add(VERSION_KEY, _new_version(), timeout=None)

    _safely(bump)


def content_changed(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Something a public page may show was written: stored pages are stale now, and again after the commit (a
    guest's request in between could store a page that does not yet show the change)."""
    bump_version()
    connection = connections[using]
    if connection.in_atomic_block:
        # Once per transaction is enough; Django keeps (savepoints, callable, robust) per callback.
        if not any(entry[1] is bump_version for entry in connection.run_on_commit):
            transaction.on_commit(bump_version, using=using)


_ignored: list = [-1, frozenset()]  # (how many entries the registry had, their labels): built once, not per save


def _ignored_labels() -> frozenset[str]:
    from core.registry import page_cache_ignored

    if _ignored[0] != len(page_cache_ignored):
        _ignored[:] = [len(page_cache_ignored), frozenset(page_cache_ignored)]
    return _ignored[1]


def _is_ignored(model) -> bool:
    meta = model._meta
    ignored = _ignored_labels()
    return meta.label in ignored or meta.app_label in ignored


def on_write(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Receiver for post_save, post_delete and m2m_changed of every model (core/apps.py)."""
    if kwargs.get("raw"):  # loaddata and restore: the restore empties the cache itself
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    if _is_ignored(sender):
        return
    if kwargs.get("update_fields") == frozenset({"last_login"}):  # every login saves this; no page shows it
        return
    content_changed(using=using)


# --- Keeping things until they change ------------------------------------------------------------------------------


def _collecting_changes(compute):
    """`compute()` and the earliest moment it said its result changes (`changes_at`), kept apart from the caller's."""
    outer = _changes_at.get()
    _changes_at.set(None)
    try:
        return compute(), _changes_at.get()
    finally:
        _changes_at.set(outer)


def _valid_until(now: float, seconds: int, moment: datetime.datetime | None) -> float:
    return now + seconds if moment is None else min(now + seconds, moment.timestamp())


def _keep(key: str, value, *, valid_until: float, now: float) -> None:
    _safely(lambda: cache.set(key, value, timeout=max(1, int(valid_until - now) + 1)))


# --- Fragments ------------------------------------------------------------------------------------------------------


def cached_fragment(name: str, compute, *, parts: tuple = ()):
    """`compute()`'s value, kept under the content version (and the reader's language): the navigation, the site
    settings, a home page panel. Rebuilt after any write, at the latest after PORTAL_FRAGMENT_CACHE_SECONDS, and at the moment
    it said it changes (`changes_at`), which a page built from it takes over. Without a reachable cache it is
    simply computed."""
    from django.utils.translation import get_language

    version = current_version()
    if version is None or fragment_lifetime() <= 0:
        return compute()
    key = "portal:fragment:" + hashlib.sha256(repr((name, get_language(), version, parts)).encode()).hexdigest()
    now = timezone.now().timestamp()
    found = _in_process.get(key, version)
    if found is None:
        found = _safely(lambda: cache.get(key))
        if found is not None:
            _in_process.put(key, version, found)
    if found is not None:
        valid_until, flips, value = found
        if valid_until > now:
            if flips:
                changes_at(datetime.datetime.fromtimestamp(valid_until, tz=datetime.UTC))
            return value
    value, moment = _collecting_changes(compute)
    changes_at(moment)  # a page built from it changes then too
    valid_until = _valid_until(now, fragment_lifetime(), moment)
    if valid_until > now:
        _keep(key, (valid_until, moment is not None, value), valid_until=valid_until, now=now)
        _in_process.put(key, version, (valid_until, moment is not None, value))
    return value


def kept_in_process(name: str, compute, *, parts: tuple = ()):
    """Like cached_fragment(), but kept only in this process's memory and never written to the shared cache: for
    what must not be copied to Redis (a member's account, with its password hash). Read anew after any write (the
    content version), after PORTAL_FRAGMENT_CACHE_SECONDS, and whenever the version is unknown."""
    version = current_version()
    if version is None or fragment_lifetime() <= 0:
        return compute()
    key = "portal:process:" + repr((name, parts))
    now = timezone.now().timestamp()
    found = _in_process.get(key, version)
    if found is not None and found[0] > now:
        return found[2]
    value = compute()
    _in_process.put(key, version, (now + fragment_lifetime(), False, value))
    return value


class _InProcessFragments:
    """The fragments this process used last, in its own memory, so a warm page asks Redis for the content version
    and not for each of its pieces again. Safe because a fragment's key holds the content version: a write anywhere
    raises the version, and this process drops everything it kept for the old one at its first request that sees the
    new one. Values come out as fresh copies (kept pickled) unless they are plain strings, so one request cannot
    change what the next one gets. Bounded by PORTAL_FRAGMENT_MEMORY_BYTES per process, least recently used first."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, tuple[object, bool, int]] = OrderedDict()
        self._version: int | None = None
        self._size = 0
        self._lock = threading.Lock()

    def _limit(self) -> int:
        return int(getattr(settings, "PORTAL_FRAGMENT_MEMORY_BYTES", 16 * 1024 * 1024))

    def get(self, key: str, version: int):
        with self._lock:
            if version != self._version:
                self._drop_all(version)
                return None
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
        payload, pickled, _ = entry
        return pickle.loads(payload) if pickled else payload  # noqa: S301 - our own bytes, never from outside

    def put(self, key: str, version: int, found) -> None:
        valid_until, flips, value = found
        if isinstance(value, str):
            payload, pickled, size = found, False, len(value) + 100
        else:
            try:
                payload = pickle.dumps(found, pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001 - what cannot be pickled is simply not kept here
                return
            pickled, size = True, len(payload)
        limit = self._limit()
        if size > limit // 8:
            return
        with self._lock:
            if version != self._version:
                self._drop_all(version)
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= old[2]
            self._entries[key] = (payload, pickled, size)
            self._size += size
            while self._size > limit and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._size -= dropped[2]

    def _drop_all(self, version: int) -> None:
        self._entries.clear()
        self._size = 0
        self._version = version

    def clear(self) -> None:
        with self._lock:
            self._drop_all(None)


_in_process = _InProcessFragments()


class Deferred:
    """A value worked out at its first use in a template, at most once (Django's templates call what is callable):
    for what only a `{% fragment %}` shows, so that a kept fragment costs none of its queries."""

    def __init__(self, compute) -> None:
        self._compute = compute
        self._done = False
        self._value = None

    def __call__(self):
        if not self._done:
            self._value, self._done = self._compute(), True
        return self._value


def _prefetch_member_facts(request: HttpRequest) -> None:
    """A signed-in member's facts (core/member_cache.py) in the same round trip as the content version, which the
    site lookup below asks for first: the session (read for the member's page anyway) says whose they are."""
    from django.contrib.auth import SESSION_KEY

    from core.member_cache import prefetch

    session = getattr(request, "session", None)
    if session is None or session.session_key is None:
        return
    user_id = session.get(SESSION_KEY)
    if user_id is not None and str(user_id).isdigit():
        prefetch(int(user_id))


def site_for_request(request: HttpRequest):
    """Wagtail's site lookup (one query per request) from the cache; Wagtail reads it from `request._wagtail_site`."""
    from wagtail.models import Site

    if not hasattr(request, "_wagtail_site"):
        host, port = request._get_raw_host(), request.get_port()
        request._wagtail_site = cached_fragment(
            "site", lambda: Site._find_for_request(request), parts=(host.lower(), port)
        )
    return request._wagtail_site


# --- The middleware -------------------------------------------------------------------------------------------------


@dataclass
class StoredPage:
    version: int
    valid_until: float  # seconds since the epoch
    status: int
    headers: list[tuple[str, str]]
    body: bytes  # as rendered, or gzip-compressed when `csrf` is False
    brotli_body: bytes | None
    csrf: bool  # body holds CSRF_HOLE where the visitor's token goes
    headers_read: tuple[str, ...] = ()  # request headers the page depends on; stored as made without them
    # With `csrf`: the text between the holes, each compressed on its own (raw deflate, see _gzip_around_tokens).
    deflated: tuple[bytes, ...] = ()


# A gzip member header: deflate, no name, no time, unknown OS.
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"


def _deflate(data: bytes, *, last: bool, level: int = 6) -> bytes:
    """Raw deflate of `data` that ends byte-aligned with its window emptied (a full flush), so that pieces
    compressed apart from each other may follow it in one stream; `last` closes the stream."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)


def _deflated_pieces(body: bytes) -> tuple[bytes, ...]:
    pieces = body.split(CSRF_HOLE)
    return tuple(_deflate(piece, last=number == len(pieces) - 1) for number, piece in enumerate(pieces))


def _gzip_around_tokens(body: bytes, deflated: tuple[bytes, ...], token: bytes) -> bytes:
    """The page with the visitor's token in every hole, gzip-compressed from the stored pieces: only the token is
    compressed per response (on its own, so it shares no back-reference with the page), and the checksum is
    reckoned over the text. This keeps a cached page with a form nearly as cheap to serve as one without."""
    pieces = body.split(CSRF_HOLE)
    token_deflated = _deflate(token, last=False, level=1)
    out, checksum, size = [GZIP_HEADER], 0, 0
    for number, (piece, compressed) in enumerate(zip(pieces, deflated, strict=True)):
        if number:
            out.append(token_deflated)
            checksum, size = zlib.crc32(token, checksum), size + len(token)
        out.append(compressed)
        checksum, size = zlib.crc32(piece, checksum), size + len(piece)
    out.append(struct.pack("<II", checksum & 0xFFFFFFFF, size & 0xFFFFFFFF))
    return b"".join(out)


def _request_is_cacheable(request: HttpRequest) -> bool:
    if request.method != "GET" or lifetime() <= 0:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return not _excluded(request)


def _excluded(request: HttpRequest) -> bool:
    return any(request.path.startswith(prefix) for prefix in settings.PORTAL_PAGE_CACHE_EXCLUDED_PATHS)


def _response_is_storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if any(request.headers.get(name) for name in getattr(request, "_page_cache_headers", ())):
        return False  # made from this visitor's own header
    if response.has_header("Content-Encoding"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    if vary - {"accept-language", "cookie", "accept-encoding"}:
        return False  # varies by something the key does not hold
    session = getattr(request, "session", None)
    if session is not None and (session.accessed and not session.is_empty()):
        return False
    return True


def cache_key(request: HttpRequest) -> str:
    language = getattr(request, "LANGUAGE_CODE", "")
    basis = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{language}"
    return KEY_PREFIX + hashlib.sha256(basis.encode()).hexdigest()


def _accepts(request: HttpRequest, encoding: str) -> bool:
    return encoding in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()


class AnonymousPageCacheMiddleware:
    """Placed after the CSRF middleware (it reads the visitor's token) and before authentication: a hit never loads
    a session or a user, so it makes no database query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request_version.set({})
        try:
            return self._respond(request)
        finally:
            _request_version.reset(token)

    def _respond(self, request: HttpRequest) -> HttpResponse:
        if not _request_is_cacheable(request):
            if not _excluded(request):
                _prefetch_member_facts(request)
                site_for_request(request)
            response = self.get_response(request)
            if request.method == "GET" and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)  # a member's or a flash-message page
            return response

        key = cache_key(request)
        found = _safely(lambda: cache.get_many([VERSION_KEY, key]), {})
        version = found.get(VERSION_KEY)
        _remember_version(version)
        stored: StoredPage | None = found.get(key)
        now = timezone.now().timestamp()  # not time.time(): tests move the clock with timezone.now
        if (
            stored is not None
            and version is not None
            and stored.version == version
            and stored.valid_until > now
            and not any(request.headers.get(name) for name in stored.headers_read)
        ):
            return self._serve(request, stored, now)
        if version is None:
            version = current_version()  # before rendering: a write during it must make this copy stale

        site_for_request(request)
        response, expires = _collecting_changes(lambda: self.get_response(request))
        if version is not None and _response_is_storable(request, response):
            valid_until = _valid_until(now, lifetime(), expires)
            if valid_until > now:
                return self._store_and_serve(request, response, key, version, valid_until, now)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def _store_and_serve(
        self, request: HttpRequest, response: HttpResponse, key: str, version: int, valid_until: float, now: float
    ) -> HttpResponse:
        body = response.content
        csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        if csrf:
            body, holes = CSRF_FIELD.subn(rb"\1" + CSRF_HOLE + rb"\2", body)
            if not holes:  # the token went somewhere the cache cannot replace it: not for everyone
                return response
        headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]
        compressible = response.get("Content-Type", "").startswith(("text/", "application/json", "application/xml"))
        brotli_body, deflated = None, ()
        if csrf and compressible:
            deflated = _deflated_pieces(body)
        if not csrf:
            if compressible and brotli is not None:
                brotli_body = brotli.compress(body, quality=5)
            body = gzip.compress(body, compresslevel=6 if compressible else 1, mtime=0)
        headers_read = tuple(sorted(getattr(request, "_page_cache_headers", ())))
        stored = StoredPage(
            version, valid_until, response.status_code, headers, body, brotli_body, csrf, headers_read, deflated
        )
        _keep(key, stored, valid_until=valid_until, now=now)
        return self._serve(request, stored, now)

    def _serve(self, request: HttpRequest, stored: StoredPage, now: float) -> HttpResponse:
        response = HttpResponse(status=stored.status)
        for name, value in stored.headers:
            response[name] = value
        if stored.csrf:
            # The visitor's own token (and cookie, set by the CSRF middleware on the way out); masked tokens are
            # different in every response, so compressing them gives BREACH nothing to measure.
            token = get_token(request).encode()
            if stored.deflated and _accepts(request, "gzip"):
                response.content = _gzip_around_tokens(stored.body, stored.deflated, token)
                response["Content-Encoding"] = "gzip"
            else:
                response.content = stored.body.replace(CSRF_HOLE, token)
                self._compress(request, response)
            patch_cache_control(response, private=True, no_cache=True)
        else:
            if stored.brotli_body is not None and _accepts(request, "br"):
                response.content = stored.brotli_body
                response["Content-Encoding"] = "br"
            elif _accepts(request, "gzip"):
                response.content = stored.body
                response["Content-Encoding"] = "gzip"
            else:
                response.content = gzip.decompress(stored.body)
            # A reverse proxy may keep it briefly (it does not hear of new content); a browser asks again.
            shared = min(settings.PORTAL_PROXY_CACHE_SECONDS, max(0, int(stored.valid_until - now)))
            patch_cache_control(response, public=True, max_age=0, s_maxage=shared)
        patch_vary_headers(response, ("Accept-Encoding",))
        return response

    @staticmethod
    def _compress(request: HttpRequest, response: HttpResponse) -> None:
        if _accepts(request, "gzip") and len(response.content) > 200:
            response.content = gzip.compress(response.content, compresslevel=5, mtime=0)
            response["Content-Encoding"] = "gzip"
