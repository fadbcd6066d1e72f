"""Production: every secret and host from the environment; refuses to start with dev defaults."""

import logging

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False
if len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")  # no default: must be named explicitly
PORTAL_ALLOW_DEMO_ACCOUNTS = False
# The guests' page cache and its content version must be shared by every gunicorn worker and the Celery worker (a
# publish in one process has to reach the others); a per-process memory cache would serve stale pages for up to a
# minute, so without a shared CACHE_URL the portal renders every page (core/page_cache.py).
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):  # noqa: F405
    PORTAL_PAGE_CACHE_SECONDS = 0
    PORTAL_FRAGMENT_CACHE_SECONDS = 0

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# TLS ends at the reverse proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# --- Mail (issue 19, prod) ----------------------------------------------------------------
# Mails carry addresses and confirmation links: in production they go to an SMTP server named by EMAIL_URL, or,
# by an explicit choice (PORTAL_MAIL=off), nowhere. Never to the console, a file or memory, where a body would end
# up in the server log or on disk; the default of base.py (consolemail://) is for development only.
PORTAL_MAIL = env.str("PORTAL_MAIL", default="on").strip().lower()
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
if PORTAL_MAIL not in {"on", "off"}:
    raise ImproperlyConfigured(
        f"PORTAL_MAIL must be 'on' (the default: send through EMAIL_URL) or 'off', not {PORTAL_MAIL!r}."
    )
if PORTAL_MAIL == "off":
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    # Logging is not configured yet while settings load: this goes to stderr through logging's last-resort handler,
    # once per process start, never per mail.
    logging.getLogger("portal.settings").warning(
        "PORTAL_MAIL=off: every mail (sign-up confirmations, password resets, notices) is dropped without being sent."
    )
elif not env.str("EMAIL_URL", default=""):
    raise ImproperlyConfigured(
        "EMAIL_URL must be set in production, e.g. EMAIL_URL=smtp+tls://user:password@mail.example.org:587 "
        "(or PORTAL_MAIL=off to drop every mail on purpose)."
    )
elif EMAIL_BACKEND != SMTP_BACKEND:  # noqa: F405
    raise ImproperlyConfigured(
        f"EMAIL_URL must name an SMTP server (smtp://, smtp+tls://, smtp+ssl://) in production; {EMAIL_BACKEND!r} "  # noqa: F405
        "would write mails with addresses and links into the log or onto the disk (or PORTAL_MAIL=off)."
    )
