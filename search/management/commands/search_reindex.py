import sys
import time

from django.core.management.base import BaseCommand

from search.services import index_rebuild

BAR_WIDTH = 30


class ProgressBar:
    """One line per phase that redraws in a terminal, and a line every 10 % in a log."""

    def __init__(self, stream):
        self.stream = stream
        self.tty = getattr(stream, "isatty", lambda: False)()
        self.phase, self.shown = "", -1

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase != self.phase:
            if self.phase and self.tty:
                self.stream.write("\n")
            self.phase, self.shown = phase, -1
        total = max(total, 1)
        percent = min(100, done * 100 // total)
        if self.tty:
            filled = BAR_WIDTH * percent // 100
            self.stream.write(
                f"\r{phase:<10} [{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {percent:3d} % {done}/{total}"
            )
            self.stream.flush()
        elif percent // 10 != self.shown // 10 or done == total:
            self.stream.write(f"{phase:<10} {percent:3d} % {done}/{total}\n")
        self.shown = percent

    def close(self):
        if self.tty and self.phase:
            self.stream.write("\n")


class Command(BaseCommand):
    help = "Rebuild the portal search: every document anew, into a fresh index that replaces the old one at once."

    def handle(self, *args, **options):
        started = time.monotonic()
        bar = ProgressBar(self.stdout._out if hasattr(self.stdout, "_out") else sys.stdout)
        result = index_rebuild(progress=bar)
        bar.close()
        seconds = time.monotonic() - started
        if "engine_error" in result:
            self.stderr.write(
                f"Die Suchmaschine ist nicht erreichbar ({result['engine_error']}). Die Datenbank-Suche ist neu "
                f"aufgebaut ({result['documents']} Dokumente); die Suchmaschine wird automatisch neu befüllt, "
                "sobald sie wieder antwortet (search_catch_up)."
            )
            raise SystemExit(1)
        where = result["engine"] + (f" ({result['index']})" if "index" in result else "")
        self.stdout.write(self.style.SUCCESS(f"{result['documents']} Dokumente indexiert in {seconds:.1f} s: {where}"))
