"""Uncached pages without needless round trips (issue 20): each web process keeps the fragments it used last in its
own memory under the content version, a cache key is read from Redis once per request, the page a path leads to
comes with its route, and a topic's posts are shared by the readers who see the same links under them."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import page_cache
from core.page_cache import _InProcessFragments, _request_version, cached_fragment
from tests.factories import ParentFactory, make_forum, make_offer, make_reply, make_topic, offer_index, topic_url
from tests.performance.support import warm_queries
from tests.security.test_resilience import live_redis_cache  # noqa: F401 (the module's fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_request():
    """What the middleware opens for every request: the per-request memo."""
    token = _request_version.set({})
    yield
    _request_version.reset(token)


@pytest.fixture
def uncached_pages(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # every page rendered; its fragments still kept
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 60


def _on_redis_command(monkeypatch, record) -> None:
    """`record(args)` for every command sent to Redis until `monkeypatch.undo()`."""
    import redis.client

    real = redis.client.Redis.execute_command

    def execute(self, *args, **options):
        record(args)
        return real(self, *args, **options)

    monkeypatch.setattr(redis.client.Redis, "execute_command", execute)


def redis_reads(monkeypatch) -> list[str]:
    """The keys of the GETs sent to Redis from now on."""
    reads: list[str] = []
    _on_redis_command(monkeypatch, lambda args: args[0] == "GET" and reads.append(str(args[1])))
    return reads


def redis_commands(monkeypatch) -> list[tuple]:
    """Every command sent to Redis from now on, with its arguments."""
    commands: list[tuple] = []
    _on_redis_command(monkeypatch, commands.append)
    return commands


@pytest.mark.redis
@pytest.mark.usefixtures("live_redis_cache", "uncached_pages")
def test_a_warm_page_asks_redis_for_each_key_once_and_for_no_fragment(client, home_page, monkeypatch):
    index = offer_index(home_page)
    offer = make_offer(index, title="Babyschwimmen Saarn")
    for url in (index.url, offer.url, "/de/"):
        # Warm: the first request of a test creates the site settings row (a write: a new content version), the
        # second keeps every piece under the new version.
        for _ in range(2):
            client.get(url)
        reads = redis_reads(monkeypatch)
        response = client.get(url)
        monkeypatch.undo()
        assert response.status_code == 200
        assert len(reads) == len(set(reads)), f"{url}: a key was read from Redis twice in one request: {reads}"
        assert not [key for key in reads if "portal:fragment:" in key], f"{url}: fragments not kept in the process"
        assert any(key.endswith(page_cache.VERSION_KEY) for key in reads), "the content version is always asked"


@pytest.mark.redis
@pytest.mark.usefixtures("live_redis_cache", "uncached_pages")
def test_a_members_facts_come_from_redis_in_one_round_trip(client, home_page, monkeypatch):
    """The unread count, the Merkliste, the confirmed address, the wiki status …: one MGET for all of a member's
    facts, not a GET each, and the same one that reads the content version (core/member_cache.py)."""
    from core import member_cache

    offer = make_offer(offer_index(home_page), title="Babyschwimmen Saarn")
    client.force_login(ParentFactory(username="lena"))
    for _ in range(2):
        client.get(offer.url)
    commands = redis_commands(monkeypatch)
    assert client.get(offer.url).status_code == 200
    monkeypatch.undo()
    member_keys = [
        (args[0], key) for args in commands for key in map(str, args[1:]) if key.startswith(":1:portal:member:")
    ]
    assert member_keys, "the page asks for the member's facts"
    assert {command for command, _ in member_keys} == {"MGET"}, member_keys
    member_mgets = [args for args in commands if args[0] == "MGET" and ":1:portal:member:" in " ".join(map(str, args))]
    assert len(member_mgets) == 1
    assert len(member_keys) == len(member_cache._FACTS), "every fact in that one round trip"
    assert any(str(key).endswith(page_cache.VERSION_KEY) for key in member_mgets[0][1:]), "with the content version"
    assert not [args for args in commands if args[0] == "GET" and str(args[1]).endswith(page_cache.VERSION_KEY)]


@pytest.mark.redis
@pytest.mark.usefixtures("live_redis_cache", "uncached_pages")
def test_a_change_shows_on_the_next_request_although_the_process_kept_the_old_pieces(client, home_page):
    index = offer_index(home_page)
    offer = make_offer(index, title="Babyschwimmen Saarn")
    assert "Babyschwimmen Saarn" in client.get(offer.url).content.decode()
    offer.title = "Babyschwimmen Saarn – neue Zeiten"
    offer.save_revision().publish()
    assert "neue Zeiten" in client.get(offer.url).content.decode()
    assert "neue Zeiten" in client.get(index.url).content.decode()
    # Another process raises the version (a publish on another gunicorn machine): the kept pieces are not used.
    page_cache.bump_version()
    type(offer).objects.filter(pk=offer.pk).update(title="Babyschwimmen am Mittwoch")  # no signal: only the bump
    assert "Babyschwimmen am Mittwoch" in client.get(offer.url).content.decode()


@pytest.mark.redis
@pytest.mark.usefixtures("live_redis_cache", "a_request")
def test_within_a_request_a_key_is_read_once_but_its_own_writes_are_seen(monkeypatch):
    import os

    import redis

    reads = redis_reads(monkeypatch)
    assert cache.get("plan") is None and cache.get("plan", "leer") == "leer"
    assert reads.count(":1:plan") == 1
    cache.set("plan", {"tag": "Montag"})
    assert cache.get("plan") == {"tag": "Montag"}
    # What another process writes meanwhile shows from the next request on.
    redis.Redis.from_url(os.environ["PORTAL_TEST_REDIS_URL"]).delete(":1:plan")
    assert cache.get("plan") == {"tag": "Montag"}
    cache.delete("plan")
    assert cache.get("plan") is None
    cache.add("zaehler", 1)
    cache.incr("zaehler")
    assert cache.get("zaehler") == 2
    cache.set_many({"a": 1, "b": 2})
    assert cache.get("a") == 1
    cache.delete_many(["a"])
    assert cache.get("a") is None and cache.get("b") == 2
    cache.clear()
    assert cache.get("b") is None


def test_the_process_copy_is_bounded_dropped_with_the_version_and_handed_out_as_copies(settings):
    settings.PORTAL_FRAGMENT_MEMORY_BYTES = 80_000
    kept = _InProcessFragments()
    for number in range(50):
        kept.put(f"key-{number}", 7, (9e12, False, "x" * 5_000))
    assert kept._size <= 80_000
    assert kept.get("key-0", 7) is None, "the least recently used went first"
    assert kept.get("key-49", 7) == (9e12, False, "x" * 5_000)
    assert kept.get("key-49", 8) is None, "another content version: nothing kept for the old one is used"
    assert kept.get("key-49", 7) is None, "…and it is gone"
    kept.put("liste", 8, (9e12, False, [{"titel": "Kita"}]))
    first = kept.get("liste", 8)
    first[2][0]["titel"] = "verändert"
    assert kept.get("liste", 8)[2] == [{"titel": "Kita"}], "one request cannot change what the next one gets"
    kept.put("gross", 8, (9e12, False, "y" * 20_000))
    assert kept.get("gross", 8) is None, "a piece bigger than an eighth of the memory is not kept"


def test_a_fragment_past_its_time_is_made_again_from_the_process_copy_too(settings, a_request, monkeypatch):
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 60
    made = []
    assert cached_fragment("uhr", lambda: made.append(1) or "erste", parts=(1,)) == "erste"
    assert cached_fragment("uhr", lambda: made.append(1) or "zweite", parts=(1,)) == "erste"
    later = timezone.now() + datetime.timedelta(seconds=61)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert cached_fragment("uhr", lambda: made.append(1) or "dritte", parts=(1,)) == "dritte"
    assert len(made) == 2


def post_links(html: str) -> dict[str, int]:
    """How many of each link under the posts a page shows."""
    posts = html[html.index('<ol class="posts">') : html.index("</ol>", html.index('<ol class="posts">'))]
    return {
        "edit": posts.count("/update/"),
        "delete": posts.count("/delete/"),
        "report": posts.count('class="post__report"'),
    }


def test_a_topics_posts_are_shared_by_readers_who_see_the_same_links_under_them(client, settings):
    """Guests share one copy of a topic's posts and members who wrote none of them another (with "Melden"); an
    author sees "Bearbeiten" under their own posts only, a moderator under all, a member who may not write no
    "Melden": each from a copy of their own, never another reader's."""
    from community.accounts.roles import MODERATION
    from tests.factories import UserFactory

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    forum = make_forum("Baby & Kleinkind")
    author = ParentFactory(username="sandra", display_name="Sandra aus Styrum")
    topic = make_topic(forum, author)
    make_reply(topic, ParentFactory(username="mehmet"), "Bei uns hat das Babyschwimmen in Saarn geholfen.")
    url = topic_url(topic)

    guest = client.get(url).content.decode()
    assert "Babyschwimmen in Saarn" in guest
    assert post_links(guest) == {"edit": 0, "delete": 0, "report": 0}
    guest_queries = warm_queries(client, url)[0]

    readers = {}
    for name, user in {
        "reader": ParentFactory(username="julia"),
        "second reader": ParentFactory(username="olena"),
        "author": author,
        "moderator": UserFactory(username="moderatorin", roles=[MODERATION]),
        "unconfirmed": UserFactory(username="neu", verified=False),
    }.items():
        client.force_login(user)
        html = client.get(url).content.decode()
        assert "Babyschwimmen in Saarn" in html
        readers[name] = post_links(html)
        if name == "second reader":
            # The first reader's copy: the posts are neither read from the database nor rendered again.
            _, queries = warm_queries(client, url)
            assert not [sql for sql in queries if sql.startswith('SELECT "forum_conversation_post"."id"')], queries
        client.logout()
    assert readers["reader"] == readers["second reader"] == {"edit": 0, "delete": 0, "report": 2}
    assert readers["author"]["edit"] == 1 and readers["author"]["report"] == 1, "own post: edit; the other: report"
    assert readers["moderator"]["edit"] == 2 and readers["moderator"]["delete"] == 2
    assert readers["unconfirmed"] == {"edit": 0, "delete": 0, "report": 0}

    assert client.get(url).content.decode() == guest
    assert warm_queries(client, url)[0] == guest_queries


