"""Issue 19, login protection: one lockout (django-axes) on every way in, per account and per client address, the
client address read through the trusted proxies, allauth's limits on sign-up and password reset, German answers."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import RequestFactory

from community.accounts.lockout import account_key, client_address
from community.accounts.roles import REDAKTION
from tests.factories.accounts import PASSWORD, ParentFactory, UserFactory

pytestmark = pytest.mark.django_db

PUBLIC_LOGIN = "/konto/login/"
ADMIN_LOGIN = "/admin/login/"
WAYS_IN = [pytest.param(PUBLIC_LOGIN, id="public-login"), pytest.param(ADMIN_LOGIN, id="admin-login")]
LOCKOUT_TITLE = "Anmeldung vorübergehend gesperrt"
RATE_LIMIT_TITLE = "Zu viele Versuche"
RESET_LINK = 'href="/konto/password/reset/"'
# Texts that must never reach a visitor: axes' English defaults, allauth's informal German ("versuche").
FOREIGN_WORDING = ["Account locked", "too many login attempts", "Too Many Requests", "versuche es", "Versuche es"]


@pytest.fixture(autouse=True)
def _documented_limits(settings):
    # The documented defaults, whatever the environment of the test run says.
    settings.PORTAL_TRUSTED_PROXIES = 0
    settings.PORTAL_LOGIN_FAILURES_PER_ACCOUNT = 5
    settings.PORTAL_LOGIN_FAILURES_PER_ADDRESS = 20
    settings.PORTAL_LOGIN_LOCKOUT_MINUTES = 15
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0


@pytest.fixture
def sandra(home_page):
    # Staff, so that she may use both ways in.
    return UserFactory(username="sandra", email="sandra@example.org", roles=[REDAKTION])


def attempt(client, way, login, password, *, address="127.0.0.1", forwarded=None):
    """One login as a browser sends it; should the admin login hand over to the public one, the attempt goes on there."""
    data = {"login": login, "username": login, "password": password}
    extra = {"REMOTE_ADDR": address}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    response = client.post(way, data, **extra)
    if response.status_code in (301, 302, 303, 307, 308):
        target = urlsplit(response["Location"]).path
        if target.endswith("/login/") and target != way:
            response = client.post(response["Location"], data, **extra)
    return response


def accepted(client, response) -> bool:
    """The password was taken: the login goes on (to the page asked for, or to a second factor)."""
    passed = response.status_code == 302 and not urlsplit(response["Location"]).path.endswith("/login/")
    client.logout()
    return passed


def assert_lockout_page(response, minutes=15):
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKOUT_TITLE in page
    assert f"Bitte warten Sie {minutes} Minuten" in page
    assert RESET_LINK in page
    assert '<html lang="de"' in page
    assert not any(text in page for text in FOREIGN_WORDING), page


def fail(client, way, times, *, login="sandra", **where):
    return [attempt(client, way, login, "falsch", **where).status_code for _ in range(times)]


def time_passes(minutes):
    """As if the recorded failures had happened `minutes` earlier."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


