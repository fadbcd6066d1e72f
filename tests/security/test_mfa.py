"""Two-factor login for staff (issue 19): who must enrol, what they cannot reach before, and allauth's code step."""

from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from community.accounts.roles import ANBIETER, FAMILIENPUNKT_TEAM, KITA_LEITUNG, MODERATION, REDAKTION
from tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    ParentFactory,
    UserFactory,
    kita_index,
    totp_code,
    unused_recovery_code,
)

pytestmark = pytest.mark.django_db

ENROL = "/konto/2fa/totp/activate/"
CODE_STEP = "/konto/2fa/authenticate/"
STAFF = [REDAKTION, MODERATION, FAMILIENPUNKT_TEAM, KITA_LEITUNG, ANBIETER, "Administration"]
# The admin, its review inbox, and staff forms outside the admin (Kita report, forum moderation).
STAFF_PAGES = ["/admin/", "/admin/pruefen/", "/admin/pages/", "/de/kita/meldung/", "/de/forum/moderation/queue/"]


def staff(role: str, **kwargs):
    if role == "Administration":
        return UserFactory(is_superuser=True, is_staff=True, **kwargs)
    return UserFactory(roles=[role], **kwargs)


@pytest.fixture
def kita_section(home_page):
    return kita_index(home_page)


def log_in(client, username: str, next_url: str = ""):
    """allauth's login form; returns its answer (the code step for an enrolled account)."""
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": username, "password": PASSWORD})


@pytest.mark.parametrize("path", STAFF_PAGES)
@pytest.mark.parametrize("role", STAFF)
def test_staff_without_a_second_factor_are_sent_to_enrol(client, kita_section, role, path):
    client.force_login(staff(role, second_factor=False))
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == ENROL, (role, path)
    assert client.session["portal_mfa_next"] == path


@pytest.mark.parametrize("path", STAFF_PAGES)
@pytest.mark.parametrize("role", STAFF)
def test_staff_with_a_second_factor_are_let_through(client, kita_section, role, path):
    client.force_login(staff(role))
    response = client.get(path)
    # What the role may do there is the page's business (200, 403, …); the enrolment is not asked for.
    assert not (response.status_code == 302 and response["Location"] == ENROL), (role, path)


@pytest.mark.parametrize("path", ["/konto/profil/", ENROL, "/konto/2fa/", "/konto/logout/"])
def test_staff_without_a_factor_keep_their_account_pages(client, path):
    client.force_login(staff(REDAKTION, second_factor=False))
    response = client.get(path, follow=True)
    # The enrolment may first ask for the password again (a session older than a few minutes): still /konto/.
    assert response.status_code == 200, path
    assert all(hop.startswith("/konto/") for hop, _status in response.redirect_chain), response.redirect_chain


@pytest.mark.parametrize("path", ["/de/", "/de/forum/", "/konto/profil/", "/konto/2fa/"])
def test_a_parent_is_not_forced(client, path):
    client.force_login(ParentFactory())
    assert client.get(path).status_code == 200, path


def test_a_parent_may_enrol_from_the_profile(client):
    parent = ParentFactory()
    client.force_login(parent)
    profile = client.get(reverse("profile")).content.decode()
    assert "Zwei-Faktor-Anmeldung" in profile and ENROL in profile and "Freiwillig" in profile
    assert not Authenticator.objects.filter(user=parent).exists()