def test_a_member_rereading_a_topic_writes_nothing_until_something_new_is_posted(client, settings):
    """machina marks a topic read on every view (an UPDATE); the portal only when something was posted since."""
    from machina.apps.forum_tracking.handler import TrackingHandler

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    forum = make_forum("Baby & Kleinkind")
    topic = make_topic(forum, ParentFactory(username="sandra"))
    make_topic(forum, ParentFactory(username="mehmet"), "Flohmarkt in Saarn")  # keeps the forum itself unread
    reader = ParentFactory(username="julia")
    client.force_login(reader)

    def unread() -> bool:
        topic.refresh_from_db()
        return topic in TrackingHandler().get_unread_topics([topic], reader)

    assert unread()
    client.get(url := topic_url(topic))
    assert not unread()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    sql = " ".join(query["sql"] for query in context.captured_queries)
    assert "forum_tracking" not in sql, "read once, nothing new: no read tracking at all"
    assert not [q for q in context.captured_queries if not q["sql"].lstrip().upper().startswith("SELECT")]

    make_reply(topic, ParentFactory(username="olena"), "Dienstags im Familienpunkt.")
    assert unread(), "a new reply makes it unread"
    client.get(url)
    assert not unread(), "and the next view marks it read again"


@pytest.mark.redis
@pytest.mark.usefixtures("live_redis_cache", "uncached_pages")
def test_whether_a_member_read_a_topic_comes_with_their_other_facts(client, monkeypatch):
    """The topics a member read are one of the member's facts: rereading a topic asks Redis for nothing of the
    member's beyond the one MGET of every page."""
    topic = make_topic(make_forum("Baby & Kleinkind"), ParentFactory(username="sandra"))
    client.force_login(ParentFactory(username="julia"))
    for _ in range(2):
        client.get(url := topic_url(topic))
    commands = redis_commands(monkeypatch)
    assert client.get(url).status_code == 200
    monkeypatch.undo()
    member = [args for args in commands if any(str(key).startswith(":1:portal:member:") for key in args[1:])]
    assert [args[0] for args in member] == ["MGET"], member
    assert ":1:portal:member:forum-topics-read:" in " ".join(map(str, member[0][1:]))


