"""CI smoke test of the production stack, through gunicorn: not a pytest module (pytest collects test_*.py only).

    .venv/bin/python tests/smoke/run.py

Needs PostgreSQL, Redis and OpenSearch on 127.0.0.1 (what .ci/run starts). It makes a fresh database (SMOKE_DATABASE,
default portal_smoke, on the server of SMOKE_POSTGRES_URL / PORTAL_TEST_POSTGRES_URL), migrates it in production
mode, seeds the German demo city, collects the static files, starts gunicorn (production settings, DEBUG off), a
Celery worker and beat on Redis with `site/bin/stack`, OpenSearch as the search engine and an SMTP sink of its own for
the mail, and then checks over HTTP what a city would do on its first day: pages, a staff login with a second factor
(TOTP), a parent's wiki edit and its approval by the Redaktion, a forum post, a search, the approval's mail sent by
the worker, /health/. Everything it started is stopped at the end; logs stay in var/smoke/.
"""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import hmac
import http.client
import json
import os
import re
import secrets
import socketserver
import struct
import subprocess
import sys
import threading
import time
from html import unescape
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
WORK = ROOT / "var" / "smoke"
PORT = int(os.environ.get("SMOKE_PORT", "8765"))
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # base32; the staff member's authenticator app holds the same
STARTED = time.monotonic()


def say(text: str) -> None:
    print(f"[smoke {time.monotonic() - STARTED:6.1f}s] {text}", flush=True)


class SmokeFailure(Exception):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SmokeFailure(what)
    say(f"ok: {what}")