# --- Lockout on every way in ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("way", WAYS_IN)
def test_five_failures_lock_the_account_and_even_the_right_password_is_refused(client, sandra, way):
    assert fail(client, way, 4) == [200] * 4
    assert_lockout_page(attempt(client, way, "sandra", "falsch"))
    response = attempt(client, way, "sandra", PASSWORD)
    assert_lockout_page(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("way", WAYS_IN)
def test_a_lockout_on_one_way_in_holds_on_the_other(client, sandra, way):
    other = ADMIN_LOGIN if way == PUBLIC_LOGIN else PUBLIC_LOGIN
    fail(client, way, 5)
    assert_lockout_page(attempt(client, other, "sandra", PASSWORD))


@pytest.mark.parametrize("way", WAYS_IN)
@pytest.mark.parametrize(
    "names",
    [
        pytest.param(["sandra", "SANDRA", "sandra@example.org", "Sandra@Example.org", " sandra "], id="name-and-email"),
        pytest.param(["sandra@example.org"] * 5, id="email-only"),
    ],
)
def test_the_account_counts_once_whatever_it_is_called(client, sandra, way, names):
    for name in names:
        attempt(client, way, name, "falsch")
    assert_lockout_page(attempt(client, way, "sandra@example.org", PASSWORD))
    assert_lockout_page(attempt(client, way, "sandra", PASSWORD))


@pytest.mark.parametrize("way", WAYS_IN)
def test_per_account_many_addresses_cannot_try_one_account(client, sandra, way):
    mia = ParentFactory(username="mia")
    for number in range(5):
        attempt(client, way, "sandra", "falsch", address=f"198.51.100.{number + 1}")
    assert_lockout_page(attempt(client, way, "sandra", PASSWORD, address="192.0.2.50"))
    # The addresses themselves are not locked: someone else there still gets in.
    assert accepted(client, attempt(client, PUBLIC_LOGIN, mia.username, PASSWORD, address="198.51.100.1"))


@pytest.mark.parametrize("way", WAYS_IN)
def test_per_address_one_address_cannot_try_many_accounts(client, sandra, way):
    # Twenty names, each tried once, over both ways in: the address is locked, for every account.
    statuses = [
        attempt(
            client, PUBLIC_LOGIN if number % 2 else ADMIN_LOGIN, f"kind{number}", "falsch", address="198.51.100.7"
        ).status_code
        for number in range(20)
    ]
    assert statuses[:19] == [200] * 19 and statuses[19] == 429
    assert_lockout_page(attempt(client, way, "sandra", PASSWORD, address="198.51.100.7"))
    assert accepted(client, attempt(client, way, "sandra", PASSWORD, address="192.0.2.50"))


@pytest.mark.parametrize("way", WAYS_IN)
def test_the_lockout_ends_after_the_cool_off_and_a_try_meanwhile_restarts_it(client, sandra, way):
    fail(client, way, 5)
    time_passes(10)
    assert_lockout_page(attempt(client, way, "sandra", PASSWORD))  # also counts, and restarts the 15 minutes
    time_passes(10)
    assert_lockout_page(attempt(client, way, "sandra", PASSWORD))
    time_passes(16)
    assert accepted(client, attempt(client, way, "sandra", PASSWORD))


def test_the_limits_and_the_lockout_period_come_from_the_settings(client, sandra, settings):
    settings.PORTAL_LOGIN_FAILURES_PER_ACCOUNT = 2
    settings.AXES_COOLOFF_TIME = timedelta(minutes=3)
    assert fail(client, PUBLIC_LOGIN, 2) == [200, 429]
    assert_lockout_page(attempt(client, PUBLIC_LOGIN, "sandra", PASSWORD), minutes=3)
    time_passes(4)
    assert accepted(client, attempt(client, PUBLIC_LOGIN, "sandra", PASSWORD))


def test_a_successful_login_does_not_wipe_an_addresss_failures(client, sandra, settings):
    settings.PORTAL_LOGIN_FAILURES_PER_ADDRESS = 4
    ParentFactory(username="mia")
    fail(client, PUBLIC_LOGIN, 3, login="unbekannt", address="198.51.100.7")
    # The attacker logs into an account of their own between guesses: the address's count stays.
    assert accepted(client, attempt(client, PUBLIC_LOGIN, "mia", PASSWORD, address="198.51.100.7"))
    assert_lockout_page(attempt(client, PUBLIC_LOGIN, "noch-einer", "falsch", address="198.51.100.7"))


@pytest.mark.parametrize(
    ("credentials", "post", "expected"),
    [
        pytest.param({"username": "SANDRA"}, {}, "sandra", id="name-any-case"),
        pytest.param({"email": "Sandra@Example.org"}, {}, "sandra", id="email"),
        pytest.param({"username": "sandra@example.org"}, {}, "sandra", id="email-in-the-name-field"),
        pytest.param({"username": "Niemand@Example.org"}, {}, "niemand@example.org", id="no-such-account"),
        pytest.param(None, {"login": " Sandra "}, "sandra", id="public-form"),
        pytest.param(None, {"username": "sandra"}, "sandra", id="admin-form"),
        pytest.param(None, {}, None, id="nothing-typed"),
    ],
)
def test_account_key(sandra, credentials, post, expected):
    request = RequestFactory().post("/konto/login/", post)
    assert account_key(request, credentials) == expected


# --- The client address behind reverse proxies ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        pytest.param(0, "198.51.100.7", "", "198.51.100.7", id="direct"),
        pytest.param(0, "198.51.100.7", "203.0.113.1", "198.51.100.7", id="no-proxy-header-ignored"),
        pytest.param(1, "10.0.0.1", "203.0.113.1", "203.0.113.1", id="one-proxy"),
        pytest.param(1, "10.0.0.1", "6.6.6.6, 203.0.113.1", "203.0.113.1", id="one-proxy-forged-prefix"),
        pytest.param(2, "10.0.0.2", "6.6.6.6, 203.0.113.1, 10.0.0.1", "203.0.113.1", id="two-proxies"),
        pytest.param(2, "10.0.0.2", "203.0.113.1", "10.0.0.2", id="outer-proxy-skipped"),
        pytest.param(1, "10.0.0.1", "", "10.0.0.1", id="proxy-bypassed"),
        pytest.param(1, "10.0.0.1", "kein-ip", "10.0.0.1", id="garbage"),
        pytest.param(1, "10.0.0.1", "203.0.113.1:51234", "203.0.113.1", id="with-port"),
        pytest.param(0, "2001:db8:1:2:3:4:5:6", "", "2001:db8:1:2::", id="ipv6-as-its-64"),
    ],
)
def test_client_address(settings, proxies, remote, forwarded, expected):
    settings.PORTAL_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@pytest.mark.parametrize(
    ("proxies", "failing", "same_client", "other_client", "same_locked", "other_locked"),
    [
        pytest.param(
            1,
            lambda n: ("10.0.0.1", f"203.0.113.{n + 1}"),
            ("10.0.0.1", "203.0.113.1"),
            ("10.0.0.1", "192.0.2.50"),
            False,
            False,
            id="behind-one-proxy-every-client-counts-alone",
        ),
        pytest.param(
            0,
            lambda n: ("10.0.0.1", f"203.0.113.{n + 1}"),
            ("10.0.0.1", "203.0.113.1"),
            ("10.0.0.1", "192.0.2.50"),
            True,
            True,
            id="proxy-not-declared-the-whole-city-shares-one-count",
        ),
        pytest.param(
            0,
            lambda n: ("198.51.100.7", f"203.0.113.{n + 1}"),
            ("198.51.100.7", "203.0.113.99"),
            ("192.0.2.50", None),
            True,
            False,
            id="no-proxy-forged-header-ignored",
        ),
        pytest.param(
            1,
            lambda n: ("10.0.0.1", f"203.0.113.{n + 1}, 198.51.100.7"),
            ("10.0.0.1", "203.0.113.99, 198.51.100.7"),
            ("10.0.0.1", "192.0.2.50"),
            True,
            False,
            id="behind-proxy-forged-prefix-ignored",
        ),
    ],
)
def test_lockout_behind_a_reverse_proxy(
    client, sandra, settings, proxies, failing, same_client, other_client, same_locked, other_locked
):
    settings.PORTAL_TRUSTED_PROXIES = settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    settings.PORTAL_LOGIN_FAILURES_PER_ADDRESS = 10
    for number in range(10):  # ten names, each tried once: only an address can reach its limit
        remote, forwarded = failing(number)
        attempt(client, PUBLIC_LOGIN, f"kind{number}", "falsch", address=remote, forwarded=forwarded)
    for (remote, forwarded), locked in ((same_client, same_locked), (other_client, other_locked)):
        response = attempt(client, ADMIN_LOGIN, "sandra", PASSWORD, address=remote, forwarded=forwarded)
        if locked:
            assert_lockout_page(response)
        else:
            assert accepted(client, response), response.status_code


