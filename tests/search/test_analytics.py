"""What people search for (issue 21): counted per week and query, without anything that points to a person."""

import datetime

import pytest
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from community.accounts.roles import ANBIETER, REDAKTION
from search import analytics, selectors
from search.models import SearchQueryWeek
from tests.factories import ParentFactory, UserFactory, make_offer, offer_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_offer(offer_index(home_page), title="Babyschwimmen im Friedrich-Wennmann-Bad")


def this_week() -> datetime.date:
    return analytics.week_of(timezone.localdate())


def rows() -> list[dict]:
    return list(SearchQueryWeek.objects.values("week", "language", "query", "searches", "without_results"))


def test_a_search_counts_once_and_the_same_words_count_in_the_same_row(client, offer):
    response = client.get("/de/suche/", {"q": "Babyschwimmen"})
    assert response.status_code == 200 and "Friedrich-Wennmann-Bad" in response.content.decode()
    assert client.get("/de/suche/", {"q": "  BABYschwimmen "}).status_code == 200
    assert client.get("/api/v1/search", {"q": "babyschwimmen"}).status_code == 200
    # Nothing else is kept: no account, address, session, time of day.
    assert rows() == [
        {"week": this_week(), "language": "de", "query": "babyschwimmen", "searches": 3, "without_results": 0}
    ]
    assert [field.name for field in SearchQueryWeek._meta.get_fields()] == [
        "id",
        "week",
        "language",
        "query",
        "searches",
        "without_results",
    ]


def test_a_search_without_results_counts_as_such_per_language(client, offer):
    client.get("/de/suche/", {"q": "Trampolinpark"})
    client.get("/tr/suche/", {"q": "Trampolinpark"})
    client.get("/de/suche/", {"q": "trampolinpark"})
    assert sorted((r["language"], r["searches"], r["without_results"]) for r in rows()) == [("de", 2, 2), ("tr", 1, 1)]


def test_further_pages_filters_and_suggestions_are_not_counted(client, offer):
    client.get("/de/suche/", {"q": "Babyschwimmen", "seite": 2})
    client.get("/de/suche/", {"q": "Babyschwimmen", "kostenlos": "1"})
    client.get("/api/v1/search", {"q": "Babyschwimmen", "seite": 2})
    client.get("/api/v1/search/suggest", {"q": "Babyschw"})
    client.get("/de/suche/")
    assert rows() == []


def test_a_counted_search_is_not_served_from_the_guests_page_cache(client, offer, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 60
    for _ in range(3):
        response = client.get("/de/suche/", {"q": "Babyschwimmen"})
        assert "private" in response["Cache-Control"]
    assert SearchQueryWeek.objects.get().searches == 3


@pytest.mark.parametrize(
    "query",
    [
        "eltern@example.org",
        "Frau Muster muster@example.org Kita",
        "0208 4554321",
        "+49 (208) 455-43",
        "Sparkasse 123456789",
        "https://example.org/kita",
        "www.meine-seite.de",
        "kita-saarn.de",
    ],
)
def test_a_query_that_looks_like_personal_data_is_counted_without_its_text(client, offer, query):
    client.get("/de/suche/", {"q": query})
    assert rows() == [{"week": this_week(), "language": "de", "query": "", "searches": 1, "without_results": 1}]


@pytest.mark.parametrize("query", ["Ferien 2026", "U3 Kita", "Kita ab 1 Jahr", "Babyschwimmen 10:30"])
def test_years_ages_and_times_are_not_taken_for_personal_data(query):
    assert not analytics.looks_personal(query)


def test_long_queries_are_cut_to_the_column():
    analytics.record("Schwimmkurs " * 20, "de", 3)
    assert SearchQueryWeek.objects.get().query == ("schwimmkurs " * 20)[:100].strip()


def test_a_database_error_never_breaks_the_search(client, offer, monkeypatch, caplog):
    def broken(**values):
        raise DatabaseError("table is locked")

    monkeypatch.setattr(analytics, "_upsert", broken)
    response = client.get("/de/suche/", {"q": "Babyschwimmen"})
    assert response.status_code == 200 and "Friedrich-Wennmann-Bad" in response.content.decode()
    assert "Search not counted" in caplog.text


def test_the_weekly_lists(db):
    week = this_week()
    for query, language, total in [
        ("kita", "de", 5),
        ("kita", "de", 5),
        ("kita", "tr", 5),
        ("flohmarkt", "de", 0),
        ("flohmarkt", "de", 2),
        ("trampolin", "de", 0),
        ("0208 4554321", "de", 0),
    ]:
        analytics.record(query, language, total)
    assert selectors.weekly_top(week) == [
        {"query": "kita", "searches": 3, "without_results": 0},
        {"query": "flohmarkt", "searches": 2, "without_results": 1},
        {"query": "trampolin", "searches": 1, "without_results": 1},
    ]
    assert selectors.weekly_top(week, "tr") == [{"query": "kita", "searches": 1, "without_results": 0}]
    assert selectors.weekly_without_results(week, limit=1) == [{"query": "flohmarkt", "without_results": 1}]
    assert selectors.weekly_totals(week) == {"searches": 7, "without_results": 3, "not_kept": 1}
    assert selectors.weekly_top(week - datetime.timedelta(weeks=1)) == []


def test_the_report_shows_the_week_to_the_redaktion(client):
    analytics.record("Flohmarkt", "de", 0)
    analytics.record("Kita", "de", 4)
    SearchQueryWeek.objects.create(
        week=this_week() - datetime.timedelta(weeks=1), language="de", query="laternenumzug", searches=9
    )
    client.force_login(UserFactory(username="redakteur", roles=[REDAKTION]))
    assert "Suchanfragen" in client.get(reverse("wagtailadmin_home")).content.decode()
    page = client.get(reverse("search_query_report")).content.decode()
    assert "<bdi>flohmarkt</bdi>" in page and "<bdi>kita</bdi>" in page and "laternenumzug" not in page
    assert "keine Namen, Konten, IP-Adressen" in page
    assert reverse("suchbegriffe:index") in page
    previous = (this_week() - datetime.timedelta(weeks=1)).isoformat()
    assert f"?woche={previous}" in page
    earlier = client.get(reverse("search_query_report"), {"woche": previous, "sprache": "de"}).content.decode()
    assert "<bdi>laternenumzug</bdi>" in earlier and "flohmarkt" not in earlier
    assert "<bdi>kita</bdi>" not in client.get(reverse("search_query_report"), {"sprache": "tr"}).content.decode()


@pytest.mark.parametrize("role", [ANBIETER, None])
def test_others_cannot_open_the_report(client, role):
    client.force_login(UserFactory(username="anbieter", roles=[role]) if role else ParentFactory())
    assert client.get(reverse("search_query_report")).status_code in (302, 403)


def test_weeks_older_than_a_year_are_deleted(db):
    today = timezone.localdate()
    week = analytics.week_of(today)
    for weeks_ago in (0, 52, 53, 80):
        SearchQueryWeek.objects.create(
            week=week - datetime.timedelta(weeks=weeks_ago), language="de", query="kita", searches=1
        )
    from search.tasks import expire_query_weeks

    assert expire_query_weeks() == 2
    assert sorted((week - row).days // 7 for row in SearchQueryWeek.objects.values_list("week", flat=True)) == [0, 52]
