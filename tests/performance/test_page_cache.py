"""The guests' page cache (core/page_cache.py): a second anonymous request makes no SQL query; whatever changes shows
on the next request; time-dependent facts flip on time; nobody gets someone else's page, cookie or token."""

from __future__ import annotations

import datetime
import gzip
import re
from zoneinfo import ZoneInfo

import brotli
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    ParentFactory,
    UserFactory,
    changing_place_index,
    district,
    kita_index,
    make_changing_place,
    make_daycare,
    make_forum,
    make_offer,
    make_reply,
    make_topic,
    offer_index,
    topic_url,
)
from tests.performance.support import APIS, LANGUAGES, warm_queries
from tests.security.test_headers import PAGE_TYPES, pages  # noqa: F401 (the module's pages fixture)

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def queries_of(client, url: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, headers=headers)
    return len(context.captured_queries), response


def html(response) -> str:
    return response.content.decode()


@pytest.fixture(autouse=True)
def site_settings(home_page):
    """A fresh site creates its settings row at the first request, a write that makes that first page stale at
    once; a running site has it."""
    from wagtail.models import Site

    from home.models import PortalSettings

    PortalSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def offers(home_page):
    index = offer_index(home_page)
    make_offer(index, title="Babyschwimmen Saarn", district=district("saarn"))
    return index


def test_the_second_guest_request_makes_no_query_and_is_marked_for_proxies(client, offers):
    first_count, first = queries_of(client, offers.url)
    assert first.status_code == 200 and first_count > 0
    count, second = queries_of(client, offers.url)
    assert count == 0
    assert html(second) == html(first)
    assert "Babyschwimmen Saarn" in html(second)
    cache_control = second["Cache-Control"]
    assert "public" in cache_control and "s-maxage=" in cache_control and "max-age=0" in cache_control
    assert not second.cookies, "a guest's page sets no cookie"


def test_a_publish_shows_on_the_next_request(client, offers):
    client.get(offers.url)
    make_offer(offers, title="Kinderturnen Styrum", district=district("styrum"))
    assert "Kinderturnen Styrum" in html(client.get(offers.url))


def test_an_unpublish_and_an_edit_show_on_the_next_request(client, offers):
    offer = offers.get_children().get(title="Babyschwimmen Saarn").specific
    assert "Babyschwimmen Saarn" in html(client.get(offer.url))
    offer.title = "Babyschwimmen Saarn – neue Zeiten"
    offer.save_revision().publish()
    assert "neue Zeiten" in html(client.get(offer.url))
    assert "neue Zeiten" in html(client.get(offers.url))
    offer.unpublish()
    assert client.get(offer.url).status_code == 404
    assert "Babyschwimmen Saarn" not in html(client.get(offers.url))


def test_a_forum_post_shows_on_the_next_request(client):
    forum = make_forum("Baby & Kleinkind")
    topic = make_topic(forum, ParentFactory(username="sandra", display_name="Sandra aus Styrum"))
    url = topic_url(topic)
    client.get(url)
    assert queries_of(client, url)[0] == 0
    make_reply(topic, ParentFactory(username="mehmet"), "Bei uns hat das Babyschwimmen in Saarn geholfen.")
    assert "Babyschwimmen in Saarn geholfen" in html(client.get(url))
    # A moderation decision: the removed post is gone from the next guest's page.
    from community.accounts.roles import MODERATION
    from community.forum.services import post_remove

    post = topic.posts.get(content__contains="Babyschwimmen in Saarn")
    post_remove(post=post, moderator=UserFactory(username="moderatorin", roles=[MODERATION]), reason="Werbung")
    assert "Babyschwimmen in Saarn geholfen" not in html(client.get(url))


def test_a_kita_report_shows_on_the_next_request(client, home_page):
    from home.kita.services import places_record

    kita = make_daycare(
        kita_index(home_page), title="Kita Sonnenblume", district=district("styrum"), lat="51.45", lon="6.86"
    )
    assert "frei" not in html(client.get(kita.url)).split("free-places", 1)[-1].split("</ul>", 1)[0]
    places_record(daycare=kita, reported_by=None, free_by_group={"u3": 2})
    section = html(client.get(kita.url)).split("free-places", 1)[-1].split("</ul>", 1)[0]
    assert "2 frei" in section


