"""The accessibility statement and its feedback form: a reported barrier is stored, the Redaktion hears of it by mail
through the outbox and works on it in the admin; parents never see the reports."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from community.accounts.roles import REDAKTION
from core.models import OutboxMessage
from home.accessibility.models import AccessibilityFeedback
from home.accessibility.services import feedback_purge
from home.models import PortalSettings
from tests.factories import PASSWORD, ParentFactory, UserFactory, statement_page

pytestmark = pytest.mark.django_db

REPORT = {
    "description": "Der Knopf „Karte laden“ ist mit der Tastatur nicht erreichbar.",
    "page_url": "http://testserver/de/wickeln-stillen/",
    "name": "Petra Sehtest",
    "email": "petra@example.org",
}


@pytest.fixture
def statement(home_page):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "familienbuero@example.org"
    settings.contact_phone = "0208 000000"
    settings.save()
    return statement_page(home_page)


@pytest.fixture
def editor():
    return UserFactory(roles=[REDAKTION], email="redaktion@example.org")


def test_statement_shows_status_barriers_dates_contact_enforcement_and_the_form(client, statement):
    response = client.get(statement.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "mit den Anforderungen an die Barrierefreiheit teilweise vereinbar" in html
    assert "Karten lassen sich nicht vollständig mit der Tastatur bedienen." in html
    assert "Jede Adresse steht auch als Text auf der Seite." in html
    assert "15. Januar 2026" in html and "1. Juni 2026" in html
    assert 'href="mailto:familienbuero@example.org"' in html
    assert "Ombudsstelle für barrierefreie Informationstechnik" in html
    form = html.split('id="barriere-melden"')[1]
    assert 'name="description"' in form and 'name="email"' in form and 'name="page_url"' in form
    # The honeypot is there for bots, out of sight and out of the tab order for people.
    assert '<div class="hp-field" aria-hidden="true">' in form and 'name="webseite"' in form


def test_the_page_field_is_filled_in_from_the_query_or_the_referer_on_our_host_only(client, statement):
    def page_field(response) -> str:
        return response.content.decode().split('name="page_url"')[1].split(">")[0]

    assert 'value="http://testserver/de/kita/?alter=3"' in page_field(
        client.get(statement.url, {"seite": "/de/kita/?alter=3"})
    )
    assert 'value="http://testserver/de/angebote/"' in page_field(
        client.get(statement.url, HTTP_REFERER="http://testserver/de/angebote/")
    )
    assert "value=" not in page_field(client.get(statement.url, {"seite": "https://evil.example/de/kita/"}))
    assert "value=" not in page_field(client.get(statement.url, HTTP_REFERER="https://evil.example/"))


def test_a_report_is_stored_mailed_to_the_redaktion_through_the_outbox_and_thanked_for(
    client, statement, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(statement.url, REPORT)
        # Queued in the outbox with the report; the mail goes out only once both are committed.
        queued = OutboxMessage.objects.get(task_name="home.accessibility.tasks.send_feedback_mail")
        assert queued.published_at is None and mail.outbox == []
    assert response.status_code == 302
    assert response["Location"] == statement.url + "danke/"

    feedback = AccessibilityFeedback.objects.get()
    assert feedback.description == REPORT["description"]
    assert (feedback.page_url, feedback.name, feedback.email) == (REPORT["page_url"], "Petra Sehtest", REPORT["email"])
    assert feedback.status == AccessibilityFeedback.Status.NEW and feedback.language == "de"

    message = OutboxMessage.objects.get(task_name="home.accessibility.tasks.send_feedback_mail")
    assert message.args == [feedback.pk] and message.published_at is not None
    [sent] = mail.outbox
    assert sent.to == ["redaktion@example.org"] and sent.reply_to == ["petra@example.org"]
    assert sent.subject == "[Familienportal] Neue Barriere-Meldung"
    assert REPORT["description"] in sent.body and REPORT["page_url"] in sent.body
    assert f"/admin/accessibilityfeedback/edit/{feedback.pk}/" in sent.body

    thanks = client.get(response["Location"]).content.decode()
    assert "Danke für Ihre Meldung" in thanks and 'role="status"' in thanks


def test_the_report_keeps_the_language_it_was_sent_in_and_the_redaktion_reads_german(
    client, statement, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en{statement.url.removeprefix('/de')}", {"description": "The map is not usable."})
    assert response.status_code == 302
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.language == "en" and feedback.name == "" and feedback.email == ""
    [sent] = mail.outbox
    assert "Sprache: English" in sent.body and not sent.reply_to


def test_an_empty_description_is_refused_in_german_and_nothing_is_stored(
    client, statement, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(statement.url, {**REPORT, "description": "   "})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte beschreiben Sie die Barriere." in html
    assert 'value="Petra Sehtest"' in html  # nothing typed is lost
    assert not AccessibilityFeedback.objects.exists()
    assert not OutboxMessage.objects.filter(task_name__startswith="home.accessibility").exists()
    assert mail.outbox == []


def test_an_invalid_email_address_is_explained_in_german(client, statement):
    html = client.post(statement.url, {**REPORT, "email": "petra(at)example"}).content.decode()
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein" in html
    assert not AccessibilityFeedback.objects.exists()


def test_the_honeypot_keeps_bots_out(client, statement, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(statement.url, {**REPORT, "webseite": "http://spam.example"})
    assert response.status_code == 200
    assert "nach einem Programm aus" in response.content.decode()
    assert not AccessibilityFeedback.objects.exists()
    assert mail.outbox == []


def test_without_an_address_in_the_redaktion_the_portal_contact_is_told(
    client, statement, django_capture_on_commit_callbacks
):
    UserFactory(roles=[REDAKTION], email="")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(statement.url, REPORT)
    [sent] = mail.outbox
    assert sent.to == ["familienbuero@example.org"]


def _feedback(**fields) -> AccessibilityFeedback:
    return AccessibilityFeedback.objects.create(
        description=fields.pop("description", "Kontrast der Links im Fußbereich ist zu schwach."),
        language="de",
        **fields,
    )


def test_the_redaktion_works_on_reports_in_the_admin_and_parents_never_see_them(client, editor):
    feedback = _feedback(email="petra@example.org")
    index = reverse("accessibilityfeedback:index")
    edit = reverse("accessibilityfeedback:edit", args=[feedback.pk])

    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    for url in (index, edit):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Kontrast der Links" not in response.content.decode()
    client.logout()

    client.login(username=editor.username, password=PASSWORD)
    listing = client.get(index)
    assert listing.status_code == 200 and "Kontrast der Links im Fußbereich" in listing.content.decode()
    assert "Barriere-Meldungen" in client.get(reverse("wagtailadmin_home")).content.decode()
    form = client.get(edit)
    assert form.status_code == 200 and "petra@example.org" in form.content.decode()
    response = client.post(
        edit,
        {"status": "in-bearbeitung", "note": "Kontrast wird mit dem nächsten Update erhöht."},
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == AccessibilityFeedback.Status.IN_PROGRESS
    assert feedback.note == "Kontrast wird mit dem nächsten Update erhöht."
    # What was reported stays as it was sent.
    assert feedback.description == "Kontrast der Links im Fußbereich ist zu schwach."
    assert feedback.email == "petra@example.org"


def test_done_reports_are_deleted_after_a_year_and_open_ones_kept():
    now = timezone.now()
    old_done = _feedback(status=AccessibilityFeedback.Status.DONE)
    old_open = _feedback(status=AccessibilityFeedback.Status.IN_PROGRESS)
    recent_done = _feedback(status=AccessibilityFeedback.Status.DONE)
    AccessibilityFeedback.objects.filter(pk__in=[old_done.pk, old_open.pk]).update(
        updated_at=now - datetime.timedelta(days=400)
    )
    assert feedback_purge(now=now) == 1
    assert set(AccessibilityFeedback.objects.values_list("pk", flat=True)) == {old_open.pk, recent_done.pk}
