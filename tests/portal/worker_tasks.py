"""A task only the tests' workers load: it marks start and end in files and takes its time in between."""

import time
from pathlib import Path

from celery import shared_task


@shared_task(acks_late=True)
def slow_mark(path: str, seconds: float) -> None:
    base = Path(path)
    with (base.parent / f"{base.name}.started").open("a") as started:
        started.write("x\n")
    time.sleep(seconds)
    with (base.parent / f"{base.name}.done").open("a") as done:
        done.write("x\n")
