"""Background work with a real Redis on 127.0.0.1 and real worker processes (installed and started by .ci/run)."""

import os

import pytest
from django.db import connection

from community.notifications.models import Notification
from community.notifications.services import notify
from core.background import enqueue, outbox_drain
from core.models import OutboxMessage
from portal.celery_app import app as celery_app
from tests.conftest import require_service
from tests.factories import ContentPageFactory, ParentFactory
from tests.portal.celery_support import DEAD_BROKER, Worker, broker, outbox_rows_aged, wait_for

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def redis_url():
    import redis

    url = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        require_service(f"Redis at {url} (apt-get install redis-server)")
    client.flushdb()  # no messages left over from an earlier run
    yield url
    client.flushdb()


def shared_database_url() -> str:
    """The test database as a URL a worker process can open (PostgreSQL only: SQLite's test database lives in memory)."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker shares the test database only on PostgreSQL; this runs in the PostgreSQL pass")
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def workers(redis_url, tmp_path):
    started = []

    def start(*, database: bool = False, cache_url: str | None = None) -> Worker:
        worker = Worker(
            broker_url=redis_url,
            database_url=shared_database_url() if database else None,
            cache_url=cache_url,
            log=tmp_path / f"worker-{len(started)}.log",
            mail_dir=tmp_path / "mails",
        )
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def mails(tmp_path) -> list[str]:
    folder = tmp_path / "mails"
    return [path.read_text() for path in folder.iterdir()] if folder.exists() else []


def test_a_task_queued_while_no_worker_runs_runs_when_one_comes_back(workers, redis_url, tmp_path):
    job = tmp_path / "offline"
    with broker(redis_url):
        enqueue("tests.portal.worker_tasks.slow_mark", str(job), 0)  # outbox row, published to Redis at once
    assert OutboxMessage.objects.get().published_at is not None
    workers()
    wait_for(lambda: (tmp_path / "offline.done").exists(), timeout=60, what="the queued task")


def test_a_task_survives_a_worker_killed_mid_task(workers, redis_url, tmp_path):
    job = tmp_path / "job"
    first = workers()
    with broker(redis_url):
        celery_app.send_task("tests.portal.worker_tasks.slow_mark", args=[str(job), 6])
    wait_for(lambda: (tmp_path / "job.started").exists(), what="the task to start")
    first.kill()  # SIGKILL mid-task: the message was not acknowledged (acks_late)
    assert not (tmp_path / "job.done").exists()
    workers()
    wait_for(lambda: (tmp_path / "job.done").exists(), timeout=90, what="the task to run again on the new worker")
    assert (tmp_path / "job.started").read_text().count("x") == 2  # started twice, finished once
    assert (tmp_path / "job.done").read_text().count("x") == 1


def test_a_notification_is_mailed_exactly_once_even_if_its_task_runs_twice(workers, redis_url, tmp_path):
    worker = workers(database=True)
    parent = ParentFactory(email="einmal@example.org")
    with broker(redis_url):
        (notice,) = notify(
            users=[parent], kind="forum.post", title="Neue Antwort im Thema „Schwimmkurs“", body="Julia schreibt …"
        )
        # The same job delivered again (a redelivery after a lost acknowledgement, a drained duplicate).
        celery_app.send_task("community.notifications.tasks.send_notification_mail", args=[notice.pk])
    wait_for(
        lambda: worker.output().count("send_notification_mail") >= 4, what="both deliveries to finish"
    )  # received + succeeded, twice
    wait_for(lambda: len(mails(tmp_path)) >= 1, what="the mail")
    assert len(mails(tmp_path)) == 1
    assert "einmal@example.org" in mails(tmp_path)[0] and "Schwimmkurs" in mails(tmp_path)[0]
    assert Notification.objects.get(pk=notice.pk).emailed_at is not None


def test_publishing_a_page_while_the_broker_is_down_works_and_the_work_happens_later(
    workers, redis_url, tmp_path, settings
):
    from wagtail.search.backends import get_search_backend

    from home.models import ContentPage, HomePage

    settings.TASKS = {"default": {"BACKEND": "core.background.OutboxTaskBackend"}}
    with broker(DEAD_BROKER):
        page = ContentPageFactory(
            parent=HomePage.objects.get(), title="Hebammensprechstunde"
        )  # published, in its transaction
    page.refresh_from_db()
    assert page.live
    waiting = OutboxMessage.objects.filter(published_at__isnull=True, task_name="core.tasks.run_django_task")
    assert waiting.exists()  # the search index update waits in the outbox
    assert not list(get_search_backend().search("Hebammensprechstunde", ContentPage))

    workers(database=True)
    outbox_rows_aged()
    with broker(redis_url):
        assert outbox_drain() >= 1  # the broker is back: the periodic drain sends what waited
    wait_for(
        lambda: list(get_search_backend().search("Hebammensprechstunde", ContentPage)) == [page.specific],
        timeout=60,
        what="the worker to index the page",
    )


def test_an_uploaded_import_runs_in_the_worker_and_its_page_counts_the_rows(workers, redis_url, settings, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from community.accounts.roles import REDAKTION
    from home.models import HomePage
    from home.offers.models import OfferImport, OfferPage
    from tests.factories import UserFactory, district, offer_index

    # Web process and worker share the cache, as in production (CACHE_URL=redis://…): the worker counts, the page reads.
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "core.cache.FailSafeRedisCache", "LOCATION": redis_url},
    }
    workers(database=True, cache_url=redis_url)
    offer_index(HomePage.objects.get())
    district("saarn")
    client.force_login(UserFactory(roles=[REDAKTION]))
    lines = ["external_id,title,summary,categories,district,dates"]
    lines += [
        f"w-{n},Ferienkurs {n},Basteln in den Ferien.,Sport,Saarn,2027-07-{n % 28 + 1:02d} 10:00-12:00"
        for n in range(120)
    ]
    upload = SimpleUploadedFile("ferien.csv", "\n".join(lines).encode(), content_type="text/csv")
    with broker(redis_url):
        response = client.post("/admin/angebote/import/", {"file": upload})
    run = OfferImport.objects.get()
    assert response["Location"] == f"/admin/angebote/import/{run.pk}/"
    seen = set()

    def finished() -> bool:
        status = client.get(f"/admin/angebote/import/{run.pk}/status.json").json()
        seen.add(status["done"])
        return status["finished"]

    wait_for(finished, timeout=120, what="the worker to finish the import")
    run.refresh_from_db()
    assert run.state == "done", run.failure
    assert OfferPage.objects.live().count() == 120
    assert any(0 < done < 120 for done in seen), seen  # the page saw the count grow while the worker wrote
    assert "120 Angebote angelegt, 0 aktualisiert." in client.get(response["Location"]).content.decode()
