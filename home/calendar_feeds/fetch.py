"""Reads a feed over HTTP(S): a timeout, a size limit, conditional GET, and no requests into the portal's own
network (a feed address is typed in by an outside account, so it must not reach internal services: SSRF)."""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from home.calendar_feeds.parser import FeedError

USER_AGENT = "Familienportal-Kalenderimport/1.0 (+https://github.com/)"


@dataclass(frozen=True)
class Fetched:
    not_modified: bool
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""


def normalised_url(url: str) -> str:
    """webcal:// (what Apple and Google offer to subscribe to) is plain HTTPS."""
    url = url.strip()
    if url.lower().startswith("webcal://"):
        return "https://" + url[len("webcal://") :]
    return url


def check_address(url: str) -> None:
    """Refuses anything but http(s) to a public address; private addresses only where the setting allows them."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedError(_("Bitte geben Sie eine Adresse an, die mit http:// oder https:// beginnt."))
    if settings.CALENDAR_FEED_ALLOW_PRIVATE_ADDRESSES:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise FeedError(_("Den Server „%(host)s“ gibt es nicht (Adresse prüfen).") % {"host": parts.hostname}) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise FeedError(
                _("Kalender aus internen Netzen (%(host)s) werden nicht gelesen.") % {"host": parts.hostname}
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a new address: it passes the same check as the first one."""

    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_address(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """GET the feed; `not_modified` when the server answers 304 to the validators of the last read."""
    url = normalised_url(url)
    check_address(url)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/calendar, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    opener = urllib.request.build_opener(_CheckedRedirects)
    limit = settings.CALENDAR_FEED_MAX_BYTES
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=settings.CALENDAR_FEED_TIMEOUT) as r:
            body = r.read(limit + 1)
            if len(body) > limit:
                raise FeedError(
                    _("Der Kalender ist größer als %(size)d KB und wird nicht gelesen.") % {"size": limit // 1024}
                )
            return Fetched(False, body, r.headers.get("ETag", ""), r.headers.get("Last-Modified", ""))
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(True, etag=etag, last_modified=last_modified)
        raise FeedError(_("Der Server antwortet mit Fehler %(code)d.") % {"code": error.code}) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, FeedError):
            raise error.reason from None
        raise FeedError(_("Der Kalender ist nicht erreichbar (%(reason)s).") % {"reason": error.reason}) from None
    except TimeoutError:
        raise FeedError(
            _("Der Server hat nicht innerhalb von %(seconds)d Sekunden geantwortet.")
            % {"seconds": settings.CALENDAR_FEED_TIMEOUT}
        ) from None
    except (OSError, ValueError) as error:
        raise FeedError(_("Der Kalender ist nicht erreichbar (%(reason)s).") % {"reason": error}) from None