def test_jetzt_geoeffnet_flips_at_closing_time_on_a_cached_page(client, home_page, monkeypatch):
    place = make_changing_place(
        changing_place_index(home_page),
        title="Stadtbibliothek",
        district=district("styrum"),
        hours=((range(7), "08:00", "18:00"),),
        open_on_holidays=True,
    )
    day = datetime.date(2026, 12, 2)
    before = datetime.datetime.combine(day, datetime.time(17, 59, 50), BERLIN)
    monkeypatch.setattr(timezone, "now", lambda: before.astimezone(datetime.UTC))
    assert "jetzt geöffnet" in html(client.get(place.url))
    assert queries_of(client, place.url)[0] == 0  # stored
    after = datetime.datetime.combine(day, datetime.time(18, 0, 5), BERLIN)  # 15 seconds later: no minute has passed
    monkeypatch.setattr(timezone, "now", lambda: after.astimezone(datetime.UTC))
    page = html(client.get(place.url))
    assert "jetzt geöffnet" not in page and "geschlossen" in page


def test_no_page_is_older_than_the_configured_lifetime(client, offers, monkeypatch):
    start = timezone.now()
    client.get(offers.url)
    monkeypatch.setattr(
        timezone, "now", lambda: start + datetime.timedelta(seconds=settings.PORTAL_PAGE_CACHE_SECONDS - 5)
    )
    assert queries_of(client, offers.url)[0] == 0
    monkeypatch.setattr(
        timezone, "now", lambda: start + datetime.timedelta(seconds=settings.PORTAL_PAGE_CACHE_SECONDS + 1)
    )
    assert queries_of(client, offers.url)[0] > 0


def test_members_never_get_a_stored_page_and_their_pages_are_private(client, offers):
    client.get(offers.url)  # a guest's copy is stored
    member = ParentFactory(username="lena")
    client.force_login(member)
    count, response = queries_of(client, offers.url)
    assert count > 0
    assert "Abmelden" in html(response)
    assert "private" in response["Cache-Control"]


def test_no_session_cookie_for_guests_and_no_csrf_cookie_without_a_post_form(client, offers):
    for _ in range(2):  # rendered, then stored
        response = client.get(offers.url)
        assert settings.SESSION_COOKIE_NAME not in response.cookies
        assert settings.CSRF_COOKIE_NAME not in response.cookies