def test_allauths_limits_count_the_same_client_address(client, sandra, settings):
    settings.ACCOUNT_RATE_LIMITS = settings.PORTAL_ACCOUNT_RATE_LIMITS
    settings.PORTAL_TRUSTED_PROXIES = settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        response = client.post(
            "/konto/password/reset/",
            {"email": f"x{number}@example.org"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"6.6.6.{number}, 203.0.113.1",
        )
        assert response.status_code == 302
    ask = {"email": "y@example.org"}
    assert (
        client.post(
            "/konto/password/reset/", ask, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.1"
        ).status_code
        == 429
    )
    assert (
        client.post(
            "/konto/password/reset/", ask, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.50"
        ).status_code
        == 302
    )


# --- Password reset and sign-up (allauth's limits) ------------------------------------------------------------------


def signup_data(number):
    password = "Ruhrufer-Spaziergang-2026"
    return {
        "username": f"neu{number}",
        "email": f"neu{number}@example.org",
        "password1": password,
        "password2": password,
    }


RESET_KEY_URL = "/konto/password/reset/key/1-falscher-schluessel/"
NEW_PASSWORDS = {"password1": "Ruhrufer-Spaziergang-2026", "password2": "Ruhrufer-Spaziergang-2026"}


@pytest.mark.parametrize(
    ("path", "data", "addresses", "allowed", "then"),
    [
        pytest.param(
            "/konto/password/reset/",
            lambda n: {"email": "sandra@example.org"},
            lambda n: f"198.51.100.{n + 1}",
            3,
            ("192.0.2.50", {"email": "mia@example.org"}),
            id="reset-mails-per-email-address",
        ),
        pytest.param(
            "/konto/password/reset/",
            lambda n: {"email": f"x{n}@example.org"},
            lambda n: "198.51.100.7",
            5,
            ("192.0.2.50", {"email": "y@example.org"}),
            id="reset-mails-per-client-address",
        ),
        pytest.param(
            RESET_KEY_URL,
            lambda n: NEW_PASSWORDS,
            lambda n: "198.51.100.7",
            10,
            ("192.0.2.50", NEW_PASSWORDS),
            id="reset-links-per-client-address",
        ),
        pytest.param(
            "/konto/signup/",
            signup_data,
            lambda n: "198.51.100.7",
            5,
            ("192.0.2.50", signup_data(99)),
            id="sign-ups-per-client-address",
        ),
    ],
)
def test_password_reset_and_sign_up_are_limited(client, sandra, settings, path, data, addresses, allowed, then):
    settings.ACCOUNT_RATE_LIMITS = settings.PORTAL_ACCOUNT_RATE_LIMITS
    for number in range(allowed):
        assert client.post(path, data(number), REMOTE_ADDR=addresses(number)).status_code != 429
        client.logout()
    response = client.post(path, data(allowed), REMOTE_ADDR=addresses(allowed))
    assert response.status_code == 429
    page = response.content.decode()
    assert RATE_LIMIT_TITLE in page and "Bitte warten Sie" in page and RESET_LINK in page
    assert not any(text in page for text in FOREIGN_WORDING), page
    # Someone else (another address, another e-mail address) is not affected.
    other_address, other_data = then
    assert client.post(path, other_data, REMOTE_ADDR=other_address).status_code != 429


def test_the_reset_mail_limit_sends_no_more_mails(client, sandra, settings, mailoutbox):
    settings.ACCOUNT_RATE_LIMITS = settings.PORTAL_ACCOUNT_RATE_LIMITS
    for number in range(6):
        client.post("/konto/password/reset/", {"email": "sandra@example.org"}, REMOTE_ADDR=f"198.51.100.{number + 1}")
    assert len(mailoutbox) == 3


# --- Seeing and lifting lockouts -----------------------------------------------------------------------------------


def test_the_redaktion_sees_lockouts_and_lifts_one(client, sandra):
    editor = UserFactory(username="redakteurin", roles=[REDAKTION])
    fail(client, PUBLIC_LOGIN, 5)
    client.force_login(editor)
    page = client.get("/admin/zugaenge/").content.decode()
    assert "Gesperrte Zugänge" in page and "<bdi>sandra</bdi>" in page and "gesperrt bis" in page
    assert "<bdi>127.0.0.1</bdi>" in page and "5 / 20" in page  # the address: counted, not locked
    response = client.post("/admin/zugaenge/", {"kind": "username", "value": "sandra"})
    assert response.status_code == 302
    assert "kann sich wieder anmelden" in client.get(response["Location"]).content.decode()
    client.logout()
    assert accepted(client, attempt(client, PUBLIC_LOGIN, "sandra", PASSWORD))


def test_a_parent_cannot_see_or_lift_lockouts(client, sandra):
    fail(client, PUBLIC_LOGIN, 5)
    client.force_login(ParentFactory())
    assert client.get("/admin/zugaenge/").status_code in (302, 403)
    assert client.post("/admin/zugaenge/", {"kind": "username", "value": "sandra"}).status_code in (302, 403)
    assert AccessAttempt.objects.filter(username="sandra").exists()


def test_deleting_an_account_forgets_its_failed_logins(client, home_page):
    from community.accounts.services import account_delete

    member = ParentFactory(username="mia")
    fail(client, PUBLIC_LOGIN, 2, login="mia@example.org")
    assert AccessAttempt.objects.filter(username="mia").exists()
    account_delete(user=member)
    assert not AccessAttempt.objects.filter(username="mia").exists()
