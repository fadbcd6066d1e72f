"""A staff member on a phone sets up the second factor when first sent away from a staff page, then logs in with it."""

import pytest
from playwright.sync_api import expect

from community.accounts.roles import REDAKTION
from tests.factories import PASSWORD, UserFactory, totp_code

from .test_accessibility import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_staff_enrols_on_a_phone_and_then_logs_in_with_the_code(live_server, page, browser):
    UserFactory(username="redakteurin", roles=[REDAKTION], second_factor=False)
    base = live_server.url

    # The review inbox asks for a login; the password alone leads to the enrolment, with the reason.
    page.goto(f"{base}/admin/pruefen/")
    expect(page).to_have_url(f"{base}/konto/login/?next=%2Fadmin%2Fpruefen%2F")
    page.locator("input[name=login]").fill("redakteurin")
    page.locator("input[name=password]").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("input[name=password]").press("Enter")
    expect(page).to_have_url(f"{base}/konto/2fa/totp/activate/")
    expect(page.get_by_role("heading", name="Für Ihr Konto ist ein zweiter Faktor vorgeschrieben")).to_be_visible()
    qr = page.get_by_role("img", name="QR-Code für die Authenticator-App")
    expect(qr).to_be_visible()
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    assert not serious_violations(page)

    # "Scanning": the app reads the key shown under the QR code and computes the code.
    secret = page.locator("#totp-secret").inner_text().strip()
    page.get_by_label("Code aus der App").fill("000000" if totp_code(secret) != "000000" else "111111")
    page.get_by_role("button", name="Einrichten").click()
    expect(page.locator(".field__errors")).to_contain_text("Dieser Code stimmt nicht.")
    page.get_by_label("Code aus der App").fill(totp_code(secret))
    page.get_by_role("button", name="Einrichten").click()

    # Ten recovery codes, then on to the inbox the member wanted.
    expect(page.get_by_role("heading", name="Ihre Wiederherstellungscodes")).to_be_visible()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="Codes notiert – weiter zu Ihrer Seite").click()
    expect(page).to_have_url(f"{base}/admin/pruefen/")

    # The next login, on another phone browser, asks for the code after the password.
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    phone = context.new_page()
    phone.goto(f"{base}/admin/login/")
    expect(phone).to_have_url(f"{base}/konto/login/?next=%2Fadmin%2F")
    phone.locator("input[name=login]").fill("redakteurin")
    phone.locator("input[name=password]").fill(PASSWORD)
    with phone.expect_navigation():
        phone.locator("input[name=password]").press("Enter")
    expect(phone.get_by_role("heading", name="Bestätigungscode eingeben")).to_be_visible()
    assert not serious_violations(phone)
    phone.get_by_label("Code", exact=True).fill(totp_code(secret))
    with phone.expect_navigation():
        phone.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(phone).to_have_url(f"{base}/admin/")
    context.close()
