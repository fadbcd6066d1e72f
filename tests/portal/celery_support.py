"""Pointing the test process's Celery app at a broker, and running real workers."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from core import background
from portal.celery_app import app as celery_app

ROOT = Path(__file__).resolve().parents[2]
DEAD_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def outbox_rows_aged() -> None:
    """Make every outbox row old enough for the drain (younger ones may still be on their way)."""
    from datetime import timedelta

    from django.utils import timezone

    from core.models import OutboxMessage

    OutboxMessage.objects.update(created_at=timezone.now() - timedelta(minutes=5))


@contextlib.contextmanager
def broker(url: str | None):
    """Point the Celery app at `url` (None: in-process) with fresh connection pools; restore afterwards."""
    conf = celery_app.conf
    saved = conf.broker_url, conf.task_always_eager

    def reset_pools():
        from kombu import pools

        if celery_app._pool is not None:
            celery_app._pool.force_close_all()
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
        pools.reset()  # kombu keeps producer pools per connection in a global registry
        background._broker_paused_until = 0.0  # forget an outage from an earlier test

    reset_pools()
    conf.broker_url, conf.task_always_eager = url, url is None
    try:
        yield
    finally:
        reset_pools()
        conf.broker_url, conf.task_always_eager = saved


def wait_for(condition, *, timeout: float = 60, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class Worker:
    """A `celery worker` process of the portal, as production starts it, with the test's database and broker."""

    def __init__(
        self, *, broker_url: str, database_url: str | None, log: Path, mail_dir: Path, cache_url: str | None = None
    ):
        env = {
            **os.environ,
            "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}",
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "CELERY_BROKER_URL": broker_url,
            # A lost task comes back after 10 s instead of an hour (longer than the tests' slowest task, 6 s, or a
            # task still running would be handed out again), found by a scan every second: with kombu's default
            # (every 100 s, the first at the worker's start) a worker started soon after the loss found nothing yet
            # and looked again only after the test gave up.
            "CELERY_VISIBILITY_TIMEOUT": "10",
            "CELERY_RESTORE_INTERVAL": "1",
            "CELERY_RESTORE_THROTTLE": "1",
            "PORTAL_TEST_EMAIL_DIR": str(mail_dir),
        }
        if database_url:
            env["DATABASE_URL"] = database_url
        if cache_url:
            env["CACHE_URL"] = cache_url
        self.log = log
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "portal",
                "worker",
                "--concurrency",
                "1",
                "--loglevel",
                "INFO",
                "--include",
                "tests.portal.worker_tasks",
                "--without-gossip",
                "--without-mingle",
                "--hostname",
                f"test-{time.monotonic_ns()}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for(
            lambda: "ready." in self.output() or self.process.poll() is not None, timeout=60, what="the worker to start"
        )
        if self.process.poll() is not None:
            raise AssertionError(f"worker exited:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and pool child), as a crash or an OOM kill would."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
