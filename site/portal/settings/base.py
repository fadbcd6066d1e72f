"""Settings shared by every mode; each environment variable is read here once, with its embedded default."""

from datetime import timedelta
from pathlib import Path

import environ
import machina
from celery.schedules import crontab
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent.parent  # the repository root (site/portal/settings → ../../..)

env = environ.Env()

# --- Environment --------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
# Only dev/test provide a fallback; production.py refuses to start without a real key.
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# SQLite file in the checkout unless a PostgreSQL URL is given (postgres://user:pw@host:5432/db).
DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# A member's page needs the database (session, account); opening a connection for each request cost more than the
# queries themselves. Kept open a minute per worker, checked before reuse after a request that ended with an error.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Wagtail's database search unless opensearch://, elasticsearch:// (or https variants) is given.
SEARCH_URL = env.str("SEARCH_URL", default="")
# The portal search's index is the alias "<prefix>-portal"; Wagtail's admin indices share the prefix.
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="familienportal")
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=3.0)
# Tasks run in-process unless a broker is given (redis://127.0.0.1:6379/0).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
# Local memory unless redis://… (use another Redis database than the broker).
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://portal")}
# Mails go to the console unless smtp://user:pw@host:587 (or smtp+tls://, smtp+ssl://) is given.
vars().update(env.email_url_config(env.str("EMAIL_URL", default="") or "consolemail://"))  # empty = unset
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Familienportal <noreply@familienportal.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where uploaded images and documents live; a mounted volume or S3-compatible storage in production.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "static"))
# The public address, used in e-mails and the admin (no trailing slash).
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000")
# Map tiles load only after a visitor clicks "Karte laden" (two-click, DSGVO); any XYZ tile server works.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str(
    "MAP_TILE_ATTRIBUTION", default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)
# Free-place reports older than this many weeks are shown as possibly outdated.
KITA_REPORT_STALE_WEEKS = env.int("KITA_REPORT_STALE_WEEKS", default=4)
# Demo accounts with the password "demo" may only be created where this is true (never in production).
PORTAL_ALLOW_DEMO_ACCOUNTS = env.bool("PORTAL_ALLOW_DEMO_ACCOUNTS", default=True)

# --- Applications -------------------------------------------------------------------------
# The portal's own apps, lower layers first (core ← accounts ← … ← feature apps; see tests/portal/test_layout.py).
# A feature app may be left out: nothing else imports it, and what it registers simply is not there.
PORTAL_APPS = [
    "core",
    "community.accounts",
    "community.notifications",
    "search",
    "home.translations",
    "home",
    "home.directory",
    "home.offers",
    "home.kita",
    "home.contact_points",
    "home.changing_places",
    "home.accessibility",
    "home.calendar_feeds",
    "community.wiki",
    "community.forum",
    "community.bookmarks",
]
INSTALLED_APPS = PORTAL_APPS + [
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "axes",  # failed-login lockout on every way in (community/accounts/lockout.py)
    "allauth.mfa",  # second factor (TOTP, recovery codes); settings in "Two-factor login" below
    # django-machina and what it needs
    "mptt",
    "haystack",
    "widget_tweaks",
    "machina",
    "machina.apps.forum",
    "machina.apps.forum_conversation",
    "machina.apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_feeds",
    "machina.apps.forum_moderation",
    "machina.apps.forum_search",
    "machina.apps.forum_tracking",
    "machina.apps.forum_member",
    "machina.apps.forum_permission",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.locale_middleware.LocaleMiddleware",  # Django's, without the language redirect of an API's 404
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Guests' pages from the cache: after CSRF (a stored form gets the visitor's token), before anything that loads a
    # session or a user, so a hit makes no database query (core/page_cache.py).
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Turns a login refused for too many failures into the portal's German 429 page.
    "axes.middleware.AxesMiddleware",
    "community.accounts.mfa.StaffSecondFactorMiddleware",  # staff enrol a second factor before anything else
    "community.forum.middleware.ForumPermissionMiddleware",  # machina's, minus a session per anonymous visit
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.routing.CachedRouteMiddleware",  # which page a path leads to, kept under the content version
]

