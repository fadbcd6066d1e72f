"""The second factor for staff: who must have one, the middleware that sends them to enrol, allauth's MFA adapter."""

from __future__ import annotations

import datetime
import time

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from community.accounts.roles import ANBIETER, FAMILIENPUNKT_TEAM, KITA_LEITUNG, MODERATION, REDAKTION
from core.member_cache import fact, member_value, member_value_changed

# Roles that can publish to the whole city, see other members' data or report for an institution.
STAFF_ROLES = (REDAKTION, MODERATION, FAMILIENPUNKT_TEAM, KITA_LEITUNG, ANBIETER)
# allauth asks for a code only for these; recovery codes alone are a fallback, not a factor.
FACTOR_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)
# How the data download and the admin name them.
FACTOR_LABELS = {
    Authenticator.Type.TOTP: _("Authenticator-App"),
    Authenticator.Type.RECOVERY_CODES: _("Wiederherstellungscodes"),
    Authenticator.Type.WEBAUTHN: _("Sicherheitsschlüssel"),
}
# Where a staff member without a factor was going, to continue there after enrolling.
SESSION_NEXT = "portal_mfa_next"
# The answer per account is cached (no query per request); signals (community/accounts/signals.py) drop it when
# the account's roles or authenticators change, the timeout covers changes made past the ORM.
CACHE_SECONDS = 300


SECOND_FACTOR_MISSING = fact("mfa-missing")  # core/member_cache.py


def needs_second_factor(user) -> bool:
    """Staff roles and administrators must log in with a second factor; parents may."""
    if not user.is_authenticated:
        return False
    return bool(user.is_superuser or user.groups.filter(name__in=STAFF_ROLES).exists())


def has_second_factor(user) -> bool:
    """An authenticator app (or a security key) is enrolled, so allauth's login asks for its code."""
    return Authenticator.objects.filter(user_id=user.pk, type__in=FACTOR_TYPES).exists()


def second_factor_missing(user) -> bool:
    """Staff without an enrolled factor: they may use only their account pages until they enrol."""
    if not user.is_authenticated:
        return False
    return member_value(
        SECOND_FACTOR_MISSING,
        user.pk,
        lambda: needs_second_factor(user) and not has_second_factor(user),
        seconds=CACHE_SECONDS,
    )


def forget_second_factor_state(user_id: int) -> None:
    member_value_changed(SECOND_FACTOR_MISSING, user_id)


def _exempt_prefixes() -> tuple[str, ...]:
    # The account pages (enrolment, re-authentication, logout, password), files, the health check and the language
    # switch. Everything else — the admin, the staff forms, the public pages with their moderation and edit
    # buttons — waits: a page added later is protected without being listed anywhere.
    account = reverse("profile").rsplit("/", 2)[0] + "/"  # /konto/
    return (account, settings.STATIC_URL, settings.MEDIA_URL, reverse("health"), "/i18n/", "/favicon.ico")


class StaffSecondFactorMiddleware:
    """Sends staff without an enrolled second factor to the enrolment page, and remembers where they wanted to go.

    The rule is "has an authenticator", not "logged in with it": allauth's login stage asks everybody who has one
    for the code, and sessions made otherwise (`force_login` in tests) carry no password either."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path_info.startswith(_exempt_prefixes()):
            if second_factor_missing(user):
                return self._to_enrolment(request)
        return self.get_response(request)

    def _to_enrolment(self, request: HttpRequest) -> HttpResponse:
        wanted = request.get_full_path()
        if request.method == "GET" and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
            request.session[SESSION_NEXT] = wanted
        return HttpResponseRedirect(reverse("mfa_activate_totp"))


def first_enrolment_after_login(request: HttpRequest | None) -> bool:
    """The password was entered moments ago and the account had no second factor then: setting up the first one
    (and seeing its recovery codes) needs no second password prompt. A factor that existed before this login is
    changed or removed only after allauth's re-authentication."""
    from allauth.account import app_settings as account_settings
    from allauth.account.internal.flows.login import get_authentication_records

    if request is None or not request.user.is_authenticated:
        return False
    records = [r for r in get_authentication_records(request, request.user) if r.get("method") == "password"]
    if not records or time.time() - records[-1]["at"] >= account_settings.REAUTHENTICATION_TIMEOUT:
        return False
    logged_in_at = datetime.datetime.fromtimestamp(records[-1]["at"], tz=datetime.UTC)
    return not Authenticator.objects.filter(user_id=request.user.pk, created_at__lt=logged_in_at).exists()


def continue_url(request: HttpRequest) -> str:
    """Where to go after enrolling: the page the member wanted, else the profile (it links to the admin)."""
    wanted = request.session.pop(SESSION_NEXT, "")
    if wanted and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        return wanted
    return reverse("profile")


class PortalMFAAdapter(DefaultMFAAdapter):
    """allauth's second factor with the portal's German wording and its name in the authenticator app."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _(
            "Dieser Code stimmt nicht. Bitte geben Sie den aktuellen Code aus Ihrer Authenticator-App oder einen "
            "unbenutzten Wiederherstellungscode ein."
        ),
        "unverified_email": _(
            "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse. Danach können Sie die Zwei-Faktor-Anmeldung einrichten."
        ),
    }

    def _get_site_name(self) -> str:
        # The authenticator app lists the entry under this name (allauth would show the host and port).
        return settings.MFA_TOTP_ISSUER or settings.WAGTAIL_SITE_NAME
