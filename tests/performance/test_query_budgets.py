"""Query budgets (issue 20): every anonymous page type and JSON API, rendered warm but not from the guests' page
cache, makes at most 12 SQL queries, however long its list and however much content the city has; from the page
cache it makes none. Query counts are deterministic, so they are held here; speed is measured in bench/."""

from __future__ import annotations

import pytest

from tests.performance.support import APIS, LANGUAGES, warm_queries
from tests.security.test_headers import PAGE_TYPES, pages  # noqa: F401 (the module's pages fixture)

pytestmark = pytest.mark.django_db
BUDGET = 12
# A member's page reads their session and account on top (Django's, on every request), nothing else per member.
MEMBER_BUDGET = BUDGET + 2


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_stays_within_the_budget(client, pages, page_type, language):  # noqa: F811
    count, queries = warm_queries(client, f"/{language}/{pages[page_type]}")
    assert count <= BUDGET, f"{page_type} ({language}): {count} queries\n" + "\n".join(queries)


@pytest.mark.parametrize("url", APIS)
def test_every_api_stays_within_the_budget(client, pages, url):  # noqa: F811
    count, queries = warm_queries(client, url)
    assert count <= BUDGET, f"{url}: {count} queries\n" + "\n".join(queries)


def _sub_pages(pages) -> dict[str, str]:  # noqa: F811
    """The page types that hang below the ones the `pages` fixture names (routable sub-pages, forum pages)."""
    from machina.apps.forum_conversation.models import Topic

    topic = Topic.objects.get()
    forum = topic.forum
    return {
        "Familienpunkte events": pages["Familienpunkte list"] + "termine/",
        "Familienpunkte calendar": pages["Familienpunkte list"] + "kalender/",
        "Familienpunkt calendar": pages["Familienpunkt"] + "kalender/",
        "offers calendar": pages["offer list"] + "kalender/",
        "offers map markers": pages["offer list"] + "karte/",
        "Kita map markers": pages["Kita search"].split("?")[0] + "karte/",
        "offer calendar": pages["offer"] + "kalender/",
        "wiki history": pages["wiki article"] + "versionen/",
        "forum": f"forum/forum/{forum.slug}-{forum.pk}/",
        "forum topic": f"forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}/",
    }


SUB_PAGES = [
    "Familienpunkte events",
    "Familienpunkte calendar",
    "Familienpunkt calendar",
    "offers calendar",
    "offers map markers",
    "Kita map markers",
    "offer calendar",
    "wiki history",
    "forum",
    "forum topic",
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_type", SUB_PAGES)
def test_every_sub_page_stays_within_the_budget(client, pages, page_type, language):  # noqa: F811
    count, queries = warm_queries(client, f"/{language}/{_sub_pages(pages)[page_type]}")
    assert count <= BUDGET, f"{page_type} ({language}): {count} queries\n" + "\n".join(queries)


MEMBER_PAGES = ["/konto/profil/", "/konto/benachrichtigungen/", "/de/merkliste/"]


@pytest.fixture
def member(client):
    from tests.factories import ParentFactory

    parent = ParentFactory(username="budget")
    client.force_login(parent)
    return parent


@pytest.mark.parametrize("page_type", PAGE_TYPES + SUB_PAGES)
def test_a_members_view_of_every_page_type_stays_within_the_budget(client, pages, member, page_type):  # noqa: F811
    path = pages[page_type] if page_type in pages else _sub_pages(pages)[page_type]
    count, queries = warm_queries(client, f"/de/{path}")
    assert count <= MEMBER_BUDGET, f"{page_type} (member): {count} queries\n" + "\n".join(queries)


@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_every_members_page_stays_within_the_budget(client, pages, member, path):  # noqa: F811
    count, queries = warm_queries(client, path)
    assert count <= MEMBER_BUDGET, f"{path}: {count} queries\n" + "\n".join(queries)


def _more_of_every_list(pages) -> None:  # noqa: F811
    """Nineteen more cards on every list page of the `pages` fixture: offers, Kitas, Familienpunkte with events,
    changing places, wiki articles, forum topics (each page type's list then shows 20)."""
    import datetime

    from wagtail.models import Page

    from tests.factories import (
        ParentFactory,
        district,
        make_article,
        make_changing_place,
        make_contact_point,
        make_daycare,
        make_event,
        make_topic,
    )

    def index(page_type):
        slug = pages[page_type].split("?")[0].split("/")[0]
        return Page.objects.get(url_path__endswith=f"/{slug}/", locale__language_code="de").specific

    from machina.apps.forum.models import Forum

    forum = Forum.objects.get(name="Baby & Kleinkind")
    author = ParentFactory(username="viele")
    saarn = district("saarn")
    for number in range(19):
        make_offer_with_dates(index("offer list"), number, saarn)
        make_daycare(index("Kita search"), title=f"Kita {number}", district=saarn, lat="51.43", lon="6.88")
        point = make_contact_point(index("Familienpunkte list"), title=f"Familienpunkt {number}", district=saarn)
        make_event(point, title=f"Treff {number}", start_date=datetime.date.today() + datetime.timedelta(days=1))
        make_changing_place(index("changing places list"), title=f"Wickelraum {number}", district=saarn)
        make_article(index("wiki index"), title=f"Ratgeber {number}")
        make_topic(forum, author, subject=f"Frage {number}")


def make_offer_with_dates(index, number, where):
    import datetime

    from tests.factories import make_offer

    make_offer(
        index,
        title=f"Kurs {number}",
        district=where,
        categories=["sport"],
        languages=("de", "tr"),
        dates=[
            {"start_date": datetime.date(2027, 1, 11), "start_time": datetime.time(10), "end_time": datetime.time(11)}
        ],
    )


LIST_PAGES = [
    "offer list",
    "Kita search",
    "Familienpunkte list",
    "changing places list",
    "wiki index",
    "district",
    "search results",
    "forum index",
    "home",
]


def test_list_pages_cost_the_same_with_one_card_and_with_twenty(client, pages):  # noqa: F811
    # One test for all list pages: making the nineteen more of everything is the slow part.
    urls = {page_type: f"/de/{pages[page_type]}" for page_type in LIST_PAGES}
    few = {page_type: warm_queries(client, url)[0] for page_type, url in urls.items()}
    _more_of_every_list(pages)
    grown = []
    for page_type, url in urls.items():
        many, queries = warm_queries(client, url)
        if many != few[page_type]:
            grown.append(
                f"{page_type}: {few[page_type]} queries with one card, {many} with twenty\n" + "\n".join(queries)
            )
    assert not grown, "\n\n".join(grown)
