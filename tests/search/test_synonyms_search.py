"""Synonyms the Redaktion edits in the admin take effect in the search at once, on every engine (issue 21), without
a code change or a reindex: they widen the query, not the index."""

import pytest
from django.urls import reverse

from community.accounts.roles import REDAKTION
from search.models import SearchSynonym
from tests.factories import UserFactory, make_offer, offer_index
from tests.search.conftest import titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(home_page, indexing):
    index = offer_index(home_page)
    with indexing():
        make_offer(index, title="Tauschregal im Familienzentrum", summary="Gebrauchte Regenkleidung für Kinder.")
        make_offer(index, title="Vorlesestunde", summary="Bilderbücher für Kinder ab drei.")


def _add_group(client, terms: str, django_capture_on_commit_callbacks) -> None:
    client.force_login(UserFactory(username="redakteurin", roles=[REDAKTION]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("suchbegriffe:add"), {"terms": terms, "active": "on"})
    assert response.status_code == 302
    client.logout()


def _check(client, django_capture_on_commit_callbacks, refresh=lambda: None):
    # "Verschenkschrank" is nowhere in the texts (nor in the shipped list): nothing.
    assert titles(client, "Verschenkschrank") == []
    _add_group(client, "Verschenkschrank, Tauschregal", django_capture_on_commit_callbacks)
    refresh()
    # The kept results of the first search are not used again: the group counts at once, also inflected and beside
    # other words.
    assert titles(client, "Verschenkschrank") == ["Tauschregal im Familienzentrum"]
    assert titles(client, "verschenkschränke kinder") == ["Tauschregal im Familienzentrum"]
    group = SearchSynonym.objects.get()
    group.active = False
    with django_capture_on_commit_callbacks(execute=True):
        group.save()  # through the model, as the admin does: the groups are read anew
    assert titles(client, "Verschenkschrank") == []


def test_an_admin_synonym_takes_effect_on_the_database_engine(client, offers, django_capture_on_commit_callbacks):
    _check(client, django_capture_on_commit_callbacks)


@pytest.mark.search_engine
def test_an_admin_synonym_takes_effect_on_the_search_cluster(
    client, offers, cluster, django_capture_on_commit_callbacks
):
    from search.models import SearchEntry

    cluster.rebuild(SearchEntry.objects.order_by("pk").iterator())
    _check(client, django_capture_on_commit_callbacks, refresh=cluster.refresh)
    assert client.get("/api/v1/search", {"q": "tauschregal"}).json()["engine"] == cluster.name