# --- A local SMTP sink -----------------------------------------------------------------------------------------------
class SmtpSink(socketserver.ThreadingTCPServer):
    """Speaks just enough SMTP for Django's backend (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps the mails."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SmtpHandler)
        self.mails: list[tuple[list[str], email.message.EmailMessage]] = []

    @property
    def port(self) -> int:
        return self.server_address[1]


class SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.reply("220 smoke-sink ESMTP")
        recipients: list[str] = []
        while line := self.rfile.readline():
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250-smoke-sink" if verb == "EHLO" else "250 smoke-sink")
                if verb == "EHLO":
                    self.reply("250 8BITMIME")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                self.server.mails.append((recipients, message))
                self.reply("250 OK: queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:  # RSET, NOOP, …
                self.reply("250 OK")


# --- A small browser: cookies by hand (the production cookies are Secure; TLS ends at the proxy) --------------------
class Forms(HTMLParser):
    """Every <form> of a page with its fields as the browser would send them (hidden ones included)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._textarea: tuple[str, list[str]] | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "method": attrs.get("method", "get"), "fields": {}})
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                fields.setdefault(name, None)
                return
            fields[name] = attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
        elif tag == "textarea" and name:
            self._textarea = (name, [])
        elif tag == "select" and name:
            self._select = name
            fields.setdefault(name, "")
        elif tag == "option" and self._select and ("selected" in attrs or not self.forms[-1]["fields"][self._select]):
            self.forms[-1]["fields"][self._select] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea[0]] = "".join(self._textarea[1]).lstrip("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None


class Browser:
    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.origin = f"https://127.0.0.1:{port}"

    def request(self, method: str, path: str, data: dict | None = None, *, follow: bool = True, referer: str = ""):
        for _hop in range(10):
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            headers = {
                "Host": f"127.0.0.1:{self.port}",
                "X-Forwarded-Proto": "https",  # as the TLS-terminating reverse proxy sends it
                "X-Forwarded-For": "127.0.0.1",
                "Accept-Language": "de",
                "User-Agent": "portal-smoke/1",
            }
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
            body = None
            if data is not None:
                body = urlencode({k: v for k, v in data.items() if v is not None}, doseq=True).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                headers["Origin"] = self.origin
                headers["Referer"] = self.origin + (referer or path)
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(header)
                for key, morsel in cookie.items():
                    if morsel["max-age"] == "0" or (morsel["expires"] and "1970" in morsel["expires"]):
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value
            connection.close()
            location = response.headers.get("Location", "")
            if follow and response.status in (301, 302, 303, 307) and location:
                parts = urlsplit(location)
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                method, data = "GET", None
                continue
            return response.status, content, location
        raise SmokeFailure(f"too many redirects from {path}")

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def submit(self, path: str, field: str, values: dict, *, follow: bool = False):
        """Open `path`, fill the form that has `field` with `values` (its other fields as given), send it."""
        status, html, _location = self.get(path)
        if status != 200:
            raise SmokeFailure(f"GET {path} answered {status}")
        parser = Forms()
        parser.feed(html)
        form = next((form for form in parser.forms if field in form["fields"]), None)
        if form is None:
            raise SmokeFailure(f"no form with a field {field!r} on {path}")
        fields = {**form["fields"], **values}
        action = urljoin(path, form["action"]) if form["action"] else path  # "." and relative actions too
        return self.request("POST", action, fields, follow=follow, referer=path)


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238 (HMAC-SHA1, 30 s, 6 digits), what an authenticator app shows."""
    counter = int((at or time.time()) // 30)
    digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


# --- Inside Django (a subprocess in production mode): accounts and what to visit -------------------------------------
def django_setup() -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    import django

    django.setup()


def inside_prepare() -> dict:
    """The staff member (Redaktion, with a TOTP authenticator) and the parent; the pages the smoke visits."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.auth.models import Group
    from django.urls import reverse
    from machina.apps.forum.models import Forum
    from wagtail.models import Site

    from community.accounts.models import User
    from community.accounts.roles import ELTERN, REDAKTION
    from community.wiki.models import WikiArticlePage
    from community.wiki.selectors import is_protected
    from home.offers.models.pages import OfferIndexPage, OfferPage

    password = os.environ["SMOKE_PASSWORD"]
    accounts = {}
    for username, role in (("smoke-redaktion", REDAKTION), ("smoke-eltern", ELTERN)):
        user = User.objects.create_user(username, f"{username}@example.org", password, display_name=username)
        user.groups.add(Group.objects.get(name=role))
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        accounts[role] = user
    TOTP.activate(accounts[REDAKTION], TOTP_SECRET)

    site = Site.objects.get(is_default_site=True)
    offer = OfferPage.objects.live().filter(locale__language_code="de").order_by("path").first()
    article = next(
        page
        for page in WikiArticlePage.objects.live().filter(locale__language_code="de").order_by("path")
        if not is_protected(article=page)
    )
    forum = Forum.objects.filter(type=Forum.FORUM_POST).order_by("pk").first()
    return {
        "home": site.root_page.localized.relative_url(site),
        "offers": OfferIndexPage.objects.live().filter(locale__language_code="de").first().relative_url(site),
        "offer": offer.relative_url(site),
        "offer_title": offer.title,
        "article": article.relative_url(site),
        "article_pk": article.pk,
        "topic_create": reverse(
            "forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk}
        ),
        "search": reverse("search"),
    }


def inside_report() -> dict:
    """What the database says after the HTTP part."""
    from machina.apps.forum_conversation.models import Post

    from community.wiki.models import WikiEdit
    from core.background import outbox_waiting

    return {
        "forum_posts_by_parent": Post.objects.filter(poster__username="smoke-eltern").count(),
        "wiki_edits_published": WikiEdit.objects.filter(
            author__username="smoke-eltern", state=WikiEdit.State.PUBLISHED
        ).count(),
        "outbox_waiting": outbox_waiting(),  # not yet handed to the broker (published rows are kept for a while)
    }


# --- Outside: the services, the processes, the checks ---------------------------------------------------------------
def run(command: list[str], env: dict, what: str, **kwargs) -> subprocess.CompletedProcess:
    say(f"{what}: {' '.join(command)}")
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise SmokeFailure(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def inside(env: dict, mode: str) -> dict:
    result = run([PYTHON, __file__, mode], env, f"inside Django ({mode})")
    return json.loads(result.stdout.strip().splitlines()[-1])


def fresh_database(server_url: str, name: str) -> str:
    import psycopg

    parts = urlsplit(server_url)
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return parts._replace(path=f"/{name}").geturl()


def fresh_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url, socket_timeout=5).flushdb()


def smoke_env(sink_port: int) -> dict:
    server = os.environ.get("SMOKE_POSTGRES_URL") or os.environ.get(
        "PORTAL_TEST_POSTGRES_URL", "postgres://portal:portal@127.0.0.1:5432/portal"
    )
    database = fresh_database(server, os.environ.get("SMOKE_DATABASE", "portal_smoke"))
    broker, cache = "redis://127.0.0.1:6379/13", "redis://127.0.0.1:6379/12"
    fresh_redis(broker)
    fresh_redis(cache)
    cleared = {"DATABASE_URL", "SEARCH_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL", "EMAIL_URL"}
    env = {key: value for key, value in os.environ.items() if key not in cleared and not key.startswith("PORTAL_")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        PYTHONPATH=f"{ROOT}:{ROOT / 'site'}",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database,
        CELERY_BROKER_URL=broker,
        CACHE_URL=cache,
        SEARCH_URL=os.environ.get("SMOKE_SEARCH_URL", "opensearch://127.0.0.1:9200"),
        SEARCH_INDEX_PREFIX="portal-smoke",
        EMAIL_URL=f"smtp://127.0.0.1:{sink_port}",
        PORTAL_BASE_URL=f"https://127.0.0.1:{PORT}",
        STATIC_ROOT=str(WORK / "static"),
        MEDIA_ROOT=str(WORK / "media"),
        MACHINA_ATTACHMENT_CACHE_DIR=str(WORK / "machina_attachments"),
        GUNICORN_BIND=f"127.0.0.1:{PORT}",
        GUNICORN_WORKERS="2",
        CELERY_CONCURRENCY="1",
        STACK_DIR=str(WORK),
        STACK_ENV_FILE=str(WORK / "no-env-file"),
        SMOKE_PASSWORD=secrets.token_urlsafe(18),
        LOG_LEVEL="INFO",
    )
    return env


def login_with_second_factor(browser: Browser, username: str, password: str) -> None:
    status, _html, location = browser.submit(
        "/konto/login/?next=/admin/", "login", {"login": username, "password": password}
    )
    check(status == 302, f"{username}: password accepted ({status})")
    check("/2fa/authenticate" in location, f"{username}: the login asks for the second factor ({location})")
    status, _html, location = browser.submit(urlsplit(location).path, "code", {"code": totp(TOTP_SECRET)})
    check(status == 302 and "/2fa/" not in location, f"{username}: TOTP code accepted, on to {location}")
    status, html, _location = browser.get("/admin/")
    check(status == 200 and "wagtail" in html.lower(), "staff reaches the Wagtail admin after the second factor")


def log_in(browser: Browser, username: str, password: str) -> None:
    status, _html, location = browser.submit("/konto/login/", "login", {"login": username, "password": password})
    check(status == 302 and "/2fa/" not in location, f"{username}: logged in without a second factor (parent)")


def raw_get(path: str, headers: dict) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{PORT}", "X-Forwarded-Proto": "https", **headers})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {name.lower(): value for name, value in response.getheaders()}, body


def static_checks(env: dict) -> None:
    """Light pages (issue 20): static files precompressed with gzip and Brotli and kept for a year under their
    hashed names; a guest's page compressed."""
    root = Path(env["STATIC_ROOT"])
    hashed = json.loads((root / "staticfiles.json").read_text())["paths"]["portal/css/portal.css"]
    for suffix in (".gz", ".br"):
        check((root / (hashed + suffix)).is_file(), f"collectstatic wrote {hashed}{suffix}")
    status, headers, body = raw_get(f"/static/{hashed}", {"Accept-Encoding": "gzip, deflate, br"})
    cache_control = headers.get("cache-control", "")
    max_age = int((re.search(r"max-age=(\d+)", cache_control) or [0, 0])[1])
    check(
        status == 200
        and headers.get("content-encoding") == "br"
        and len(body) == (root / (hashed + ".br")).stat().st_size,
        f"{hashed} is served as its Brotli copy",
    )
    check("immutable" in cache_control and max_age >= 365 * 24 * 3600, f"…and kept a year ({cache_control})")
    status, headers, _body = raw_get("/de/", {"Accept-Encoding": "gzip", "Accept-Language": "de"})
    check(status == 200 and headers.get("content-encoding") == "gzip", "a guest's page is sent compressed")


def http_checks(env: dict, urls: dict, sink: SmtpSink) -> None:
    visitor, parent, staff = Browser(PORT), Browser(PORT), Browser(PORT)
    password = env["SMOKE_PASSWORD"]
    static_checks(env)

    for name in ("home", "offers", "offer"):
        status, html, _location = visitor.get(urls[name])
        check(status == 200, f"{name} page {urls[name]} answers 200")
    check(urls["offer_title"] in html, "the offer page shows its title")
    status, html, _location = visitor.get("/de/gibt-es-nicht-smoke/")
    check(status == 404 and "Traceback" not in html and "URLconf" not in html, "404 without Django's debug page")
    word = max(re.findall(r"\w{5,}", urls["offer_title"]), key=len)
    status, html, _location = visitor.get(f"{urls['search']}?q={word}")
    found = urls["offer"] in html or urls["offer_title"] in unescape(re.sub(r"<[^>]+>", "", html))
    check(status == 200 and found, f"search for {word!r} finds the offer")
    search = urlsplit(env["SEARCH_URL"])
    engine = http.client.HTTPConnection(search.hostname, search.port or 9200, timeout=10)
    engine.request("GET", f"/{env['SEARCH_INDEX_PREFIX']}-portal/_count")
    indexed = json.loads(engine.getresponse().read()).get("count", 0)
    check(indexed > 0, f"the portal search's OpenSearch index holds the demo city ({indexed} documents)")

    login_with_second_factor(staff, "smoke-redaktion", password)
    log_in(parent, "smoke-eltern", password)

    marker = f"Smoke-Test {secrets.token_hex(4)}"
    edit = urls["article"] + "bearbeiten/"
    status, html, _location = parent.get(edit)
    parser = Forms()
    parser.feed(html)
    body = next(form for form in parser.forms if "body" in form["fields"])["fields"]["body"]
    status, _html, location = parent.submit(
        edit, "body", {"body": f"{body}\n\n{marker}: ergänzt im Smoke-Test.", "summary": marker, "save": "1"}
    )
    check(status == 302, f"a parent's wiki edit is saved ({status} → {location})")
    status, html, _location = visitor.get(urls["article"])
    check(marker not in html, "the edit waits for the Redaktion (not live yet)")

    # The approve action of the waiting task, as the admin offers it (dashboard, review inbox or page editor).
    pk, task_state = urls["article_pk"], None
    for page in ("/admin/", "/admin/pruefen/", f"/admin/pages/{pk}/edit/"):
        status, html, _location = staff.get(page)
        found = re.search(rf"/admin/pages/workflow/(?:action|collect_action_data)/{pk}/approve/(\d+)/", html)
        if status == 200 and found:
            task_state = found.group(1)
            break
    check(task_state is not None, f"the Redaktion sees the approval action in the admin ({page})")
    status, _html, _location = staff.request(
        "POST",
        f"/admin/pages/workflow/action/{pk}/approve/{task_state}/",
        {"comment": "", "csrfmiddlewaretoken": staff.cookies.get("csrftoken", "")},
    )
    check(status == 200, f"the Redaktion approves the edit ({status}, redirects followed)")
    status, html, _location = visitor.get(urls["article"])
    check(status == 200 and marker in html, "the approved edit is live on the article page")

    subject = f"Smoke-Test-Thema {secrets.token_hex(3)}"
    status, _html, location = parent.submit(
        urls["topic_create"],
        "subject",
        {"subject": subject, "content": "Kennt jemand einen Spielplatz mit Schatten? (Smoke-Test)"},
    )
    check(status == 302, f"a parent's forum post is saved ({status} → {location})")

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any("smoke-eltern@example.org" in to for to, _m in sink.mails):
        time.sleep(0.5)
    mails = [message for to, message in sink.mails if "smoke-eltern@example.org" in to]
    check(bool(mails), "the worker delivered the approval mail to the parent through SMTP")
    check("online" in str(mails[0]["Subject"]), f"its subject: {mails[0]['Subject']}")

    status, html, _location = visitor.get("/health/")
    check(status == 200 and json.loads(html).get("status") == "ok", f"/health/ is ok: {html[:200]}")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] in ("prepare", "report"):
        django_setup()
        print(json.dumps(inside_prepare() if sys.argv[1] == "prepare" else inside_report()))
        return 0

    WORK.mkdir(parents=True, exist_ok=True)
    sink = SmtpSink()
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    env = smoke_env(sink.port)
    stack = [str(ROOT / "site" / "bin" / "stack")]
    started = False
    try:
        # collectstatic needs no database: it runs while the database is migrated and seeded.
        collect = subprocess.Popen(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env, "migrate (production settings)")
        # Demo accounts are refused in production mode: the demo city is seeded with the development settings
        # against the same database and search engine (tasks in-process), then the stack runs in production mode.
        # Seeded with the database search: Wagtail's admin-index rebuild at the end of seed_demo fails against
        # OpenSearch with the installed opensearch-py (modelsearch calls indices.create positionally); the portal
        # search's own index in OpenSearch is then built in production mode by search_reindex.
        seed_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DEBUG": "0"}
        for key in ("CELERY_BROKER_URL", "CACHE_URL", "EMAIL_URL", "SEARCH_URL"):
            seed_env.pop(key)
        run([PYTHON, "manage.py", "seed_demo", "--german-only"], seed_env, "seed_demo --german-only")
        run([PYTHON, "manage.py", "search_reindex"], env, "search_reindex (portal search into OpenSearch)")
        urls = inside(env, "prepare")
        output, _ = collect.communicate(timeout=600)
        if collect.returncode != 0:
            raise SmokeFailure(f"collectstatic failed:\n{output[-3000:]}")
        say("collectstatic done")

        started = True
        run(stack + ["start"], env, "site/bin/stack start")
        http_checks(env, urls, sink)
        report = inside(env, "report")
        check(report["forum_posts_by_parent"] >= 1, f"the forum post is in the database ({report})")
        check(report["wiki_edits_published"] == 1, "the wiki edit is published")
        check(report["outbox_waiting"] == 0, "every background task was handed to the broker (none left in the outbox)")
        result = run(stack + ["status"], env, "site/bin/stack status")
        check("beat: running" in result.stdout and "worker: running" in result.stdout, "worker and beat still run")
    except SmokeFailure as failure:
        say(f"FAILED: {failure}")
        for name in ("web", "worker", "beat"):
            log = WORK / f"{name}.log"
            if log.exists():
                print(f"--- last lines of {log}", file=sys.stderr)
                print("\n".join(log.read_text(errors="replace").splitlines()[-40:]), file=sys.stderr)
        return 1
    finally:
        if started:
            subprocess.run(stack + ["stop"], cwd=ROOT, env=env, check=False)
        sink.shutdown()
    say("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