def test_enrolment_explains_in_german_shows_a_portal_qr_code_and_leads_back(client):
    editor = staff(REDAKTION, second_factor=False)
    response = log_in(client, editor.username, next_url="/admin/pruefen/")
    assert response.status_code == 302  # no code step: nothing enrolled yet
    response = client.get("/admin/pruefen/")
    assert response["Location"] == ENROL
    page = client.get(ENROL)  # right after the login: no second password prompt before the first factor
    html = page.content.decode()
    assert "Für Ihr Konto ist ein zweiter Faktor vorgeschrieben" in html
    assert "Danach geht es dort weiter, wo Sie hinwollten." in html
    assert 'src="data:image/svg+xml;base64,' in html  # drawn by the portal, no outside QR service
    secret = page.context["form"].secret
    assert f'<code id="totp-secret" dir="ltr">{secret}</code>' in html

    wrong = client.post(ENROL, {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200 and "Dieser Code stimmt nicht" in wrong.content.decode()

    done = client.post(ENROL, {"code": totp_code(secret)})
    assert done.status_code == 302 and done["Location"] == reverse("mfa_view_recovery_codes")
    codes = client.get(done["Location"]).content.decode()
    assert "Ihre Wiederherstellungscodes" in codes and "weiter zu Ihrer Seite" in codes
    assert len(Authenticator.objects.get(user=editor, type="recovery_codes").wrap().get_unused_codes()) == 10
    onwards = client.get(reverse("mfa-continue"))
    assert onwards["Location"] == "/admin/pruefen/"
    assert client.get("/admin/pruefen/").status_code == 200


@pytest.mark.parametrize("role", STAFF)
def test_the_login_asks_enrolled_staff_for_the_code(client, role):
    user = staff(role)
    response = log_in(client, user.username, next_url="/admin/")
    assert response.status_code == 302 and response["Location"] == CODE_STEP
    # Password alone is not a login.
    assert client.get(reverse("profile"))["Location"].startswith(reverse("account_login"))
    page = client.get(CODE_STEP).content.decode()
    assert "Bestätigungscode eingeben" in page and 'autocomplete="one-time-code"' in page


def wrong_code() -> str:
    return "123456" if totp_code() != "123456" else "654321"


@pytest.mark.parametrize(
    ("case", "code", "logged_in"),
    [
        ("falscher Code", wrong_code, False),
        ("Code aus der App", totp_code, True),
        ("Wiederherstellungscode", "recovery", True),
        ("Buchstaben", lambda: "abcdef", False),
    ],
)
def test_the_code_step(client, case, code, logged_in):
    editor = staff(REDAKTION)
    log_in(client, editor.username, next_url="/admin/")
    value = unused_recovery_code(editor) if code == "recovery" else code()
    response = client.post(CODE_STEP, {"code": value})
    if logged_in:
        assert response.status_code == 302 and response["Location"] == "/admin/", case
        assert client.get("/admin/").status_code == 200
    else:
        assert response.status_code == 200, case
        assert "Dieser Code stimmt nicht." in response.content.decode(), case
        assert client.get("/admin/").status_code == 302


def test_changing_an_existing_factor_asks_to_confirm_again(client):
    editor = staff(REDAKTION)
    log_in(client, editor.username)
    client.post(CODE_STEP, {"code": totp_code()})
    response = client.get(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302 and response["Location"].startswith("/konto/reauthenticate/")


def test_a_recovery_code_works_once(client):
    editor = staff(MODERATION)
    code = unused_recovery_code(editor)
    log_in(client, editor.username)
    assert client.post(CODE_STEP, {"code": code}).status_code == 302
    client.post(reverse("account_logout"))
    log_in(client, editor.username)
    again = client.post(CODE_STEP, {"code": code})
    assert again.status_code == 200 and "Dieser Code stimmt nicht." in again.content.decode()
    assert len(Authenticator.objects.get(user=editor, type="recovery_codes").wrap().get_unused_codes()) == 9


def test_an_app_code_is_accepted_only_once(client):
    editor = staff(REDAKTION)
    code = totp_code()
    log_in(client, editor.username)
    assert client.post(CODE_STEP, {"code": code}).status_code == 302
    client.post(reverse("account_logout"))
    log_in(client, editor.username)
    assert client.post(CODE_STEP, {"code": code}).status_code == 200


def test_guessing_codes_is_cut_off(client, settings):
    # allauth counts wrong codes against its per-account login limit (the test settings switch limits off).
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
    editor = staff(REDAKTION)
    log_in(client, editor.username)
    for _attempt in range(5):
        assert client.post(CODE_STEP, {"code": wrong_code()}).status_code == 200
    refused = client.post(CODE_STEP, {"code": totp_code()})
    assert refused.status_code == 200 and "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("request_to_admin_login", "expected_next"),
    [
        (lambda c: c.get("/admin/login/"), "/admin/"),
        (lambda c: c.get("/admin/login/?next=/admin/pages/"), "/admin/pages/"),
        (lambda c: c.get("/admin/login/?next=https://elsewhere.example/"), "/admin/"),
        (lambda c: c.get("/admin/"), "/admin/"),
    ],
)
def test_the_admin_login_leads_to_the_portal_login(client, request_to_admin_login, expected_next):
    location = request_to_admin_login(client)["Location"]
    # Followed to allauth's login, which keeps where to go next.
    while not location.startswith(reverse("account_login")):
        location = client.get(location)["Location"]
    url = urlsplit(location)
    assert url.path == reverse("account_login") and parse_qs(url.query) == {"next": [expected_next]}


@pytest.mark.parametrize("member", [ParentFactory, lambda: staff(KITA_LEITUNG)])
def test_a_logged_in_member_without_admin_access_learns_why_instead_of_looping(client, member):
    client.force_login(member())
    response = client.get("/admin/pages/", follow=True)
    assert response.status_code == 403
    assert "Dieses Konto hat keinen Zugang zur Redaktionsoberfläche." in response.content.decode()


def test_the_admin_login_form_cannot_skip_the_code(client):
    editor = staff(REDAKTION)
    # Wagtail's own field names, the right password: nobody is logged in by /admin/login/.
    response = client.post("/admin/login/", {"username": editor.username, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    # The way through: allauth's login, then the code.
    assert log_in(client, editor.username, next_url="/admin/")["Location"] == CODE_STEP
    assert client.post(CODE_STEP, {"code": totp_code(TOTP_SECRET)})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_an_administrator_removes_a_lost_authenticator_in_the_admin(client):
    editor = staff(REDAKTION)
    admin = staff("Administration")
    totp = Authenticator.objects.get(user=editor, type="totp")
    client.force_login(admin)
    listing = client.get("/admin/zwei-faktor/")
    assert listing.status_code == 200 and editor.username in listing.content.decode()
    assert TOTP_SECRET not in listing.content.decode()
    assert client.post(f"/admin/zwei-faktor/delete/{totp.pk}/").status_code == 302
    assert not Authenticator.objects.filter(pk=totp.pk).exists()
    # At the next request the member is asked to enrol a new app.
    client.force_login(editor)
    assert client.get("/admin/")["Location"] == ENROL


@pytest.mark.parametrize("path", ["/admin/zwei-faktor/", "/admin/zwei-faktor/new/"])
def test_only_administrators_see_the_second_factors(client, path):
    client.force_login(staff(REDAKTION))
    response = client.get(path)
    assert response.status_code in (302, 403), response.status_code
    assert response.status_code == 403 or response["Location"] != ENROL


def test_the_data_download_names_the_factors_but_not_their_secrets(client):
    editor = staff(REDAKTION)
    client.force_login(editor)
    data = client.get(reverse("account-data")).json()
    assert sorted(entry["art"] for entry in data["zwei_faktor_anmeldung"]) == [
        "Authenticator-App",
        "Wiederherstellungscodes",
    ]
    assert TOTP_SECRET not in str(data)


def test_the_demo_shows_the_code_step_and_the_enrolment(client, settings):
    from django.test import Client

    from community.accounts.demo import DEMO_ENROLLED, DEMO_PASSWORD, DEMO_TOTP_SECRET, seed

    settings.PORTAL_ALLOW_DEMO_ACCOUNTS = True
    lines = seed()
    assert any(DEMO_TOTP_SECRET in line for line in lines)
    assert set(DEMO_ENROLLED) == {"redaktion", "moderation"}
    # redaktion: password, then the code of an app holding the printed key.
    response = client.post(
        reverse("account_login") + "?next=/admin/", {"login": "redaktion", "password": DEMO_PASSWORD}
    )
    assert response["Location"] == CODE_STEP
    assert client.post(CODE_STEP, {"code": totp_code(DEMO_TOTP_SECRET)})["Location"] == "/admin/"
    # kita: logged in by the password, then asked to set up an app before the report form.
    kita = Client()
    response = kita.post(reverse("account_login"), {"login": "kita", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] != CODE_STEP
    assert kita.get("/de/kita/meldung/")["Location"] == ENROL
    # A second run keeps the enrolled factors as they are.
    seed()
    assert Authenticator.objects.filter(user__username="redaktion").count() == 2
