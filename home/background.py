"""Queueing background work from a request: the request's own write must never fail because the broker is away."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def enqueue(task, *args) -> bool:
    """Queue `task` (a Celery task); on an unreachable broker log the loss and return False instead of raising."""
    try:
        task.delay(*args)
    except Exception:
        logger.exception("Could not queue %s%r", getattr(task, "name", task), args)
        return False
    return True
