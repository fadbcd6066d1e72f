"""Page speed benchmark (issue 20): gunicorn in production mode, measured with wrk, one table.

    .venv/bin/python bench/pages.py                          # the demo city
    .venv/bin/python bench/pages.py --scale 100 --baseline bench/results/pages-1x.json
    .venv/bin/python bench/pages.py --reference http://127.0.0.1:8106   # bakerydemo beside it (docs/benchmarks.md)

Needs `wrk` (Debian: `apt-get install wrk`) and Redis on 127.0.0.1:6379 (the shared cache the page cache and the
fragments live in; database 13 is emptied). Builds a SQLite database with the demo city in bench/.work/ (made
`--scale` times bigger by bench/scale.py), starts two gunicorns with 2 sync workers each in production settings:
one with the guests' page cache (port 8105), one without it (port 8107, `PORTAL_PAGE_CACHE_SECONDS=0`; the
fragments stay, as on a running site right after a publish). Every page is measured with 16 connections and with 1
(its service time), as a guest and, where it says so, as a signed-in parent; a static file through the same gunicorn
gives the ceiling. Paginated pages are also timed "after a change": one request at a time, each right after the
content version was raised, so that nothing kept is used (what the first visitor after a publish waits). The issue's
ratios of service times (list vs detail, detail vs content page, member vs guest) are decided by requesting the two
pages in turn, one request each, on one connection for 15 s (their medians): a few milliseconds drift by more between
two runs seconds apart than the ratio's margin. Prints a Markdown table and each budget of the issue as met or
missed, and writes both to bench/results/pages-<label>.{md,json}.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
CACHED_PORT, UNCACHED_PORT = 8105, 8107
REDIS = "redis://127.0.0.1:6379/13"
VERSION_KEY = ":1:portal:page-cache:version"  # core/page_cache.py's, with Django's key prefix and version
# A browser's request: the cache answers in the encoding asked for.
HEADERS = ["-H", "Accept-Encoding: gzip, deflate, br", "-H", "Accept-Language: de"]

# (name, how to find its path, measured for a member too, paginated). Paths come from the database (discover()).
PAGES = [
    ("home", True, False),
    ("offer list", False, True),
    ("Kita search", False, True),
    ("offer", True, False),
    ("content page", False, False),
    ("wiki article", True, False),
    ("forum topic", True, True),
    ("search", False, True),
    ("district", False, False),
    ("Familienpunkte list", False, False),
]
# bakerydemo's comparable page for each pair of the issue (docs/benchmarks.md).
REFERENCE = {
    "home": "/",
    "offer list": "/blog/",
    "Kita search": "/blog/",
    "offer": "/recipes/hot-cross-bun/",
    "wiki article": "/blog/wild-yeast/",
    "forum topic": "/blog/wild-yeast/",
    "search": "/search/?q=bread",
}
STATIC = "/static/portal/css/portal.css"

DISCOVER = r"""
import json
from django.test import Client
from wagtail.models import Page
from home.offers.models import OfferPage
from home.models import ContentPage, District
from community.wiki.models import WikiArticlePage
from home.contact_points.models import ContactPointIndexPage
from machina.apps.forum_conversation.models import Topic
from django.contrib.auth import get_user_model
from allauth.account.models import EmailAddress

def url(page):
    return page.url if page is not None else None

