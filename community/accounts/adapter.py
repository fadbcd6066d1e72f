"""allauth's mails in the member's language, and a new account's language from its sign-up."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import get_language, override

from community.accounts.languages import language_header, recipient_language, supported_language


class PortalAccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # The language the person signed up in (the request's, set by the language switcher's cookie or the browser).
        user.language = supported_language(get_language())
        return super().save_user(request, user, form, commit)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Confirmation, password reset and notices go out in the account's language, whoever's request sends them;
        # a mail to an address without an account (sign-up attempts) stays in the language of the request.
        user = context.get("user") or _account_of(email)
        with override(recipient_language(user) if user is not None else supported_language(get_language())):
            super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        return super().render_mail(template_prefix, email, context, headers={**(headers or {}), **language_header()})


def _account_of(email: str):
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    return address.user if address else None
