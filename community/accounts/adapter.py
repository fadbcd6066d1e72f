"""allauth's mails in the member's language, and a new account's language from its sign-up."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import get_language, override

from community.accounts.languages import language_header, recipient_language, supported_language
from community.accounts.lockout import client_address


class PortalAccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The language the person signed up in (the request's, set by the language switcher's cookie or the browser).
        user.language = supported_language(get_language())
        return super().save_user(request, user, form, commit)

    def get_client_ip(self, request) -> str:
        # allauth's limits count by the same address as the login lockout (PORTAL_TRUSTED_PROXIES).
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return portal_absolute(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key: str) -> str:
        return portal_absolute(super().get_reset_password_from_key_url(key))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Links in mails lead to the public address (PORTAL_BASE_URL), not to the host and port this process was
        # reached at (a gunicorn behind a proxy, 127.0.0.1 in a task); the "site" is the portal.
        context = {
            **{key: portal_absolute(value) if key.endswith("_url") else value for key, value in context.items()},
            "current_site": SimpleNamespace(
                name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(settings.PORTAL_BASE_URL).netloc
            ),
        }
        # Confirmation, password reset and notices go out in the account's language, whoever's request sends them;
        # a mail to an address without an account (sign-up attempts) stays in the language of the request.
        user = context.get("user") or _account_of(email)
        with override(recipient_language(user) if user is not None else supported_language(get_language())):
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        return super().render_mail(template_prefix, email, context, headers={**(headers or {}), **language_header()})

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        # Staff sent to enrol right after logging in would otherwise type their password twice in a row.
        from community.accounts.mfa import first_enrolment_after_login

        if app == "allauth.mfa" and first_enrolment_after_login(self.request or allauth_context.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def portal_absolute(url):
    """The same path on PORTAL_BASE_URL: allauth builds absolute links from the request's host."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://", "/")):
        return url
    parts = urlsplit(url)
    return settings.PORTAL_BASE_URL.rstrip("/") + urlunsplit(("", "", parts.path, parts.query, parts.fragment))


def _account_of(email: str):
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    return address.user if address else None