# How long a guest's page is served from the cache at most (0: never); any write of content ends it sooner.
PORTAL_PAGE_CACHE_SECONDS = env.int("PORTAL_PAGE_CACHE_SECONDS", default=60)
# The same for the parts every page shares (navigation, site settings, home page panels), for members too.
PORTAL_FRAGMENT_CACHE_SECONDS = env.int("PORTAL_FRAGMENT_CACHE_SECONDS", default=60)
# Each web process also keeps the fragments it used last in its own memory (at most this many bytes), so a warm page
# asks Redis only for the content version, not for each of its pieces (core/page_cache.py).
PORTAL_FRAGMENT_MEMORY_BYTES = env.int("PORTAL_FRAGMENT_MEMORY_BYTES", default=16 * 1024 * 1024)
# How long a reverse proxy or CDN may keep a guest's page (s-maxage); it does not hear of new content unless Wagtail's
# frontend cache invalidation is set up (docs/operations.md).
PORTAL_PROXY_CACHE_SECONDS = env.int("PORTAL_PROXY_CACHE_SECONDS", default=10)
# Never from the cache: the admin, the health check, accounts, language switching, documents (checked per collection).
PORTAL_PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/health/", "/konto/", "/i18n/", "/dokumente/"]

ROOT_URLCONF = "portal.urls"
# A form sent from an outdated page gets a German page in the portal layout, not Django's English one.
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our tree first so it overrides allauth and machina; machina's own folder last.
        "DIRS": [BASE_DIR / "templates", machina.MACHINA_MAIN_TEMPLATE_DIR],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "machina.core.context_processors.metadata",
                "core.context_processors.map_tiles",
                "core.context_processors.today",
            ],
        },
    },
]

# Machina's migrations use integer keys; BigAutoField here would make makemigrations write into
# the installed package. Our own apps choose BigAutoField in their AppConfig.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out account or address is refused before any password is checked.
    "community.accounts.lockout.PortalLockoutBackend",
    "core.permissions.CachedPermissionsBackend",  # Django's ModelBackend, its answers kept until something changes
    # allauth's (login with the e-mail address), the account kept in the process like the one above.
    "core.permissions.KeptAccountAuthenticationBackend",
]

