"""Light pages (issue 20): the first view of the offer list weighs at most 25 KB compressed, every request included,
and the map library loads only after "Karte laden"."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser

import brotli
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.factories import district, make_offer, offer_index

pytestmark = pytest.mark.django_db
FIRST_VIEW_BUDGET = 25 * 1024


class Fetched(HTMLParser):
    """What a browser fetches for the page itself: scripts, styles, icons and images (not links to other pages)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and attrs.get("rel") in ("stylesheet", "icon", "preload"):
            self.urls.append(attrs["href"])
        elif tag == "img" and attrs.get("src"):
            self.urls.append(attrs["src"])


def static_file(url: str) -> bytes:
    assert url.startswith(settings.STATIC_URL), f"{url} is not one of the portal's static files"
    path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
    assert path, url
    with open(path, "rb") as handle:
        return handle.read()


def css_imports(css: bytes) -> list[str]:
    return [url for url in re.findall(rb"url\(['\"]?([^'\")]+)", css) if not url.startswith(b"data:")]


@pytest.fixture
def offer_list(home_page):
    index = offer_index(home_page)
    for number in range(20):
        make_offer(
            index,
            title=f"Babyschwimmen {number}",
            district=district("saarn"),
            street="Düsseldorfer Str. 1",
            latitude=Decimal("51.41") + Decimal(number) / 1000,  # on the map
            longitude=Decimal("6.88"),
        )
    return index


def test_the_first_view_of_the_offer_list_weighs_at_most_25_kb_compressed(client, offer_list):
    client.get(offer_list.url)
    page = client.get(offer_list.url, headers={"accept-encoding": "gzip, deflate, br"})
    assert page["Content-Encoding"] == "br"
    html = brotli.decompress(page.content).decode()
    parser = Fetched()
    parser.feed(html)
    sizes = {offer_list.url: len(page.content)}
    for url in parser.urls:
        body = static_file(url)
        sizes[url] = len(brotli.compress(body, quality=11))  # what whitenoise serves precompressed
        if url.endswith(".css"):
            for imported in css_imports(body):
                assert not imported.startswith(b"http"), f"{url} loads {imported!r} from another host"
    total = sum(sizes.values())
    table = "\n".join(f"{size:>7} {url}" for url, size in sorted(sizes.items(), key=lambda item: -item[1]))
    assert total <= FIRST_VIEW_BUDGET, f"{total} bytes:\n{table}"
    assert "20 Angebote" in html or html.count('class="card') >= 20


def test_the_map_library_loads_only_after_karte_laden(client, offer_list):
    html = client.get(offer_list.url).content.decode()
    parser = Fetched()
    parser.feed(html)
    assert not [url for url in parser.urls if "leaflet" in url], parser.urls
    assert "Karte laden" in html
    assert "data-leaflet-js=" in html  # map.js fetches it on the click
