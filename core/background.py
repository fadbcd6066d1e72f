"""Background work through a transactional outbox, so that nothing is lost when the broker is away.

`enqueue(task, *args)` writes an `OutboxMessage` in the caller's transaction and publishes it to Celery
once that transaction commits. Without a broker (the embedded default) Celery runs the task in-process
at that moment. A failed publish is logged and left for `outbox_drain`, which Celery beat runs every
minute and `manage.py drain_outbox` runs by hand. Wagtail's own tasks (django-tasks API) take the same
path through `OutboxTaskBackend`."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# A row younger than this may still be on its way (its on_commit publish is running): the drain leaves it.
DRAIN_GRACE = timedelta(seconds=30)
# Published rows are kept this long for looking into problems, then the drain deletes them.
KEEP_PUBLISHED = timedelta(days=7)
# Once-only claims outlive any redelivery (the visibility timeout is hours, not weeks).
KEEP_CLAIMS = timedelta(days=60)
# After a failed publish, requests stop trying the broker for a while (a page publish queues several jobs;
# each would wait for the connect timeout). The drain always tries.
BROKER_PAUSE_SECONDS = 30
_broker_paused_until = 0.0


def enqueue(task, *args, **kwargs) -> int:
    """Queue `task` (a Celery task or its name) after the surrounding transaction commits; returns the outbox row's id."""
    from core.models import OutboxMessage

    name = task if isinstance(task, str) else task.name
    message = OutboxMessage.objects.create(task_name=name, args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda: outbox_publish(message_id=message.pk))
    return message.pk


def claim_once(key: str) -> bool:
    """True the first time `key` is claimed, False ever after: guards side effects of tasks that may run twice."""
    from django.db import IntegrityError

    from core.models import TaskClaim

    try:
        with transaction.atomic():
            TaskClaim.objects.create(key=key[:200])
    except IntegrityError:
        logger.info("Already done, skipped: %s", key)
        return False
    return True


def claim_release(key: str) -> None:
    from core.models import TaskClaim

    TaskClaim.objects.filter(key=key[:200]).delete()


def _celery_app():
    # The project's app (site/portal/celery_app.py, loaded with Django) is Celery's current app; core names
    # no project module.
    from celery import current_app

    return current_app._get_current_object()


def outbox_publish(*, message_id: int, force: bool = False) -> bool:
    """Hand one row to Celery; on any broker error log it and leave the row for the drain. Never raises."""
    global _broker_paused_until
    from core.models import OutboxMessage

    message = OutboxMessage.objects.filter(pk=message_id, published_at__isnull=True).first()
    if message is None:
        return False
    app = _celery_app()
    if not app.conf.task_always_eager and not force and time.monotonic() < _broker_paused_until:
        logger.info("Outbox %s (%s) left for the drain: the broker failed moments ago", message.pk, message.task_name)
        return False
    try:
        if app.conf.task_always_eager:
            # No broker: run it here and now, as the quick start promises.
            if message.task_name not in app.tasks:
                app.loader.import_default_modules()  # a task named by string: let autodiscovery load it
            app.tasks[message.task_name].apply(args=message.args, kwargs=message.kwargs, throw=True)
        else:
            app.send_task(
                message.task_name,
                args=message.args,
                kwargs=message.kwargs,
                task_id=f"outbox-{message.pk}-{message.attempts}",
            )
    except Exception as error:  # the broker (or, in-process, the task itself) failed: keep the row
        if not app.conf.task_always_eager:
            _broker_paused_until = time.monotonic() + BROKER_PAUSE_SECONDS
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=message.attempts + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        logger.warning("Outbox %s (%s) not published, kept for the drain: %s", message.pk, message.task_name, error)
        return False
    _broker_paused_until = 0.0
    OutboxMessage.objects.filter(pk=message.pk).update(published_at=timezone.now(), attempts=message.attempts + 1)
    logger.info("Outbox %s (%s) published", message.pk, message.task_name)
    return True


def outbox_drain(*, now=None, limit: int = 500) -> int:
    """Publish what is still waiting (broker was away, process died before publishing); returns how many went out."""
    global _broker_paused_until
    from core.models import OutboxMessage

    now = now or timezone.now()
    waiting = list(
        OutboxMessage.objects.filter(published_at__isnull=True, created_at__lt=now - DRAIN_GRACE).values_list(
            "pk", flat=True
        )[:limit]
    )
    _broker_paused_until = 0.0  # the drain is the retry: try the broker again
    published = 0
    for pk in waiting:
        if outbox_publish(message_id=pk, force=True):
            published += 1
        elif not _celery_app().conf.task_always_eager:
            break  # the broker is still away: the next drain tries again
    if waiting:
        logger.info("Outbox drain: %s of %s waiting rows published", published, len(waiting))
    from core.models import TaskClaim

    OutboxMessage.objects.filter(published_at__lt=now - KEEP_PUBLISHED).delete()
    TaskClaim.objects.filter(created_at__lt=now - KEEP_CLAIMS).delete()
    return published


def outbox_waiting() -> int:
    from core.models import OutboxMessage

    return OutboxMessage.objects.filter(published_at__isnull=True).count()


# --- Wagtail's own background work (django-tasks API) on the same Celery workers ----------------------------
RUN_DJANGO_TASK = "core.tasks.run_django_task"

try:
    from django_tasks.backends.base import BaseTaskBackend
    from django_tasks.base import TaskResult, TaskResultStatus
    from django_tasks.utils import get_random_id, normalize_json
except ImportError:  # pragma: no cover - django-tasks is a dependency of Wagtail 8
    BaseTaskBackend = object


class OutboxTaskBackend(BaseTaskBackend):
    """A django-tasks backend that puts each task in the outbox; a Celery worker runs it (`core.tasks.run_django_task`).

    Wagtail enqueues in `post_save`, inside the page's transaction: going through the outbox means the worker
    runs only after the commit (it sees the new data) and a broker outage cannot fail the save."""

    supports_defer = False
    supports_async_task = False
    supports_get_result = False
    supports_priority = True  # accepted, not used: Redis has no priorities worth the name

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        args, kwargs = normalize_json(list(args)), normalize_json(dict(kwargs))
        enqueue(RUN_DJANGO_TASK, task.module_path, args, kwargs)
        return TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