# --- Languages ----------------------------------------------------------------------------
EASY_GERMAN = "de-x-ls"
LANG_INFO[EASY_GERMAN] = {"bidi": False, "code": EASY_GERMAN, "name": "Easy German", "name_local": "Leichte Sprache"}
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    # Leichte Sprache (easy-to-read German) is a content locale of its own: editors translate into it in the same
    # workflow as into the other languages; a private-use subtag, so browsers and screen readers still read German.
    (EASY_GERMAN, "Leichte Sprache"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("ru", "Русский"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Our catalogues first (they win); locale/vendor/ fills languages our libraries lack (machina has no Ukrainian).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [machina.MACHINA_MAIN_STATIC_DIR]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Accounts (django-allauth) ------------------------------------------------------------
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "profile"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Familienportal] "
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_FORMS = {
    "signup": "community.accounts.forms.PortalSignupForm",
    "login": "community.accounts.forms.PortalLoginForm",
}
ACCOUNT_ADAPTER = "community.accounts.adapter.PortalAccountAdapter"  # mails in the member's language

# --- Login protection (issue 19; community/accounts/lockout.py, docs/operations.md "Login protection") ---------
# Reverse proxies in front of the portal that append the client's address to X-Forwarded-For (nginx:
# $proxy_add_x_forwarded_for). 0: the address is REMOTE_ADDR and X-Forwarded-For is never trusted.
PORTAL_TRUSTED_PROXIES = env.int("PORTAL_TRUSTED_PROXIES", default=0)
# Failed logins (any way in: /konto/login/, /admin/login/, re-authentication) before a lockout, counted
# separately per account and per client address, each within the lockout period.
PORTAL_LOGIN_FAILURES_PER_ACCOUNT = env.int("PORTAL_LOGIN_FAILURES_PER_ACCOUNT", default=5)
PORTAL_LOGIN_FAILURES_PER_ADDRESS = env.int("PORTAL_LOGIN_FAILURES_PER_ADDRESS", default=20)
# How long a lockout lasts; failures older than this are forgotten, a new failure while locked restarts it.
PORTAL_LOGIN_LOCKOUT_MINUTES = env.int("PORTAL_LOGIN_LOCKOUT_MINUTES", default=15)
# One reading of the client address for allauth's limits and for django-axes (lockout.client_address).
ALLAUTH_TRUSTED_PROXY_COUNT = PORTAL_TRUSTED_PROXIES
AXES_CLIENT_IP_CALLABLE = "community.accounts.lockout.client_address"  # wins over axes' ipware settings
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # the account alone, and the address alone
AXES_HANDLER = "community.accounts.lockout.PortalLockoutHandler"  # one limit per parameter (above)
AXES_FAILURE_LIMIT = "community.accounts.lockout.failure_limit"  # the larger of the two
AXES_COOLOFF_TIME = timedelta(minutes=PORTAL_LOGIN_LOCKOUT_MINUTES)
AXES_USERNAME_CALLABLE = "community.accounts.lockout.account_key"  # "julia" and her e-mail count as one
AXES_LOCKOUT_CALLABLE = "community.accounts.lockout.lockout_response"  # German 429 page in the portal layout
AXES_RESET_ON_SUCCESS = False  # a login to one's own account must not wipe the failures an address collected
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful login (data minimisation); failures only
AXES_VERBOSE = False
# allauth's own limits per client address ("ip") and per e-mail address ("key"). Failed logins are axes'
# job alone ("login_failed" off: allauth's would answer first, with its own wording). test.py switches the
# limits off; tests that need them take PORTAL_ACCOUNT_RATE_LIMITS.
PORTAL_ACCOUNT_RATE_LIMITS = {
    "login_failed": "",
    "login": "30/m/ip",
    "signup": "5/m/ip,10/h/ip",
    # Reset mails: per address, and per e-mail address so nobody's mailbox can be flooded.
    "reset_password": "5/m/ip,20/h/ip,3/h/key",
    # The page a reset mail links to (allauth counts it per address only; its key is a signed token).
    "reset_password_from_key": "10/m/ip,30/h/ip",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
}
ACCOUNT_RATE_LIMITS = PORTAL_ACCOUNT_RATE_LIMITS

# --- Two-factor login (allauth.mfa) --------------------------------------------------------
# Staff (the roles in community.accounts.mfa.STAFF_ROLES and superusers) must have an authenticator app
# enrolled before they reach anything but their account pages; allauth's login asks every enrolled member for
# the code (or a recovery code). Parents may enrol on /konto/2fa/. Passkeys/WebAuthn stay off for now.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ADAPTER = "community.accounts.mfa.PortalMFAAdapter"  # German messages, the portal's name in the app
MFA_TOTP_ISSUER = "Familienportal"
# One 30-second step either side: phone clocks drift; a code is still accepted only once.
MFA_TOTP_TOLERANCE = env.int("MFA_TOTP_TOLERANCE", default=1)
MFA_RECOVERY_CODE_COUNT = 10
# The Wagtail admin has no login of its own: /admin/login/ (community.accounts.views.admin_login, routed in
# site/portal/urls.py) forwards to allauth's with ?next=, so every staff login passes the second-factor stage.
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Familienportal"
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
# mp4/webm and vtt for self-hosted videos with captions (home.blocks.VideoBlock).
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "mp4", "odt", "pdf", "pptx", "rtf", "txt", "vtt", "webm", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False  # allauth owns passwords for everybody
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [language for language in LANGUAGES if language[0] != EASY_GERMAN]
# A new translation starts as a draft and goes live only through the Redaktion's review (home.translations).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Optional machine pre-fill in the translation editor, off by default (DSGVO): only a self-hosted LibreTranslate.
LIBRETRANSLATE_URL = env.str("PORTAL_LIBRETRANSLATE_URL", default="")
if LIBRETRANSLATE_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": LIBRETRANSLATE_URL,
            "API_KEY": env.str("PORTAL_LIBRETRANSLATE_API_KEY", default=""),
        },
    }


