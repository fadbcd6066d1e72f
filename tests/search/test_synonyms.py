"""Synonyms (issue 21): the shipped list and the groups the Redaktion keeps in the admin, as the query analysis reads
them (`synonym_groups()`)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from community.accounts.roles import ANBIETER, REDAKTION
from search import synonyms
from search.models import SearchSynonym
from search.services import INDEX_VERSION_KEY
from tests.factories import ParentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(username="redakteurin", roles=[REDAKTION])
    client.force_login(user)
    return user


def groups_with(term: str) -> list[tuple[str, ...]]:
    return [group for group in synonyms.synonym_groups() if term in group]


def test_the_shipped_list_parses_into_useful_groups():
    shipped = synonyms.shipped_groups()
    lines = [
        line
        for line in synonyms.SHIPPED_PATH.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(shipped) == len(lines) >= 80  # no line of the shipped list is skipped
    assert all(2 <= len(group) <= synonyms.MAX_TERMS for group in shipped)
    assert ("Krabbelgruppe", "Spielgruppe", "Eltern-Kind-Gruppe") == next(
        group[:3] for group in shipped if "Krabbelgruppe" in group
    )
    assert any({"Kinderarzt", "Kinderärztin", "Pädiatrie"} <= set(group) for group in shipped)  # umlauts as written
    assert any("Schwimmen lernen" in group for group in shipped)  # a phrase is one term
    assert set(shipped) <= set(synonyms.synonym_groups())


def test_malformed_lines_of_the_shipped_list_are_skipped(tmp_path, monkeypatch, caplog):
    path = tmp_path / "synonyms.txt"
    path.write_text(
        "# a note\nKita, Kindertagesstätte\nnur ein Wort\n, ,\nA, Kindergarten\nKita, KITA, kita\n"
        + ", ".join(f"Wort{n}" for n in range(30))
        + "\nKrippe,  Kinderkrippe ,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(synonyms, "SHIPPED_PATH", path)
    synonyms.shipped_groups.cache_clear()
    try:
        assert synonyms.shipped_groups() == (("Kita", "Kindertagesstätte"), ("Krippe", "Kinderkrippe"))
    finally:
        synonyms.shipped_groups.cache_clear()
    assert caplog.text.count("is skipped") == 5


def test_a_group_added_in_the_admin_counts_at_once_and_empties_the_kept_results(
    client, editor, django_capture_on_commit_callbacks
):
    assert not groups_with("Matschhose")  # kept in memory from here on
    cache.set(INDEX_VERSION_KEY, "before", None)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("suchbegriffe:add"),
            {
                "terms": " Matschhose,Buddelhose ,  Regenlatzhose, matschhose",
                "note": "Kita-Einkaufsliste",
                "active": "on",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert groups_with("Matschhose") == [("Matschhose", "Buddelhose", "Regenlatzhose")]
    assert SearchSynonym.objects.get().terms == "Matschhose, Buddelhose, Regenlatzhose"
    assert cache.get(INDEX_VERSION_KEY) != "before"  # search results found with the old groups are not used again


def test_a_deactivated_or_deleted_group_no_longer_counts(client, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        group = SearchSynonym.objects.create(terms="Laufrad, Lauflernrad")
    assert groups_with("Laufrad")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("suchbegriffe:edit", args=[group.pk]), {"terms": group.terms, "note": ""})
    assert response.status_code == 302
    assert not SearchSynonym.objects.get().active
    assert not groups_with("Laufrad")

    group.active = True
    with django_capture_on_commit_callbacks(execute=True):
        group.save()
    assert groups_with("Laufrad")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("suchbegriffe:delete", args=[group.pk]))
    assert response.status_code == 302
    assert not SearchSynonym.objects.exists()
    assert not groups_with("Laufrad")


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("Matschhose", "Bitte geben Sie mindestens zwei verschiedene Begriffe an, durch Kommas getrennt."),
        ("Matschhose, matschhose", "Bitte geben Sie mindestens zwei verschiedene Begriffe an"),
        ("Matschhose, X", "„X“: Jeder Begriff muss 2 bis 60 Zeichen lang sein."),
        ("Matschhose, " + "Regen" * 13, "Jeder Begriff muss 2 bis 60 Zeichen lang sein."),
        (", ".join(f"Hose {n}" for n in range(21)), "Bitte geben Sie höchstens 20 Begriffe an"),
    ],
)
def test_an_invalid_group_is_refused_in_german_and_nothing_is_saved(client, editor, terms, message):
    response = client.post(reverse("suchbegriffe:add"), {"terms": terms, "active": "on"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SearchSynonym.objects.exists()


def test_the_synonym_admin_is_in_the_menu_of_the_redaktion(client, editor):
    assert "Suchbegriffe: Synonyme" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("suchbegriffe:index")).status_code == 200


@pytest.mark.parametrize("role", [ANBIETER, None])
def test_others_cannot_open_or_change_the_synonyms(client, role):
    user = UserFactory(username="anbieterin", roles=[role]) if role else ParentFactory()
    client.force_login(user)
    assert client.get(reverse("suchbegriffe:index")).status_code in (302, 403)
    response = client.post(reverse("suchbegriffe:add"), {"terms": "Matschhose, Buddelhose", "active": "on"})
    assert response.status_code in (302, 403)
    assert not SearchSynonym.objects.exists()
    if role:
        assert "Suchbegriffe: Synonyme" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_backups_keep_the_synonyms_and_the_query_counts():
    from core.backup import _derived
    from search.models import SearchEntry, SearchQueryWeek

    assert _derived(SearchEntry._meta.db_table)  # the index is left out and rebuilt
    assert not _derived(SearchSynonym._meta.db_table)
    assert not _derived(SearchQueryWeek._meta.db_table)
