#!/usr/bin/env python3
"""Developer entry point: `python3 dev.py run` (portal with demo city) and `python3 dev.py test`.

Needs nothing but Python 3.11+: it makes `.venv`, installs the pinned dependencies from requirements.lock
(the ranges live in pyproject.toml; `make lock` regenerates the lock), then runs Django or pytest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".installed-lock"


def sh(*args: str | os.PathLike, env: dict | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def bootstrap_pip() -> None:
    """Debian's python3 may lack ensurepip (package python3-venv); fetch pip's wheel from PyPI instead of asking for sudo."""
    with urllib.request.urlopen("https://pypi.org/pypi/pip/json", timeout=60) as response:
        release = json.load(response)
    wheel = next(u for u in release["urls"] if u["packagetype"] == "bdist_wheel")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / wheel["filename"]
        urllib.request.urlretrieve(wheel["url"], target)
        sh(PYTHON, f"{target}/pip", "install", "--quiet", str(target))


def ensure_venv() -> None:
    if not PYTHON.exists():
        if sys.version_info < (3, 11):
            sys.exit("Python 3.11 oder neuer wird benötigt.")
        result = subprocess.run([sys.executable, "-m", "venv", str(VENV)], cwd=ROOT)
        if result.returncode != 0:
            shutil.rmtree(VENV, ignore_errors=True)
            sh(sys.executable, "-m", "venv", "--without-pip", VENV)
            bootstrap_pip()
    # Re-install whenever the lock (or the ranges it was made from) changes.
    digest = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != digest:
        sh(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        # The portal is an application run from this checkout: only its dependencies are installed, not the
        # project itself (an old `pip install -e .` of an earlier dev.py is taken out again).
        if list(VENV.glob("lib/python*/site-packages/familienportal-*.dist-info")):
            sh(PYTHON, "-m", "pip", "uninstall", "--quiet", "--yes", "familienportal")
        sh(PYTHON, "-m", "pip", "install", "--quiet", "-r", LOCK)
        STAMP.write_text(digest)


def manage(*args: str) -> None:
    sh(PYTHON, "manage.py", *args)


def run(args: list[str]) -> None:
    ensure_venv()
    manage("migrate", "--noinput")
    manage("seed_demo")
    address = args[0] if args else "127.0.0.1:8000"
    print(f"\nFamilienportal läuft auf http://{address}/ (Strg+C beendet)\n", flush=True)
    manage("runserver", address)


# Markers of the tests that run serially after the parallel part (see test()).
SERIAL_MARKERS = "browser or redis"

# pytest's short options that take a value: in `-ra` or `-kfoo`, what follows the letter is no option.
VALUE_SHORTS = set("cknmoprW")


def option_names(args: list[str]) -> set[str]:
    """The options named in pytest `args`: `-vsx` gives -v, -s, -x; `--dist=each` gives --dist."""
    names = set()
    for arg in args:
        if arg.startswith("--"):
            names.add(arg.split("=", 1)[0])
        elif arg.startswith("-") and len(arg) > 1:
            for letter in arg[1:]:
                names.add(f"-{letter}")
                if letter in VALUE_SHORTS:
                    break
    return names


def parallel(args: list[str]) -> list[str]:
    """pytest-xdist options to add to `args`: one worker per core (`-n auto`) unless the caller chose a number
    (`-n 0` is serial) or switched xdist off (`-p no:xdist`), or wants what only a serial run gives (`-s`,
    `--capture=no`, `--pdb`, `--trace`). `--dist loadgroup` runs the tests marked `xdist_group` with the
    same name in one worker, one after the other (tests sharing one outside service, e.g. one Redis database)."""
    if any(arg.endswith("no:xdist") for arg in args):
        return []
    names = option_names(args)
    extra = []
    serial = {"-n", "--numprocesses", "-s", "--pdb", "--trace"} & names or "--capture=no" in args
    if not serial:
        extra += ["-n", "auto"]
    if not {"--dist", "-d"} & names:
        extra += ["--dist", "loadgroup"]
    return extra


def test(args: list[str]) -> None:
    ensure_venv()
    # A model change without its migration is a failed build, not a surprise in production.
    manage("makemigrations", "--check", "--dry-run")
    extra = parallel(args)
    if "-n" not in extra or "-m" in option_names(args):
        sys.exit(subprocess.run([str(PYTHON), "-m", "pytest", *extra, *args], cwd=ROOT).returncode)
    # Tests on a transaction of their own (browser journeys, Celery workers) empty the database afterwards, and the
    # rows the migrations made (home page, site, locales) come back only by serialized rollback. Serially, pytest-
    # django runs them last; spread over workers they would run amid the others. So: the rest in parallel, then
    # those in a second run, again over the workers: each worker's database then sees only such tests (the Redis
    # ones share one Redis database and stay together in one worker, tests/conftest.py).
    first = subprocess.run([str(PYTHON), "-m", "pytest", *extra, "-m", f"not ({SERIAL_MARKERS})", *args], cwd=ROOT)
    second = subprocess.run([str(PYTHON), "-m", "pytest", *extra, "-m", SERIAL_MARKERS, *args], cwd=ROOT)
    codes = [first.returncode, second.returncode]
    # Exit code 5 (nothing collected) in one half is fine when the other half ran; both empty stays 5.
    failed = [code for code in codes if code not in (0, 5)]
    sys.exit(failed[0] if failed else 0 if 0 in codes else 5)


COMMANDS = {"run": run, "test": test, "setup": lambda args: ensure_venv()}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 dev.py {{{'|'.join(COMMANDS)}}} [args]")
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