def search_backend_from_url(url: str) -> dict:
    """Map SEARCH_URL to a Wagtail/modelsearch backend; the scheme names the engine, the rest its address."""
    if not url:
        return {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": True}
    scheme, _sep, rest = url.partition("://")
    engine, _plus, transport = scheme.partition("+")
    backends = {
        "opensearch": "wagtail.search.backends.opensearch2",
        "opensearch3": "wagtail.search.backends.opensearch3",
        "elasticsearch": "wagtail.search.backends.elasticsearch8",
        "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    }
    if engine not in backends:
        raise ValueError(f"SEARCH_URL scheme {scheme!r} is not one of {sorted(backends)}")
    return {
        "BACKEND": backends[engine],
        "URLS": [f"{transport or 'http'}://{rest}"],
        "INDEX": SEARCH_INDEX_PREFIX,
        "TIMEOUT": 5,
        "AUTO_UPDATE": True,
    }


WAGTAILSEARCH_BACKENDS = {"default": search_backend_from_url(SEARCH_URL)}

# --- Tasks --------------------------------------------------------------------------------
# Background work goes through the outbox (core/background.py) to Celery. Without a broker Celery runs
# tasks in-process (the quick start); with one, workers run them. Wagtail 8 queues its own work (search
# index, reference index, …) through django-tasks: in-process without a broker, else via the outbox.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
TASKS = {
    "default": {
        "BACKEND": "core.background.OutboxTaskBackend"
        if CELERY_BROKER_URL
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
CELERY_TASK_EAGER_PROPAGATES = True
# A worker killed mid-task does not lose it: the message is acknowledged only when the task is done,
# and Redis hands an unacknowledged message to a worker again after the visibility timeout.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    # A worker looks for such messages every `interval` seconds but scans Redis only every `throttle`-th time (kombu
    # 5.7's defaults, 10 and 10): a lost task comes back within the visibility timeout and 100 s more.
    "unacked_restore_interval": env.int("CELERY_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_RESTORE_THROTTLE", default=10),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
# A web request never waits long for a broker that is away: the outbox row stays and the drain sends it.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Periodic work for Celery beat (`site/bin/celery-beat`).
CELERY_BEAT_SCHEDULE = {
    "drain-outbox": {"task": "core.tasks.drain_outbox", "schedule": 60},
    "volunteer-reminders": {"task": "home.contact_points.tasks.send_volunteer_reminders", "schedule": 60 * 60},
    "forum-digests": {"task": "community.forum.tasks.send_forum_digests", "schedule": crontab(hour=7, minute=0)},
    # Removed posts can be restored for 24 hours; afterwards they go for good.
    "forum-purge-removed": {
        "task": "community.forum.tasks.purge_removed_posts",
        "schedule": crontab(hour=3, minute=20),
    },
    "stale-offer-reminders": {"task": "home.offers.tasks.flag_stale_offers", "schedule": crontab(hour=6, minute=30)},
    "unpublish-past-pages": {"task": "home.tasks.unpublish_past_pages", "schedule": crontab(hour=2, minute=15)},
    "search-catch-up": {"task": "search.tasks.search_catch_up", "schedule": 60},
    # The weekly query counts (search/analytics.py) are kept for a year.
    "search-query-weeks-expire": {"task": "search.tasks.expire_query_weeks", "schedule": crontab(hour=3, minute=50)},
    "accessibility-feedback-purge": {
        "task": "home.accessibility.tasks.purge_feedback",
        "schedule": crontab(hour=3, minute=40),
    },
}
# Calendar feeds of providers and contact points (home/calendar_feeds): the task looks every 15 minutes for feeds
# whose interval has passed; their dates only become proposals.
CELERY_BEAT_SCHEDULE["calendar-feeds-refresh"] = {
    "task": "home.calendar_feeds.tasks.refresh_calendar_feeds",
    "schedule": 15 * 60,
}
# A feature app left out of INSTALLED_APPS takes its periodic tasks with it.
CELERY_BEAT_SCHEDULE = {
    name: entry for name, entry in CELERY_BEAT_SCHEDULE.items() if entry["task"].rsplit(".tasks.", 1)[0] in PORTAL_APPS
}

# --- Calendar import (home/calendar_feeds) -------------------------------------------------------
# Each feed is read again after this many minutes (a 304 costs the other side next to nothing).
CALENDAR_FEED_INTERVAL_MINUTES = env.int("CALENDAR_FEED_INTERVAL_MINUTES", default=6 * 60)
# Seconds to wait for a feed's server, and the largest feed read (bytes).
CALENDAR_FEED_TIMEOUT = env.int("CALENDAR_FEED_TIMEOUT", default=10)
CALENDAR_FEED_MAX_BYTES = env.int("CALENDAR_FEED_MAX_BYTES", default=2 * 1024 * 1024)
# Feeds on loopback or private addresses are refused (SSRF); only tests with a local server turn this on.
CALENDAR_FEED_ALLOW_PRIVATE_ADDRESSES = env.bool("CALENDAR_FEED_ALLOW_PRIVATE_ADDRESSES", default=False)

# --- django-machina -----------------------------------------------------------------------
# Lazy: machina hands it to every forum page, which shows it in the visitor's language.
MACHINA_FORUM_NAME = gettext_lazy("Elternforum")
# A member's posts wait for the Moderation until this many of them were approved.
FORUM_APPROVED_POSTS_TO_SKIP_QUEUE = env.int("FORUM_APPROVED_POSTS_TO_SKIP_QUEUE", default=2)
# Reports from this many different members take a post offline until a moderator decides.
FORUM_REPORTS_TO_HIDE = env.int("FORUM_REPORTS_TO_HIDE", default=3)
# (minutes, posts): at most that many new posts per member in that window; moderators are exempt.
FORUM_POST_RATE_LIMITS = [(10, 5), (24 * 60, 40)]
MACHINA_BASE_TEMPLATE_NAME = "base.html"
# markdown2's safe mode has had XSS bypasses: its output goes through nh3 as well.
MACHINA_MARKUP_LANGUAGE = ("community.forum.markup.render_markdown", {})
MACHINA_USER_DISPLAY_NAME_METHOD = "get_display_name"
MACHINA_PROFILE_AVATARS_ENABLED = False
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
CACHES["machina_attachments"] = {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": env.str("MACHINA_ATTACHMENT_CACHE_DIR", default=str(BASE_DIR / "var" / "machina_attachments")),
}

# --- Backup and restore (manage.py backup / restore, core/backup.py) ------------------------------
# Tables whose rows are derived from the rest and rebuilt after a restore (the portal search's and Wagtail's
# search indices): a backup leaves their data out ("search-free state"), so it never carries a stale index.
BACKUP_DERIVED_TABLE_PREFIXES = ["portal_search_", "wagtailsearch_"]
# What a restore runs afterwards to rebuild them: the portal search, then Wagtail's admin search.
BACKUP_REBUILD_COMMANDS = ["search_reindex", "update_index"]
# Folder with pg_dump and pg_restore when they are not the newest under /usr/lib/postgresql/*/bin or on PATH.
BACKUP_PG_BIN_DIR = env.str("BACKUP_PG_BIN_DIR", default="")

# --- Image uploads (issue 19) -----------------------------------------------------------------------------
# Pictures: at most this many pixels (a 40-megapixel photo is plenty for the web) and bytes per upload; every upload
# is stripped of EXIF/XMP (location, camera) by home/uploads.py. The reverse proxy's body limit must allow the size.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", default=40_000_000)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", default=15 * 1024 * 1024)
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.PortalImageForm"

# --- Logging ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Wagtail logs every in-process task at INFO; only problems are worth a line.
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # The search clients log every request at INFO.
        "opensearch": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
        # Login protection: failures and lockouts are warnings; axes' INFO lines repeat them per step.
        "axes": {"level": "WARNING"},
    },
}

# --- Forms count once (core/submit_once.py, issue 19) --------------------------------------
# A repeated form (double click, resent request) waits this long for the first one's result, then is sent back to
# the form with a notice.
SUBMIT_ONCE_WAIT_SECONDS = 5
# A form's key is remembered this long; sending the same page again after that counts as new.
SUBMIT_ONCE_KEEP_HOURS = 48
CELERY_BEAT_SCHEDULE["expire-submit-keys"] = {"task": "core.tasks.expire_submit_keys", "schedule": 60 * 60}

# --- Hardening: fail-safe cache, /health/, security headers (issue 19) -------------------------------------------
# A dead Redis cache is a miss, not a 500 (core/cache.py): every redis:// CACHE_URL gets the fail-safe backend.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "core.cache.FailSafeRedisCache"
# Sessions live in the database, never only in the cache, so a cache outage logs nobody out (Django's database
# sessions, read without the ORM's overhead: core/sessions.py).
SESSION_ENGINE = "core.sessions"
# /health/ shows which service failed only to staff or to a monitor sending "Authorization: Bearer <token>".
PORTAL_HEALTH_TOKEN = env.str("PORTAL_HEALTH_TOKEN", default="")


def _origin(url: str) -> list[str]:
    """The origin of an absolute URL as a CSP source ("https://{s}.tile.example" → "https://*.tile.example")."""
    import re
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return []  # relative: served by the portal itself ('self')
    host = re.sub(r"\{[^}]*\}", "*", parts.netloc)  # Leaflet's {s} subdomain placeholder
    return [f"{parts.scheme}://{host}"]


INSTALLED_APPS.append("csp")  # django-csp's system checks
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "core.headers.PortalCSPMiddleware"
)
MIDDLEWARE.insert(MIDDLEWARE.index("core.headers.PortalCSPMiddleware") + 1, "core.headers.PermissionsPolicyMiddleware")
# Public pages: no inline script or style, nothing from another origin except the map tiles (after "Karte laden")
# and media or static files on their own host if MEDIA_URL / STATIC_URL name one (tests/security/test_headers.py).
_ASSET_ORIGINS = _origin(MEDIA_URL) + _origin(STATIC_URL)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", *_origin(STATIC_URL)],
        "style-src": ["'self'", *_origin(STATIC_URL)],
        "img-src": ["'self'", "data:", *_origin(MAP_TILE_URL), *_ASSET_ORIGINS],  # data: for Leaflet's blank tile
        "media-src": ["'self'", *_ASSET_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Wagtail 8's admin still writes inline <script> (InlinePanel, MultipleChooserPanel, date and time pickers,
# wagtail-localize's editor) and style attributes (wagtail-localize), and shows uploads as data:/blob: previews;
# everything else stays as strict as on the public pages. Its page preview is framed by the admin itself.
PORTAL_ADMIN_CSP_PATHS = ["/admin/"]
PORTAL_ADMIN_CSP = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", *_origin(STATIC_URL)],
        "style-src": ["'self'", "'unsafe-inline'", *_origin(STATIC_URL)],
        "img-src": ["'self'", "data:", "blob:", *_origin(MAP_TILE_URL), *_ASSET_ORIGINS],
        "media-src": ["'self'", "blob:", *_ASSET_ORIGINS],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# The admin would otherwise load avatars from gravatar.com and ask releases.wagtail.org for updates (DSGVO, CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Features nobody on the portal needs are off for every page and frame; geolocation only for the portal itself.
PORTAL_PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": ["self"],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
    "browsing-topics": [],
}