de = dict(locale__language_code="de")
offer = OfferPage.objects.live().filter(**de).order_by("pk").first()
# The demo city's busiest topic, the same page at every scale (bench/scale.py's topics are "bench-…"), so that growth
# compares one page in a bigger city, not a 4-post page with a full 15-post one.
topic = Topic.objects.filter(approved=True).exclude(slug__startswith="bench-").order_by("-posts_count", "pk").first()
user, _ = get_user_model().objects.get_or_create(username="bench-parent", defaults={"email": "bench@example.org"})
EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
client = Client()
client.force_login(user)
paths = {
    "home": "/de/",
    "offer list": "/de/angebote/",
    "Kita search": "/de/kita/?plz=45468&umkreis=2",
    "offer": url(offer),
    "content page": url(ContentPage.objects.live().filter(**de).order_by("depth", "pk").first()),
    "wiki article": url(WikiArticlePage.objects.live().filter(**de).order_by("pk").first()),
    "forum topic": f"/de/forum/forum/{topic.forum.slug}-{topic.forum.pk}/topic/{topic.slug}-{topic.pk}/",
    "search": "/de/suche/?q=kita",
    "district": f"/de/stadtteile/{District.objects.order_by('name').first().slug}/",
    "Familienpunkte list": url(ContactPointIndexPage.objects.live().filter(**de).first()),
}
# A member's browser sends back both cookies it got: the session and the CSRF token (without it, every page would
# make a new token and set it again, which no browser beyond its first page asks for).
client.get("/de/")
cookie = "; ".join(f"{name}={client.cookies[name].value}" for name in ("sessionid", "csrftoken"))
print("BENCH" + json.dumps({"paths": paths, "cookie": cookie}))
"""


@dataclass
class Run:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


@dataclass
class Row:
    page: str
    mode: str  # "cached guest", "guest", "member", "after a change", "bakerydemo", "static"
    path: str
    many: Run | None  # 16 connections (none for "after a change": one request at a time by design)
    one: Run  # 1 connection: the service time


def environment(database: Path, *, cached: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "bench-" + "k" * 60,
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "False",
            "SECURE_HSTS_SECONDS": "0",
            "PORTAL_MAIL": "off",
            "DATABASE_URL": f"sqlite:///{database}",
            "CACHE_URL": REDIS,
            "STATIC_ROOT": str(database.parent / "static"),
            "MEDIA_ROOT": str(database.parent / "media"),
            "PORTAL_PAGE_CACHE_SECONDS": "60" if cached else "0",
            "SEARCH_URL": "",
        }
    )
    env.pop("CELERY_BROKER_URL", None)
    return env


def manage(env: dict[str, str], *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )
    return result.stdout if capture else ""


def prepare(database: Path, scale: int) -> None:
    """The demo city in its own SQLite file (made once; `--fresh` starts again), `scale` times bigger."""
    database.parent.mkdir(parents=True, exist_ok=True)
    env = environment(database, cached=False)
    seeding = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}  # demo accounts exist in dev settings only
    if not database.exists():
        manage(seeding, "migrate", "--no-input", "-v0")
        manage(seeding, "seed_demo")
    if scale > 1:
        subprocess.run([PYTHON, "bench/scale.py", "--factor", str(scale)], cwd=ROOT, env=seeding, check=True)
    manage(env, "collectstatic", "--no-input", "-v0")


def discover(database: Path) -> tuple[dict[str, str], str]:
    output = manage(environment(database, cached=False), "shell", "-c", DISCOVER, capture=True)
    data = json.loads(output[output.index("BENCH") + 5 :])
    return data["paths"], data["cookie"]


def start(database: Path, *, cached: bool, port: int) -> subprocess.Popen:
    env = environment(database, cached=cached)
    env.update({"GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"})
    process = subprocess.Popen(
        [GUNICORN, "-c", "site/gunicorn.conf.py", "--access-logfile", "/dev/null", "portal.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(database.parent / f"gunicorn-{port}.log", "w"),  # noqa: SIM115 - lives as long as the server
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/?only=database", timeout=2)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.5)
    stop(process)
    raise SystemExit(f"gunicorn on port {port} did not start: see {database.parent}/gunicorn-{port}.log")


def stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        pass


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, *, connections: int, seconds: int, cookie: str | None = None) -> Run:
    headers = [*HEADERS, *(["-H", f"Cookie: {cookie}"] if cookie else [])]
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", *headers, url]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)\s*$", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return Run(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_milliseconds(percentiles["50"]),
        p99_ms=_milliseconds(percentiles["99"]),
        errors=(int(errors.group(1)) if errors else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
    )


def page_url(base: str, path: str) -> str:
    return base + urllib.parse.quote(path, safe="/?=&%:")  # slugs may hold umlauts (a forum topic's)


def member_pair(page: str) -> str:
    """The name of the member-vs-guest budget of `page` (and of its alternating runs)."""
    return f"member vs guest on {page} (both uncached)"


def measure(page: str, mode: str, base: str, path: str, seconds: int, cookie: str | None = None) -> Row:
    url = page_url(base, path)
    status = urllib.request.urlopen(  # noqa: S310 - our own server
        urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {}), timeout=30
    ).status
    if status != 200:
        raise SystemExit(f"{url}: HTTP {status}")
    wrk(url, connections=4, seconds=2, cookie=cookie)  # warm-up: both workers, every cache
    many = wrk(url, connections=16, seconds=seconds, cookie=cookie)
    one = wrk(url, connections=1, seconds=max(3, seconds // 2), cookie=cookie)
    row = Row(page, mode, path, many, one)
    print(
        f"  {page:<20} {mode:<13} {many.requests_per_second:8.1f} req/s  p50 {one.p50_ms:6.1f} ms (1 conn)"
        + (f"  {many.errors} errors" if many.errors else ""),
        flush=True,
    )
    return row


def after_change(page: str, base: str, path: str, count: int = 15) -> Row:
    """The first request after a change of content, `count` times in a row: before each, the content version is
    raised (as any publish does), so the page and every piece of it is worked out anew, from the database. What the
    first visitor after a publish waits; the other rows show the pages once their pieces are kept again."""
    import redis

    url = page_url(base, path)
    client = redis.Redis.from_url(REDIS)
    timings = []
    for _ in range(count):
        client.incr(VERSION_KEY)
        started = time.perf_counter()
        with urllib.request.urlopen(
            urllib.request.Request(url, headers={"Accept-Language": "de"}), timeout=60
        ) as answer:  # noqa: S310
            answer.read()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    one = Run(1000 / (sum(timings) / count), timings[count // 2], timings[-1], 0)
    print(f"  {page:<20} {'after a change':<13} p50 {one.p50_ms:6.1f} ms (1 conn, {count} requests)", flush=True)
    return Row(page, "after a change", path, None, one)


@dataclass
class Pair:
    """Two pages (or one page for a guest and a member) requested in turn, one request each, on one connection: both
    see the same moment of the machine. Its speed drifts by more between two runs seconds apart than a ratio's
    margin (five alternating wrk runs of 3 s each still put the same member page at 1.25× and 1.44×)."""

    name: str
    first: list[float]  # ms of each request
    second: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(self.first) / statistics.median(self.second)


def _timed_get(connection: http.client.HTTPConnection, url: str, cookie: str | None) -> float:
    parts = urllib.parse.urlsplit(url)
    headers = {name.strip(): value.strip() for name, value in (header.split(":", 1) for header in HEADERS[1::2])}
    if cookie:
        headers["Cookie"] = cookie
    started = time.perf_counter()
    connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers)
    response = connection.getresponse()
    response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        raise SystemExit(f"{url}: HTTP {response.status}")
    return elapsed


def paired(name: str, first: tuple[str, str | None], second: tuple[str, str | None], seconds: int = 15) -> Pair:
    """`first` and `second` are (url, a member's Cookie header or None), requested in turn for `seconds` after a
    warm-up. The client (Python's http.client, about 0.08 ms a request here) adds the same to both sides."""
    times: tuple[list[float], list[float]] = ([], [])
    host = urllib.parse.urlsplit(first[0])
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    try:
        for _ in range(100):
            for url, cookie in (first, second):
                _timed_get(connection, url, cookie)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for (url, cookie), found in zip((first, second), times, strict=True):
                found.append(_timed_get(connection, url, cookie))
    finally:
        connection.close()
    pair = Pair(name, *times)
    print(f"  {name}: {pair.ratio:.2f}× (medians of {len(pair.first)} requests each, in turn)", flush=True)
    return pair


# The ratios within one run: (name, slower page, faster page, budget).
RATIO_PAIRS = [
    ("list page (offer list, 20 cards) vs detail page (offer)", "offer list", "offer", 1.5),
    ("detail page (offer) vs plain content page", "offer", "content page", 1.3),
]


def _fmt(run: Run | None) -> str:
    if run is None:
        return "– | – | –"
    return f"{run.requests_per_second:.1f} | {run.p50_ms:.1f} | {run.p99_ms:.1f}"


def table(rows: list[Row]) -> str:
    lines = [
        "| page | mode | req/s (16 conn) | p50 ms | p99 ms | req/s (1 conn) | p50 ms | p99 ms |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [f"| {row.page} | {row.mode} | {_fmt(row.many)} | {_fmt(row.one)} |" for row in rows]
    return "\n".join(lines)


def _find(rows: list[Row], page: str, mode: str) -> Row | None:
    return next((row for row in rows if row.page == page and row.mode == mode), None)


def budgets(rows: list[Row], baseline: list[Row] | None, pairs: list[Pair] | None = None) -> list[str]:
    """Each budget of issue 20 that this run can decide, as met or missed with the gap. The ratios of service times
    are decided by the alternating runs (`pairs`) where there are some, else by the table's single runs."""
    out = []
    by_name = {pair.name: pair for pair in pairs or []}

    def ratio(name: str, single: float) -> tuple[float, str]:
        pair = by_name.get(name)
        if pair is None:
            return single, ""
        medians = f" (medians of {len(pair.first)} requests each, in turn: {statistics.median(pair.first):.2f} against "
        return pair.ratio, medians + f"{statistics.median(pair.second):.2f} ms; the table's single runs: {single:.2f}×)"

    def verdict(name: str, value: float, limit: float, *, at_least: bool, unit: str = "", how: str = "") -> None:
        met = value >= limit if at_least else value <= limit
        sign = "≥" if at_least else "≤"
        out.append(f"- {'met' if met else 'MISSED'}: {name}: {value:.2f}{unit} (budget {sign} {limit:g}{unit}){how}")

    static = _find(rows, "static file", "static")
    for row in rows:
        if row.mode != "cached guest":
            continue
        verdict(f"cached {row.page}, req/s with 16 connections", row.many.requests_per_second, 1000, at_least=True)
        if static:
            share = row.many.requests_per_second / static.many.requests_per_second
            verdict(f"cached {row.page}, share of the static file's rate", share * 100, 45, at_least=True, unit=" %")
    for row in rows:
        if row.mode != "bakerydemo":
            continue
        ours = _find(rows, row.page, "guest")
        verdict(
            f"uncached {row.page} vs bakerydemo {row.path}, req/s ratio",
            ours.many.requests_per_second / row.many.requests_per_second,
            2.0,
            at_least=True,
            unit="×",
        )
    for name, slow, fast, limit in RATIO_PAIRS:
        a, b = _find(rows, slow, "guest"), _find(rows, fast, "guest")
        if a and b:
            value, how = ratio(name, a.one.p50_ms / b.one.p50_ms)
            verdict(f"{name}, service time ratio", value, limit, at_least=False, unit="×", how=how)
    for row in rows:
        if row.mode == "member":
            guest = _find(rows, row.page, "guest")
            name = member_pair(row.page)
            value, how = ratio(name, row.one.p50_ms / guest.one.p50_ms)
            verdict(f"{name}, service time ratio", value, 1.3, at_least=False, unit="×", how=how)
    if baseline:
        for page, _member, paginated in PAGES:
            for mode in ("guest", "after a change"):
                before, after = _find(baseline, page, mode), _find(rows, page, mode)
                if paginated and before and after:
                    verdict(
                        f"{page} ({mode}): service time at this scale vs the baseline's",
                        after.one.p50_ms / before.one.p50_ms,
                        1.5,
                        at_least=False,
                        unit="×",
                    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=1, help="the demo city this many times (bench/scale.py)")
    parser.add_argument("--seconds", type=int, default=8, help="length of each 16-connection run")
    parser.add_argument("--reference", help="bakerydemo's base URL, measured interleaved with the portal")
    parser.add_argument("--baseline", type=Path, help="an earlier run's JSON (e.g. at 1×) to compare growth with")
    parser.add_argument("--label", help="name of the result files (default: <scale>x)")
    parser.add_argument("--fresh", action="store_true", help="build the database again")
    parser.add_argument("--only", help="comma-separated page names (a quick look)")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    label = args.label or f"{args.scale}x"
    database = ROOT / "bench" / ".work" / f"scale-{args.scale}" / "portal.sqlite3"
    if args.fresh and database.parent.exists():
        shutil.rmtree(database.parent)
    prepare(database, args.scale)
    subprocess.run(["redis-cli", "-n", REDIS.rsplit("/", 1)[1], "flushdb"], check=True, capture_output=True)
    paths, member_cookie = discover(database)
    wanted = set(args.only.split(",")) if args.only else None
    servers = [start(database, cached=True, port=CACHED_PORT), start(database, cached=False, port=UNCACHED_PORT)]
    cached_base, uncached_base = f"http://127.0.0.1:{CACHED_PORT}", f"http://127.0.0.1:{UNCACHED_PORT}"
    load = os.getloadavg()[0]
    rows: list[Row] = []
    pairs: list[Pair] = []
    try:
        rows.append(measure("static file", "static", cached_base, STATIC, args.seconds))
        for page, member, paginated in PAGES:
            if wanted and page not in wanted:
                continue
            path = paths[page]
            rows.append(measure(page, "cached guest", cached_base, path, args.seconds))
            rows.append(measure(page, "guest", uncached_base, path, args.seconds))
            if args.reference and page in REFERENCE:  # interleaved: the same minute's machine for both
                rows.append(measure(page, "bakerydemo", args.reference, REFERENCE[page], args.seconds))
            if member:
                rows.append(measure(page, "member", uncached_base, path, args.seconds, cookie=member_cookie))
            if paginated:
                rows.append(after_change(page, uncached_base, path))
        for name, slow, fast, _limit in RATIO_PAIRS:
            if not wanted or {slow, fast} <= wanted:
                slow_url, fast_url = page_url(uncached_base, paths[slow]), page_url(uncached_base, paths[fast])
                pairs.append(paired(name, (slow_url, None), (fast_url, None)))
        for page, member, _paginated in PAGES:
            if member and (not wanted or page in wanted):
                url = page_url(uncached_base, paths[page])
                pairs.append(paired(member_pair(page), (url, member_cookie), (url, None)))
    finally:
        for server in servers:
            stop(server)
    baseline = None
    if args.baseline:
        baseline = [
            Row(**{**row, "many": Run(**row["many"]) if row["many"] else None, "one": Run(**row["one"])})
            for row in json.loads(args.baseline.read_text())["rows"]
        ]
    verdicts = budgets(rows, baseline, pairs)
    machine = f"{platform.node()}, {os.cpu_count()} CPUs, {platform.platform()}, load average {load:.2f} at start"
    header = (
        f"Pages benchmark `{label}` on {datetime.date.today().isoformat()} ({machine}); gunicorn 2 sync workers, "
        f"production settings, SQLite, Redis cache; wrk {args.seconds} s per 16-connection run."
    )
    report = f"{header}\n\n{table(rows)}\n\n" + "\n".join(verdicts) + "\n"
    print("\n" + report)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"pages-{label}.md").write_text(report)
    (results / f"pages-{label}.json").write_text(
        json.dumps(
            {
                "label": label,
                "machine": machine,
                "rows": [asdict(row) for row in rows],
                "pairs": [asdict(p) for p in pairs],
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    sys.exit(main())
