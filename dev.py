#!/usr/bin/env python3
"""Developer entry point: `python3 dev.py run` (portal with demo city) and `python3 dev.py test`.

Needs nothing but Python 3.11+: it makes `.venv`, installs the project, then runs Django or pytest.
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
STAMP = VENV / ".installed-pyproject"


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
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != digest:
        sh(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        sh(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[test]")
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


def test(args: list[str]) -> None:
    ensure_venv()
    # A model change without its migration is a failed build, not a surprise in production.
    manage("makemigrations", "--check", "--dry-run")
    result = subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT)
    sys.exit(result.returncode)


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
