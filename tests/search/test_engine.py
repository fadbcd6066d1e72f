"""The portal search on a real OpenSearch (or Elasticsearch): index updates, atomic rebuilds, the fallback."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from search.models import SearchEntry, SearchTombstone
from search.query import SearchQuery
from search.services import engine_resume, search
from search.tasks import search_catch_up
from tests.factories import ContentPageFactory, ParentFactory, make_forum, make_reply, make_topic

pytestmark = [pytest.mark.django_db, pytest.mark.search_engine]
DEAD_ENGINE = "opensearch://127.0.0.1:9"  # nothing listens on the discard port


def _found(engine, q: str) -> list[str]:
    engine.refresh()
    results = search(SearchQuery(text=q))
    assert results.engine == engine.name, results.notice
    return [hit.title for hit in results.hits]


def _publish(page):
    page.save_revision().publish()
    return page


def test_publish_unpublish_and_forum_moderation_update_the_engine(cluster, home_page, indexing):
    with indexing():
        page = _publish(
            ContentPageFactory(
                parent=home_page,
                title="Elterngeld beantragen",
                slug="elterngeld",
                intro="Antrag, Unterlagen und Fristen",
            )
        )
    assert _found(cluster, "elterngeld") == ["Elterngeld beantragen"]
    assert _found(cluster, "Unterlage") == ["Elterngeld beantragen"]  # stemmed
    with indexing():
        page.unpublish()
    assert _found(cluster, "elterngeld") == []

    with indexing():
        topic = make_topic(make_forum(), ParentFactory(), "Krabbelgruppe gesucht", "Kennt jemand eine?")
        waiting = make_reply(topic, ParentFactory(), "Die Zwergenrunde trifft sich dienstags.", approved=False)
    assert _found(cluster, "Zwergenrunde") == []
    with indexing():
        waiting.approved = True
        waiting.save()
    assert _found(cluster, "Zwergenrunde") == ["Krabbelgruppe gesucht"]
    results = search(SearchQuery(text="zwergenrunde"))
    assert "<mark>Zwergenrunde</mark>" in results.hits[0].snippet_html
    assert not SearchEntry.objects.filter(engine_pending=True).exists()


def test_rebuild_fills_a_new_index_and_swaps_the_alias_at_once(cluster, home_page, indexing):
    with indexing():
        for number in range(30):
            _publish(ContentPageFactory(parent=home_page, title=f"Spielplatz {number}", slug=f"spielplatz-{number}"))
    out = io.StringIO()
    call_command("search_reindex", stdout=out)
    assert "30 Dokumente indexiert" in out.getvalue() and "100 % 30/30" in out.getvalue()
    (first,) = cluster.alias_indices()

    seen_during_rebuild = []

    def midway(count):
        if count in (1, 15, 30):
            # Readers still get the complete old index while the new one fills.
            seen_during_rebuild.append(search(SearchQuery(text="spielplatz", per_page=50)).total)

    second = cluster.rebuild(SearchEntry.objects.order_by("pk").iterator(), progress=midway)
    assert seen_during_rebuild == [30, 30, 30]
    assert cluster.alias_indices() == [second] and second != first
    assert not cluster.client.indices.exists(index=first)
    assert len(_found(cluster, "spielplatz")) == 10 and search(SearchQuery(text="spielplatz")).total == 30


def test_when_the_engine_is_down_search_falls_back_and_missed_updates_are_caught_up(
    cluster, settings, client, home_page, indexing
):
    with indexing():
        old = _publish(ContentPageFactory(parent=home_page, title="Babytreff Styrum", slug="babytreff"))
    assert _found(cluster, "babytreff") == ["Babytreff Styrum"]

    with override_settings(SEARCH_URL=DEAD_ENGINE):
        with indexing():
            new = _publish(ContentPageFactory(parent=home_page, title="Babytreff Saarn", slug="babytreff-saarn"))
            old.unpublish()
        assert client.get(new.url).status_code == 200  # publishing still works
        data = client.get("/api/v1/search", {"q": "babytreff"}).json()
        assert data["engine"] == "database" and "Notbetrieb" in data["notice"]
        assert [r["title"] for r in data["results"]] == ["Babytreff Saarn"]
        assert "Notbetrieb" in client.get("/de/suche/", {"q": "babytreff"}).content.decode()
    assert SearchEntry.objects.get(key=f"page:{new.pk}").engine_pending
    assert SearchTombstone.objects.filter(key=f"page:{old.pk}").exists()

    engine_resume()  # the engine is back
    assert search_catch_up.delay().get() == {"written": 1, "removed": 1}
    assert _found(cluster, "babytreff") == ["Babytreff Saarn"]
    # The fallback's answer to the same question was not kept: the cluster answers again.
    data = client.get("/api/v1/search", {"q": "babytreff"}).json()
    assert data["engine"] != "database" and not data.get("notice")
    assert [r["title"] for r in data["results"]] == ["Babytreff Saarn"]
    assert not SearchEntry.objects.filter(engine_pending=True).exists() and not SearchTombstone.objects.exists()


def test_an_engine_that_lost_its_index_is_refilled_by_the_catch_up(cluster, home_page, indexing):
    with indexing():
        _publish(ContentPageFactory(parent=home_page, title="Familienzentrum Mitte", slug="fz"))
    for index in cluster.alias_indices():
        cluster.client.indices.delete(index=index)
    assert search_catch_up.delay().get() == {"written": 1, "removed": 0}
    assert _found(cluster, "Familienzentrum") == ["Familienzentrum Mitte"]


def test_engine_autocomplete_facets_highlights_and_did_you_mean(cluster, client, home_page, indexing):
    from tests.factories import district, make_offer, offer_index

    index = offer_index(home_page)
    with indexing():
        make_offer(
            index,
            title="Rückbildungsgymnastik Saarn",
            district=district("saarn"),
            age_min_months=0,
            age_max_months=12,
            summary="Für Mütter nach der Geburt, mit Baby.",
        )
        make_offer(
            index,
            title="Kinderturnen Styrum",
            district=district("styrum"),
            age_min_months=36,
            age_max_months=71,
            cost_kind="preis",
            price=20,
            summary="Turnen in der Halle.",
        )
        _publish(ContentPageFactory(parent=home_page, title="Löwenzahn-Wiese", slug="wiese", intro="Picknick"))
    cluster.refresh()
    suggest = lambda q: [s["title"] for s in client.get("/api/v1/search/suggest", {"q": q}).json()["suggestions"]]  # noqa: E731
    assert suggest("rueckbildungsgym") == ["Rückbildungsgymnastik Saarn"]  # umlaut spelt out, long compound unfinished
    assert suggest("loewenz") == ["Löwenzahn-Wiese"]
    assert suggest("gymnastik") == ["Rückbildungsgymnastik Saarn"]  # a compound's second part

    data = client.get("/api/v1/search", {"q": "baby mütter"}).json()
    assert data["engine"] == cluster.name and [r["title"] for r in data["results"]] == ["Rückbildungsgymnastik Saarn"]
    assert "<mark>" in data["results"][0]["snippet_html"]
    data = client.get("/api/v1/search", {"q": "saarn styrum", "seite": 1}).json()
    # Both words are wanted; no document has both: the two that have one, each saying which word it lacks.
    assert data["total"] == 2 and sorted(r["missing"] for r in data["results"]) == [["saarn"], ["styrum"]]
    data = client.get("/api/v1/search", {"q": "kinderturnen"}).json()
    assert data["facets"]["alter"] == [{"value": "3-6", "label": "3 bis 6 Jahre", "count": 1, "selected": False}]
    assert client.get("/api/v1/search", {"q": "kinderturnen", "kostenlos": 1}).json()["total"] == 0
    typo = client.get("/api/v1/search", {"q": "kinderturen"}).json()
    assert typo["suggestion"] == "kinderturnen" and typo["results"][0]["title"] == "Kinderturnen Styrum"


def test_a_rebuild_that_cannot_reach_the_engine_says_so_and_the_catch_up_refills_it(cluster, home_page, indexing):
    from search.signals import search_updates_muted

    with indexing():
        kept = _publish(ContentPageFactory(parent=home_page, title="Elterncafé Saarn", slug="cafe"))
        gone = _publish(ContentPageFactory(parent=home_page, title="Elterncafé Styrum", slug="cafe-styrum"))
    assert sorted(_found(cluster, "elterncafe")) == ["Elterncafé Saarn", "Elterncafé Styrum"]
    with search_updates_muted():
        gone.unpublish()  # the engine does not hear of it …

    err = io.StringIO()
    with override_settings(SEARCH_URL=DEAD_ENGINE), pytest.raises(SystemExit):
        call_command("search_reindex", stdout=io.StringIO(), stderr=err)  # … and the rebuild cannot reach it
    assert "Die Suchmaschine ist nicht erreichbar" in err.getvalue() and "1 Dokumente" in err.getvalue()
    assert list(SearchEntry.objects.values_list("title", flat=True)) == [kept.title]  # the database is rebuilt

    engine_resume()
    assert search_catch_up.delay().get() == {"written": 1, "removed": 0}
    assert _found(cluster, "elterncafe") == ["Elterncafé Saarn"]
    assert not SearchTombstone.objects.exists()
