"""Arabic pages: names, addresses, phone numbers and what people write keep their own direction.

Inside a right-to-left page a Latin name or an address borrows the page's direction unless it is isolated:
"45468 Mülheim" turns into "Mülheim 45468", a question mark jumps to the front of a German forum title, a phone
number's groups swap places. Each value is therefore wrapped in <bdi> (its direction from its first letter), phone
numbers and times in <bdi dir="ltr">, and blocks of user text get dir="auto".
"""

import html as html_lib
import re

import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import (
    ParentFactory,
    ProviderFactory,
    contact_point_index,
    district,
    make_article,
    make_contact_point,
    make_forum,
    make_offer,
    make_reply,
    make_topic,
    offer_index,
    topic_url,
    wiki_index,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german_afterwards():
    """A request to /ar/ leaves Arabic active in this thread; later tests reverse URLs in German."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def arabic(path: str) -> str:
    """The same page under the Arabic prefix."""
    prefix, _sep, rest = path.lstrip("/").partition("/")
    assert prefix in dict(settings.LANGUAGES), path
    return f"/ar/{rest}"


def get_arabic(client, path: str) -> str:
    response = client.get(arabic(path))
    assert response.status_code == 200, path
    page = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    return page


def isolated(value: str, *, direction: str | None = None) -> str:
    """The value as the page must carry it: inside one <bdi> (with dir="ltr" where asked)."""
    attribute = f' dir="{direction}"' if direction else ""
    return f"<bdi{attribute}>{html_lib.escape(value, quote=False)}</bdi>"


def test_forum_topic_isolates_title_author_and_posts(client, home_page):
    forum = make_forum("Kita & Schule")
    author = ParentFactory(display_name="Olena (Heißen)")
    topic = make_topic(forum, author, "Kita-Platz: Wer hat Erfahrung?", "Wir suchen ab August.")
    make_reply(topic, ParentFactory(display_name="مريم"), "نحن أيضا")
    page = get_arabic(client, topic_url(topic))

    assert f"<h1>{isolated('Kita-Platz: Wer hat Erfahrung?')}</h1>" in page
    assert isolated("Olena (Heißen)") in page and isolated("مريم") in page
    assert isolated("Kita & Schule") in page  # the forum in the breadcrumb
    bodies = re.findall(r'<div class="post__content"([^>]*)>', page)
    assert len(bodies) == 2 and all('dir="auto"' in attributes for attributes in bodies), bodies


def test_forum_list_isolates_topic_titles_and_names(client, home_page):
    forum = make_forum("Baby & Kleinkind")
    make_topic(forum, ParentFactory(display_name="Jana K."), "Babyschwimmen ab 3 Monaten?")
    page = get_arabic(client, topic_url(forum.topics.get()).split("topic/")[0])

    assert isolated("Babyschwimmen ab 3 Monaten?") in page
    assert isolated("Jana K.") in page


def test_wiki_article_isolates_title_and_gives_user_text_its_own_direction(client, home_page):
    article = make_article(
        wiki_index(home_page), title="Kinderarzt finden (U-Untersuchungen)", teaser="Tipps von Eltern aus Styrum."
    )
    page = get_arabic(client, article.url)

    # A German page read in Arabic: the heading is marked German and left-to-right, its title still isolated.
    assert f'<h1 lang="de" dir="ltr">{isolated("Kinderarzt finden (U-Untersuchungen)")}</h1>' in page
    assert '<p class="lead" dir="auto" lang="de">Tipps von Eltern aus Styrum.</p>' in page
    assert '<div class="wiki-body" dir="auto" lang="de">' in page


def test_offer_isolates_provider_name_phone_email_and_address(client, home_page):
    provider = ProviderFactory(name="Familienbildung e.V.", phone="0208 455-4711", email="info@fabi.example.org")
    offer = make_offer(
        offer_index(home_page),
        title="Babymassage (6–12 Monate)",
        provider=provider,
        venue="Haus der Familie",
        street="Schloßstraße 5",
        postcode="45468",
        city="Mülheim an der Ruhr",
    )
    page = get_arabic(client, offer.url)

    # A German page read in Arabic: the heading is marked German and left-to-right, its title still isolated.
    assert f'<h1 lang="de" dir="ltr">{isolated("Babymassage (6–12 Monate)")}</h1>' in page
    assert isolated("Familienbildung e.V.") in page
    assert isolated("0208 455-4711", direction="ltr") in page
    assert isolated("info@fabi.example.org") in page
    address = re.search(r"<bdi>Haus der Familie<br>\s*Schloßstraße 5<br>\s*45468 Mülheim an der Ruhr</bdi>", page)
    assert address, "venue, street and postcode with city form one isolated address"


def test_contact_point_isolates_address_phone_and_opening_times(client, home_page):
    point = make_contact_point(
        contact_point_index(home_page),
        title="Familienpunkt Styrum",
        district=district(),
        street="Moritzstraße 12",
        postcode="45476",
        city="Mülheim an der Ruhr",
        phone="0208 455-1234",
        email="styrum@familienpunkt.example.org",
        hours=((range(5), "09:00", "16:00"),),
    )
    page = get_arabic(client, point.url)

    # A German page read in Arabic: the heading is marked German and left-to-right, its title still isolated.
    assert f'<h1 lang="de" dir="ltr">{isolated("Familienpunkt Styrum")}</h1>' in page
    assert "<bdi>Moritzstraße 12<br>45476 Mülheim an der Ruhr</bdi>" in page
    assert isolated("0208 455-1234", direction="ltr") in page
    assert isolated("styrum@familienpunkt.example.org") in page
    assert isolated("09:00–16:00", direction="ltr") in page  # a time range reads left to right


def test_pagination_arrows_turn_round_in_right_to_left_pages(client, home_page):
    index = offer_index(home_page)
    for number in range(25):
        make_offer(index, title=f"Angebot {number}", slug=f"angebot-{number}")
    first, second = get_arabic(client, index.url), get_arabic(client, index.url + "?seite=2")

    # The arrow is markup the stylesheet mirrors for dir="rtl", not part of the translated word.
    assert re.search(r'rel="next"[^>]*>[^<]+ <span class="arrow" aria-hidden="true">→</span></a>', first)
    assert re.search(r'rel="prev"[^>]*><span class="arrow" aria-hidden="true">←</span> [^<]+</a>', second)


def test_bdi_filter_escapes_what_people_wrote():
    from django.template import Context, Template

    rendered = Template(
        "{% load i18n bidi_tags %}{% blocktranslate with name=name|bdi %}Beiträge von {{ name }}{% endblocktranslate %}"
    ).render(Context({"name": 'Ali <script>alert("x")</script>'}))
    assert rendered == "Beiträge von <bdi>Ali &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</bdi>"
    assert Template("{% load bidi_tags %}[{{ name|bdi }}]").render(Context({"name": ""})) == "[]"
