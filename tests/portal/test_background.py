"""The outbox, the django-tasks backend, periodic housekeeping and /health/, in-process (no services needed)."""

import datetime
import io
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from core.background import outbox_drain, outbox_waiting
from core.models import OutboxMessage
from portal.celery_app import app as celery_app
from tests.factories import ParentFactory, make_forum, make_reply, make_topic
from tests.portal.celery_support import DEAD_BROKER, broker, outbox_rows_aged

pytestmark = pytest.mark.django_db
HEALTH_TOKEN = "health-token-for-the-tests"
HEALTH_AUTH = {"Authorization": f"Bearer {HEALTH_TOKEN}"}


def test_work_is_queued_with_the_transaction_and_runs_after_commit(home_page, django_capture_on_commit_callbacks):
    asker = ParentFactory(email="fragt@example.org")
    topic = make_topic(make_forum(), asker)
    OutboxMessage.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            make_reply(topic, ParentFactory())
    row = OutboxMessage.objects.get(task_name="community.forum.tasks.announce_post")
    assert row.published_at is None and not mail.outbox  # nothing ran before the commit
    with django_capture_on_commit_callbacks(execute=True):  # the commit: the jobs run (and queue their own)
        for callback in callbacks:
            callback()
    row.refresh_from_db()
    assert row.published_at is not None
    assert OutboxMessage.objects.get(task_name="community.notifications.tasks.send_notification_mail").published_at
    assert [m.to for m in mail.outbox] == [["fragt@example.org"]]


def test_an_unreachable_broker_keeps_the_request_working_and_the_drain_catches_up(
    client, home_page, django_capture_on_commit_callbacks, caplog
):
    asker = ParentFactory(email="fragt@example.org")
    topic = make_topic(make_forum(), asker)
    helper = ParentFactory()
    helper_posts = make_topic(make_forum("Vorstellung"), helper)
    make_reply(helper_posts, helper)  # an established member: the reply goes online at once
    client.force_login(helper)
    OutboxMessage.objects.all().delete()  # the set-up's own jobs never committed (the test runs in a transaction)
    from tests.factories import reply_url

    with broker(DEAD_BROKER), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reply_url(topic), {"subject": "Re: x", "content": "Antwort trotz Ausfall."})
    assert response.status_code == 302  # the post is saved, the parent sees no error
    row = OutboxMessage.objects.filter(task_name="community.forum.tasks.announce_post").latest("pk")
    assert row.published_at is None and row.attempts == 1 and "Error" in row.last_error
    assert "kept for the drain" in caplog.text
    assert not mail.outbox

    outbox_drain()  # too young: it might still be on its way
    # The announcement, and the search index updates for the topic (one from the post's save, one from the topic's).
    assert sorted(OutboxMessage.objects.filter(published_at=None).values_list("task_name", flat=True)) == [
        "community.forum.tasks.announce_post",
        "search.tasks.refresh_search_documents",
        "search.tasks.refresh_search_documents",
    ]
    assert outbox_waiting() == 3
    outbox_rows_aged()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("drain_outbox", stdout=out)  # the broker is back (here: in-process)
    assert "Veröffentlicht: 3," in out.getvalue()
    assert outbox_waiting() == 0  # the announcement ran, and the mail job it queued went out after it
    assert [m.to for m in mail.outbox] == [["fragt@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("drain_outbox", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # published rows are never sent again
    # A week later the drain tidies the published row away.
    outbox_drain(now=timezone.now() + datetime.timedelta(days=8))
    assert not OutboxMessage.objects.exists()


def test_wagtail_tasks_go_through_the_outbox_backend(home_page, django_capture_on_commit_callbacks):
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from home.models import ContentPage
    from tests.factories import ContentPageFactory

    with override_settings(TASKS={"default": {"BACKEND": "core.background.OutboxTaskBackend"}}):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            page = ContentPageFactory(parent=home_page, title="Elternberatung")
        rows = OutboxMessage.objects.filter(task_name="core.tasks.run_django_task")
        assert rows.exists() and all(row.published_at is None for row in rows)
        module_paths = {row.args[0] for row in rows}
        assert "wagtail.tasks.update_reference_index_task" in module_paths
        assert "modelsearch.tasks.insert_or_update_object_task" in module_paths
        IndexEntry.objects.all().delete()  # nothing in the search index until the job has run
        assert not get_search_backend().search("Elternberatung", ContentPage)
        for callback in callbacks:
            callback()
    assert all(row.published_at for row in OutboxMessage.objects.filter(task_name="core.tasks.run_django_task"))
    # The worker's job (here in-process) indexed the page.
    assert list(get_search_backend().search("Elternberatung", ContentPage)) == [page.specific]


def test_every_scheduled_task_exists():
    from django.conf import settings

    celery_app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in celery_app.tasks, name


def test_offers_and_events_past_their_last_date_go_offline(home_page):
    from home.services import past_pages_unpublish
    from tests.factories import contact_point_index, district, make_contact_point, make_event, make_offer, offer_index

    today = timezone.localdate()

    def day(offset: int) -> datetime.date:
        return today + datetime.timedelta(days=offset)

    offers = offer_index(home_page)
    past = make_offer(offers, title="Herbstkurs", dates=[{"start_date": day(-10), "end_date": day(-3)}])
    coming = make_offer(offers, title="Winterkurs", dates=[{"start_date": day(3), "end_date": day(30)}])
    point = make_contact_point(contact_point_index(home_page), district=district("styrum"))
    old_event = make_event(point, title="Laternenbasteln", start_date=day(-2))
    next_event = make_event(point, title="Elterncafé", start_date=day(2))
    assert past_pages_unpublish() == 2
    for page, live in ((past, False), (coming, True), (old_event, False), (next_event, True)):
        page.refresh_from_db()
        assert page.live is live, page.title
    assert past_pages_unpublish() == 0  # idempotent


def test_new_images_get_their_renditions_in_the_background(db, django_capture_on_commit_callbacks):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), "teal").save(buffer, "PNG")
    with django_capture_on_commit_callbacks(execute=True):
        image = get_image_model().objects.create(title="Spielplatz", file=ImageFile(buffer, name="spielplatz.png"))
    assert set(image.renditions.values_list("filter_spec", flat=True)) == {"width-960", "max-165x165"}


