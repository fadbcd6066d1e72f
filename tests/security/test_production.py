"""Production mode and mail: it refuses to start without a way to send mail (or the explicit choice not to), and no
mail body ever reaches the log. Each row runs Django in a fresh process with exactly that environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Zq8!v2#Lm9@xW4$pR7&tY1*uB6^nC3%eH5" + "k" * 20
BASE_ENV = {"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "familien.example.org"}
# Variables of the surrounding shell that would change what production mode sees.
CLEARED = {"EMAIL_URL", "PORTAL_MAIL", "DATABASE_URL", "SEARCH_URL", "CELERY_BROKER_URL", "CACHE_URL", "DEBUG"}
# A mail with an address and a confirmation link, as allauth sends them.
SEND_A_MAIL = """
import django
from django.conf import settings
django.setup()
from django.core.mail import send_mail
print("BACKEND", settings.EMAIL_BACKEND)
send_mail("Bitte bestätigen", "Ihr Link: https://familien.example.org/konto/bestaetigen/GEHEIM-123/",
          None, ["mutter@example.org"])
print("SENT")
"""


def production_process(code: str, **env_vars: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in CLEARED}
    env.update(BASE_ENV, DJANGO_SETTINGS_MODULE="portal.settings.production", PYTHONPATH=f"{ROOT}:{ROOT / 'site'}")
    env.update(env_vars)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("env_vars", "refused_naming"),
    [
        pytest.param({}, "EMAIL_URL must be set", id="no-EMAIL_URL"),
        pytest.param({"EMAIL_URL": ""}, "EMAIL_URL must be set", id="empty-EMAIL_URL"),
        pytest.param({"EMAIL_URL": "consolemail://"}, "EMAIL_URL must name an SMTP server", id="console-mail"),
        pytest.param({"EMAIL_URL": "filemail:///tmp/mails"}, "EMAIL_URL must name an SMTP server", id="file-mail"),
        pytest.param({"EMAIL_URL": "memorymail://"}, "EMAIL_URL must name an SMTP server", id="memory-mail"),
        pytest.param({"PORTAL_MAIL": "vielleicht"}, "PORTAL_MAIL must be 'on'", id="unknown-PORTAL_MAIL"),
    ],
)
def test_production_refuses_to_start_without_a_way_to_send_mail(env_vars, refused_naming):
    result = production_process("import portal.settings.production", **env_vars)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert refused_naming in result.stderr


@pytest.mark.parametrize(
    ("env_vars", "backend", "warnings"),
    [
        pytest.param({"EMAIL_URL": "smtp://127.0.0.1:1"}, "django.core.mail.backends.smtp.EmailBackend", 0, id="smtp"),
        pytest.param(
            {"EMAIL_URL": "smtp+tls://mailer:pw@mail.internal:587"},
            "django.core.mail.backends.smtp.EmailBackend",
            0,
            id="smtp-tls",
        ),
        pytest.param({"PORTAL_MAIL": "off"}, "django.core.mail.backends.dummy.EmailBackend", 1, id="mail-off"),
        pytest.param(
            {"PORTAL_MAIL": "OFF", "EMAIL_URL": "smtp://127.0.0.1:1"},
            "django.core.mail.backends.dummy.EmailBackend",
            1,
            id="mail-off-wins",
        ),
    ],
)
def test_production_starts_with_smtp_or_the_explicit_no_mail_choice(env_vars, backend, warnings):
    code = "from portal.settings import production; print(production.EMAIL_BACKEND)"
    result = production_process(code, **env_vars)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == backend
    assert result.stderr.count("PORTAL_MAIL=off") == warnings


def test_mail_off_drops_a_mail_without_logging_its_body_or_address():
    result = production_process(SEND_A_MAIL, PORTAL_MAIL="off", LOG_LEVEL="DEBUG")
    assert result.returncode == 0, result.stderr
    assert "SENT" in result.stdout
    output = result.stdout + result.stderr
    assert "GEHEIM-123" not in output
    assert "mutter@example.org" not in output
    assert output.count("PORTAL_MAIL=off") == 1  # one warning at startup, none per mail


def test_production_logging_has_no_handler_that_writes_mails():
    code = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({"logging": settings.LOGGING, "admins": list(settings.ADMINS)}))
"""
    result = production_process(code, EMAIL_URL="smtp://127.0.0.1:1")
    assert result.returncode == 0, result.stderr

    chosen = json.loads(result.stdout.strip().splitlines()[-1])
    handlers = chosen["logging"].get("handlers", {})
    assert all("AdminEmailHandler" not in handler.get("class", "") for handler in handlers.values())
    assert chosen["admins"] == []  # Django's own mail_admins handler has nobody to write to
