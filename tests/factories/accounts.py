import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group

from community.accounts.mfa import needs_second_factor
from community.accounts.models import User
from community.accounts.roles import ELTERN

PASSWORD = "geheim-und-lang-123"
# The authenticator app of every staff account the factories make (base32, as an app stores it).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = TOTP_SECRET, at: float | None = None) -> str:
    """The code an authenticator app shows for `secret` at `at` (now), by allauth's own RFC 6238 helpers."""
    counter = int(time.time() if at is None else at) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def enrol_second_factor(user, secret: str = TOTP_SECRET) -> None:
    """An authenticator app and recovery codes, as if the member had enrolled on /konto/2fa/totp/activate/."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)
    RecoveryCodes.activate(user)


def unused_recovery_code(user) -> str:
    """One of the account's recovery codes not used yet (each login with one uses it up)."""
    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES).wrap()
    return codes.get_unused_codes()[0]


def browser_log_in(page, base: str, username: str, password: str = PASSWORD, next_url: str = "") -> None:
    """Log in through allauth's form in a Playwright page; staff answer the code step with a recovery code (a
    TOTP code is accepted once per 30 seconds, and some tests log the same account in twice)."""
    page.goto(f"{base}/konto/login/" + (f"?next={next_url}" if next_url else ""))
    page.locator("input[name=login]").fill(username)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    if "/konto/2fa/authenticate/" in page.url:
        page.locator("input[name=code]").fill(unused_recovery_code(User.objects.get(username=username)))
        with page.expect_navigation():
            page.locator("input[name=code]").press("Enter")


class UserFactory(factory.django.DjangoModelFactory):
    """A registered account; by default its e-mail address is confirmed."""

    username = factory.Sequence(lambda n: f"mitglied{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    display_name = factory.LazyAttribute(lambda u: u.username.title())
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, primary=True, verified=extracted is not False)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def second_factor(self, create, extracted, **kwargs):
        # Read in _after_postgeneration, once the roles are in place: False makes staff without a factor.
        return extracted

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        super()._after_postgeneration(instance, create, results)
        # Staff must have a second factor (community/accounts/mfa.py); the suite's staff have one unless a test
        # says second_factor=False, so `force_login` and `client.login` keep reaching the admin and staff forms.
        if create and (results or {}).get("second_factor") is not False and needs_second_factor(instance):
            enrol_second_factor(instance)


class ParentFactory(UserFactory):
    """A parent who confirmed the e-mail address and so belongs to Eltern."""

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create:
            self.groups.add(*Group.objects.filter(name__in=extracted or [ELTERN]))