def test_a_member_who_read_many_topics_since_has_an_old_one_marked_once_more(client, settings, monkeypatch):
    """The read topics kept per member are bounded (the newest kept): a topic that fell out is marked read again on
    its next view, once, and then kept again."""
    from community.forum import services

    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(services, "TOPICS_READ_KEPT", 2)
    forum = make_forum("Baby & Kleinkind")
    topics = [make_topic(forum, ParentFactory(username=f"autorin{n}"), f"Frage {n}") for n in range(3)]
    client.force_login(ParentFactory(username="julia"))

    def tracking_queries(topic) -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(topic_url(topic)).status_code == 200
        return len([query for query in context.captured_queries if "forum_tracking" in query["sql"]])

    assert tracking_queries(topics[0]) > 0
    assert tracking_queries(topics[0]) == 0, "kept: read after its last post"
    assert tracking_queries(topics[1]) > 0 and tracking_queries(topics[2]) > 0
    assert tracking_queries(topics[2]) == 0 and tracking_queries(topics[1]) == 0, "the two newest are kept"
    assert tracking_queries(topics[0]) > 0, "the oldest fell out: marked once more"
    assert tracking_queries(topics[0]) == 0


def test_reading_a_topic_writes_nothing(client, settings):
    """machina's view counter (an UPDATE per read) is off: the portal shows no view counts."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    topic = make_topic(make_forum("Baby & Kleinkind"), ParentFactory(username="sandra"))
    _, queries = warm_queries(client, topic_url(topic))
    assert not [sql for sql in queries if not sql.lstrip().upper().startswith("SELECT")], queries
    topic.refresh_from_db()
    assert topic.views_count == 0