def test_a_stored_page_with_a_form_gives_every_guest_their_own_token(home_page, client):
    from django.test import Client

    from home.kita.models import PlaceAlert

    index = kita_index(home_page)
    make_daycare(index, title="Kita Sonnenblume", district=district("styrum"), lat="51.45", lon="6.86")
    url = f"{index.url}?stadtteil=styrum"
    tokens, cookies = [], []
    for _ in range(2):
        guest = Client(enforce_csrf_checks=True)
        count, response = queries_of(guest, url)
        page = html(response)
        token = re.search(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"', page).group(1)
        tokens.append(token)
        cookies.append(response.cookies[settings.CSRF_COOKIE_NAME].value)
        assert "private" in response["Cache-Control"]
    assert count == 0  # the second guest got the stored page
    assert cookies[0] != cookies[1] and tokens[0] != tokens[1]
    # The second guest's form is accepted with their own token.
    form = re.search(r'<form method="post" action="([^"]+)"', page).group(1)
    key = re.search(r'name="formular_schluessel" value="([^"]+)"', page).group(1)
    response = guest.post(
        form,
        {
            "csrfmiddlewaretoken": tokens[1],
            "email": "eltern@example.org",
            "formular_schluessel": key,
            "stadtteil": "styrum",
        },
    )
    assert response.status_code in (200, 302), response.status_code
    assert PlaceAlert.objects.filter(email="eltern@example.org").exists()


def test_compressed_copies_are_the_same_page(client, offers):
    plain = html(client.get(offers.url))
    gzipped = client.get(offers.url, headers={"accept-encoding": "gzip"})
    assert gzipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(gzipped.content).decode() == plain
    brotlied = client.get(offers.url, headers={"accept-encoding": "gzip, deflate, br"})
    assert brotlied["Content-Encoding"] == "br"
    assert brotli.decompress(brotlied.content).decode() == plain
    assert len(brotlied.content) < len(plain) / 3
    assert "Accept-Encoding" in brotlied["Vary"]


def test_a_stored_page_with_a_form_is_gzipped_around_each_guests_token(home_page):
    """The page is compressed once when stored; per guest only the token is. The result is one valid gzip stream
    (checked strictly by zlib, and by its checksum) holding exactly the page a guest without gzip gets."""
    import zlib

    from django.test import Client

    index = kita_index(home_page)
    make_daycare(index, title="Kita Sonnenblume", district=district("styrum"), lat="51.45", lon="6.86")
    url = f"{index.url}?stadtteil=styrum"
    bodies, tokens = [], []
    for _ in range(3):
        guest = Client()
        count, response = queries_of(guest, url, accept_encoding="gzip, br")
        assert response["Content-Encoding"] == "gzip"
        stream = zlib.decompressobj(wbits=31)  # gzip framing: raises on a bad checksum or length
        page = stream.decompress(response.content).decode()
        assert stream.eof and not stream.unused_data
        bodies.append(page)
        tokens.append(re.findall(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"', page))
        assert len(response.content) < len(page) / 2
    assert count == 0, "the later guests got the stored page"
    assert tokens[0] and tokens[1] != tokens[2]
    assert bodies[1].replace(tokens[1][0], "T") == bodies[2].replace(tokens[2][0], "T")
    unzipped = html(Client().get(url))
    assert re.sub(r'value="[A-Za-z0-9]{64}"', "", unzipped) == re.sub(r'value="[A-Za-z0-9]{64}"', "", bodies[2])


def test_pieces_compressed_apart_make_one_gzip_stream_with_any_number_of_holes():
    import zlib

    from core.page_cache import CSRF_HOLE, _deflated_pieces, _gzip_around_tokens

    for holes in range(4):
        body = CSRF_HOLE.join(f"<p>Teil {n} – Öffnungszeiten ".encode() * (50 + n) for n in range(holes + 1))
        token = b"x" * 64
        result = _gzip_around_tokens(body, _deflated_pieces(body), token)
        assert zlib.decompress(result, wbits=31) == body.replace(CSRF_HOLE, token)
        assert gzip.decompress(result) == body.replace(CSRF_HOLE, token)


def test_a_flash_message_is_shown_not_a_stored_page(client, offers):
    client.get(offers.url)  # stored without a message
    client.force_login(ParentFactory(username="lena"))
    response = client.post(reverse("account_logout"), {"next": offers.url}, follow=True)
    assert response.redirect_chain and response.redirect_chain[-1][0].endswith(offers.url)
    assert "Sie haben sich abgemeldet." in html(response)


def without_counting(queries: list[str]) -> list[str]:
    """A typed search is counted (search/analytics.py), so its page is never stored: the view runs, and everything
    but the count (one statement, in a savepoint inside the test's transaction) comes from the kept fragments."""
    if not any("search_query_week" in sql for sql in queries):
        return queries
    return [sql for sql in queries if "search_query_week" not in sql and "SAVEPOINT" not in sql]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_comes_from_the_cache_without_a_query(client, pages, page_type, language):  # noqa: F811
    _count, queries = warm_queries(client, f"/{language}/{pages[page_type]}", page_cache=True)
    queries = without_counting(queries)
    assert not queries, f"{page_type} ({language}): {len(queries)} queries\n" + "\n".join(queries)


@pytest.mark.parametrize("url", APIS)
def test_every_api_comes_from_the_cache_without_a_query(client, pages, url):  # noqa: F811
    _count, queries = warm_queries(client, url, page_cache=True)
    queries = without_counting(queries)
    assert not queries, f"{url}: {len(queries)} queries\n" + "\n".join(queries)


def test_a_page_made_from_the_referer_is_never_served_to_someone_else(client, home_page):
    from tests.factories import statement_page

    statement = statement_page(home_page)

    def page_field(response) -> str:
        return response.content.decode().split('name="page_url"')[1].split(">")[0]

    for _ in range(2):  # the copy for visitors who come without a Referer
        assert "value=" not in page_field(client.get(statement.url))
    assert queries_of(client, statement.url)[0] == 0
    came_from = client.get(statement.url, headers={"referer": "http://testserver/de/angebote/"})
    assert 'value="http://testserver/de/angebote/"' in page_field(came_from)
    other = client.get(statement.url, headers={"referer": "http://testserver/de/kita/"})
    assert 'value="http://testserver/de/kita/"' in page_field(other)
    assert "value=" not in page_field(client.get(statement.url))


def test_writes_no_public_page_shows_keep_the_stored_pages(offers):
    from core.page_cache import current_version
    from home.offers.models import OfferImport
    from search.models import SearchSynonym, SearchWord

    before = current_version()
    SearchWord.objects.create(word="seepferdchen", folded="seepferdchen")  # the index following the content
    OfferImport.objects.create(file_name="a.csv")  # an import run, shown in the admin only
    assert current_version() == before
    SearchSynonym.objects.create(terms="Krabbelgruppe, Spielgruppe")  # changes what a search page finds
    assert current_version() != before
