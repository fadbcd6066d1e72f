"""One protection against password guessing on every way in (django-axes), and the one reading of the client's
address that it and allauth's limits count by (settings: "Login protection" block, docs/operations.md)."""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import render
from django.utils import timezone

ACCOUNT = "username"
ADDRESS = "ip_address"


def client_address(request: HttpRequest) -> str | None:
    """The visitor's address: REMOTE_ADDR, or behind PORTAL_TRUSTED_PROXIES proxies the entry the outermost of them
    appended to X-Forwarded-For; whatever the client wrote there itself stands further left and is never used.
    An IPv6 address counts as its /64 network, which one household or server holds as a whole (as allauth does)."""
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.PORTAL_TRUSTED_PROXIES
    if proxies > 0:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        # Fewer entries than proxies: the request skipped the outer proxy, so nothing in the header is vouched for.
        if len(forwarded) >= proxies:
            return _address(forwarded[-proxies]) or remote
    return remote


def _address(value: str) -> str | None:
    value = value.strip()
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        # "203.0.113.5:51234" or "[2001:db8::1]:443" from proxies that add the port.
        host, _port = split_domain_port(value)
        try:
            address = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            return None
    if address.version == 6:
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False).network_address)
    return str(address)


def account_key(request: HttpRequest | None, credentials: dict | None = None) -> str | None:
    """The account a login attempt is for, the same whether it was named by user name or e-mail address and in
    whatever case: the account's user name; for a name without an account, the typed name case-folded."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) if request is not None else {}
    candidates = (credentials.get(field) for field in ("username", "email", "login"))
    typed = next((value for value in candidates if value), None)
    if typed is None:
        typed = next((data.get(field) for field in ("login", "username", "email") if data.get(field)), "")
    typed = str(typed).strip()[:255]
    if not typed:
        return None
    # Called several times for one attempt (counting, recording, the lockout page): look the account up once.
    memo = getattr(request, "_portal_account_keys", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._portal_account_keys = memo
    if typed not in memo:
        memo[typed] = _account_name(typed)
    return memo[typed]


def _account_name(typed: str) -> str:
    from allauth.account.models import EmailAddress

    user_model = get_user_model()
    user = user_model.objects.filter(username__iexact=typed).first()
    if user is None and "@" in typed:
        address = (
            EmailAddress.objects.filter(email__iexact=typed)
            .select_related("user")
            .order_by("-verified", "-primary")
            .first()
        )
        user = address.user if address else user_model.objects.filter(email__iexact=typed).first()
    return user.get_username() if user is not None else typed.casefold()


def failure_limit(request: HttpRequest | None = None, credentials: dict | None = None) -> int:
    """axes compares one number with one limit: the larger of ours (PortalLockoutHandler scales to it)."""
    return max(settings.PORTAL_LOGIN_FAILURES_PER_ACCOUNT, settings.PORTAL_LOGIN_FAILURES_PER_ADDRESS)


def parameter_limits() -> dict[str, int]:
    return {ACCOUNT: settings.PORTAL_LOGIN_FAILURES_PER_ACCOUNT, ADDRESS: settings.PORTAL_LOGIN_FAILURES_PER_ADDRESS}


class PortalLockoutBackend(AxesStandaloneBackend):
    """axes' gate before the password check. A call without a request (the test client's login(), a shell) has no
    client to count and passes on to the next backend; every web login hands Django its request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class PortalLockoutHandler(AxesDatabaseHandler):
    """axes' database handler with a limit for each lockout parameter: an address may fail more often than one
    account, because a school, a library or a family centre shares one."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        # axes locks out when this number reaches failure_limit(): report how close the nearest limit is.
        ceiling = failure_limit()
        limits = parameter_limits()
        headroom = ceiling
        parameters = get_lockout_parameters(request, credentials)
        for parameter, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            limit = limits.get(parameter, ceiling) if isinstance(parameter, str) else ceiling
            headroom = min(headroom, limit - failures)
        return ceiling - headroom


def lockout_minutes(request: HttpRequest | None = None) -> int:
    cool_off = get_cool_off(request)
    return max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else 0


def lockout_response(request: HttpRequest, original_response=None, credentials: dict | None = None) -> HttpResponse:
    """The answer to a login refused for too many failures: 429 with the portal's German page, whichever way in."""
    return render(request, "account/lockout.html", {"lockout_minutes": lockout_minutes(request)}, status=429)


@dataclass(frozen=True)
class Lockout:
    """Failed logins of one account or one address within the lockout period, for the admin's overview."""

    kind: str  # ACCOUNT or ADDRESS
    value: str
    failures: int
    limit: int
    last_failure: datetime
    until: datetime

    @property
    def locked(self) -> bool:
        return self.failures >= self.limit


def lockouts_current() -> list[Lockout]:
    """Accounts and addresses with failed logins that still count, locked ones first."""
    cool_off = get_cool_off()
    since = timezone.now() - cool_off
    recent = AccessAttempt.objects.filter(attempt_time__gte=since)
    limits = parameter_limits()
    rows = []
    for kind in (ACCOUNT, ADDRESS):
        grouped = (
            recent.exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        )
        rows += [
            Lockout(kind, row[kind], row["failures"], limits[kind], row["last"], row["last"] + cool_off)
            for row in grouped
        ]
    return sorted(rows, key=lambda row: (not row.locked, -row.last_failure.timestamp()))


def lockout_release(*, kind: str, value: str) -> int:
    """Forget the failed logins of one account or one address, so it may log in again at once."""
    if kind == ACCOUNT:
        return AxesProxyHandler.reset_attempts(username=value)
    if kind == ADDRESS:
        return AxesProxyHandler.reset_attempts(ip_address=value)
    raise ValueError(f"unknown lockout kind {kind!r}")