def test_health_reports_every_service_as_json(client, db, settings):
    settings.PORTAL_HEALTH_TOKEN = HEALTH_TOKEN  # the details are for monitoring; the public sees only the status
    response = client.get("/health/", headers=HEALTH_AUTH)
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["status"] == "ok"
    assert set(data["checks"]) == {"database", "cache", "broker", "search", "outbox"}
    assert all(check["ok"] for check in data["checks"].values())
    assert data["checks"]["broker"]["required"] is False  # in-process: no broker needed
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_is_503_when_a_required_service_is_down(client, db, settings):
    settings.CELERY_BROKER_URL = DEAD_BROKER
    settings.PORTAL_HEALTH_TOKEN = HEALTH_TOKEN
    with broker(DEAD_BROKER):
        response = client.get("/health/", headers=HEALTH_AUTH)
    assert response.status_code == 503
    data = json.loads(response.content)
    assert data["status"] == "error"
    assert data["checks"]["broker"]["ok"] is False and data["checks"]["broker"]["required"] is True
    assert data["checks"]["database"]["ok"] is True


def test_health_reports_a_broken_cache(client, db, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": DEAD_BROKER},
    }
    settings.PORTAL_HEALTH_TOKEN = HEALTH_TOKEN
    response = client.get("/health/", headers=HEALTH_AUTH)
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["cache"]["ok"] is False


def test_a_volunteer_mail_task_run_twice_sends_one_mail(home_page):
    from home.contact_points.models import VolunteerSignup
    from home.contact_points.tasks import send_volunteer_mail
    from tests.factories import contact_point_index, district, make_contact_point, make_shift

    shift = make_shift(
        make_contact_point(contact_point_index(home_page), district=district("styrum")),
        date=timezone.localdate() + datetime.timedelta(days=5),
    )
    signup = VolunteerSignup.objects.create(shift=shift, user=ParentFactory(email="hilft@example.org"))
    send_volunteer_mail.apply(args=[signup.pk, "confirmation"])
    send_volunteer_mail.apply(args=[signup.pk, "confirmation"])  # a redelivery
    assert [m.to for m in mail.outbox] == [["hilft@example.org"]]


def test_a_refused_mail_gives_its_claim_back_so_the_retry_sends_it(db, monkeypatch):
    from smtplib import SMTPException

    from community.notifications import services
    from community.notifications.models import Notification

    notice = Notification.objects.create(
        user=ParentFactory(email="spaeter@example.org"), kind="forum.post", title="Neue Antwort"
    )
    real_send = services.send_mail

    def refuse(*args, **kwargs):
        raise SMTPException("451 try again later")

    monkeypatch.setattr(services, "send_mail", refuse)
    with pytest.raises(SMTPException):
        services.notification_mail_send(notification_id=notice.pk)
    assert Notification.objects.get(pk=notice.pk).emailed_at is None
    monkeypatch.setattr(services, "send_mail", real_send)
    assert services.notification_mail_send(notification_id=notice.pk) is True
    assert services.notification_mail_send(notification_id=notice.pk) is False
    assert [m.to for m in mail.outbox] == [["spaeter@example.org"]]


def test_after_a_failed_publish_requests_leave_jobs_for_the_drain_without_waiting(
    home_page, django_capture_on_commit_callbacks
):
    import time

    from core.background import enqueue

    with broker(DEAD_BROKER), django_capture_on_commit_callbacks(execute=True):
        enqueue("core.tasks.drain_outbox")
        started = time.monotonic()
        for _ in range(5):
            enqueue("core.tasks.drain_outbox")
        quick = time.monotonic() - started
    assert OutboxMessage.objects.filter(published_at__isnull=True).count() == 6
    assert list(OutboxMessage.objects.values_list("attempts", flat=True)) == [1, 0, 0, 0, 0, 0]  # only the first tried
    assert quick < 1.0


def test_health_reports_an_unreachable_search_engine(client, db, settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": ["http://127.0.0.1:1"],
            "INDEX": "health-test",
            "TIMEOUT": 1,
        }
    }
    settings.PORTAL_HEALTH_TOKEN = HEALTH_TOKEN
    response = client.get("/health/", headers=HEALTH_AUTH)
    # Reported, but the site stays in service: the portal search falls back to the database.
    assert response.status_code == 200
    search = json.loads(response.content)["checks"]["search"]
    assert search["ok"] is False and search["required"] is False
