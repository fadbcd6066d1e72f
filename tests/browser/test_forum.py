import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from community.accounts.roles import MODERATION
from tests.factories import PASSWORD, ParentFactory, UserFactory, browser_log_in, establish, make_forum

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_PASSWORD = "Ruhrufer-Spaziergang-2026"


def log_in(page, base: str, username: str, password: str = PASSWORD) -> None:
    browser_log_in(page, base, username, password)  # with the code step for the moderator


def test_new_parent_asks_moderator_approves_another_parent_answers_first_is_notified(live_server, page, browser):
    forum = make_forum("Kita & Schule")
    UserFactory(username="moderatorin", roles=[MODERATION])
    julia = ParentFactory(username="julia", display_name="Julia aus Saarn")
    establish(julia, make_forum("Vorstellung"))
    base = live_server.url

    # A new parent on a phone registers and confirms the address from the mail.
    page.goto(f"{base}/konto/signup/")
    page.locator("input[name=email]").fill("neue.mama@example.org")
    page.locator("input[name=username]").fill("neue_mama")
    page.locator("input[name=password1]").fill(NEW_PASSWORD)
    page.locator("input[name=password2]").fill(NEW_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Registrieren").click()
    confirm = re.search(r"https?://[^/\s]+(/konto/confirm-email/\S+)", mail.outbox[-1].body).group(1)
    page.goto(f"{base}{confirm}")
    page.get_by_role("main").get_by_role("button").click()

    # The question waits for the Moderation, and the page says so.
    page.goto(f"{base}/de/forum/")
    page.get_by_role("link", name="Kita & Schule").click()
    page.get_by_role("link", name="Neues Thema").click()
    page.locator("input[name=subject]").fill("Erfahrungen mit der Kita Sonnenblume?")
    page.locator("textarea[name=content]").fill("Wir haben dort einen Platz angeboten bekommen. Wie ist es dort?")
    page.get_by_role("button", name="Absenden").click()
    expect(page.get_by_text("Die Moderation liest ihn, bevor er im Forum erscheint.")).to_be_visible()
    expect(page.get_by_role("main")).not_to_contain_text("Erfahrungen mit der Kita Sonnenblume?")

    # The moderator approves it from the one queue.
    desk = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    moderator = desk.new_page()
    log_in(moderator, base, "moderatorin")
    moderator.goto(f"{base}/de/forum/")
    moderator.get_by_role("navigation", name="Forum").get_by_role("link", name="Moderation").click()
    item = moderator.locator(".queue-item", has_text="Erfahrungen mit der Kita Sonnenblume?")
    item.get_by_role("button", name="Freigeben").click()
    expect(moderator.get_by_text("Keine Beiträge warten auf Freigabe.")).to_be_visible()

    # Another parent answers.
    other = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844}).new_page()
    log_in(other, base, "julia")
    other.goto(f"{base}/de/forum/forum/{forum.slug}-{forum.pk}/")
    other.get_by_role("link", name="Erfahrungen mit der Kita Sonnenblume?").click()
    other.get_by_role("link", name="Antworten").first.click()
    other.locator("textarea[name=content]").fill("Unsere Tochter ist dort, das Team ist sehr herzlich.")
    other.get_by_role("button", name="Absenden").click()
    expect(other.locator(".post__content", has_text="das Team ist sehr herzlich")).to_be_visible()

    # The first parent, on a phone, sees the unread notices on the folded menu's button and opens the answer.
    page.goto(f"{base}/de/forum/")
    toggle = page.locator(".site-menu__toggle")
    expect(toggle).to_have_text(re.compile(r"Menü \d+ neue Benachrichtigungen"))
    toggle.click()
    page.get_by_role("link", name=re.compile("Benachrichtigungen")).click()
    expect(page.get_by_text("Ihr Beitrag ist freigegeben: Erfahrungen mit der Kita Sonnenblume?")).to_be_visible()
    page.get_by_role("link", name="Neue Antwort im Thema „Erfahrungen mit der Kita Sonnenblume?“").click()
    expect(page.locator(".post__content", has_text="das Team ist sehr herzlich")).to_be_visible()
    assert any(m.to == ["neue.mama@example.org"] and "das Team ist sehr herzlich" in m.body for m in mail.outbox)
    desk.close()
    other.context.close()
