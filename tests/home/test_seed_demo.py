import io
import json

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from community.accounts.models import User
from home.directory.models import Provider
from home.kita.models import ChildminderPage, FreePlaces, KitaPage
from home.models import District
from home.offers.models import HolidayPeriod, OfferCategory, OfferPage

pytestmark = pytest.mark.django_db
SNAPSHOT_APPS = [
    "core",
    "accounts",
    "notifications",
    "home",
    "directory",
    "offers",
    "kita",
    "contact_points",
    "changing_places",
    "wiki",
    "forum_portal",
    "auth",
    "wagtailcore",
    "forum",
    "forum_conversation",
    "account",
]


def snapshot() -> list:
    """Every row of the apps above. Many-to-many lists come back in the database's order, which PostgreSQL does not
    keep stable, so they are sorted: the test is about what is stored, not the order it is read in."""
    out = io.StringIO()
    call_command("dumpdata", *SNAPSHOT_APPS, "--exclude=wagtailcore.referenceindex", stdout=out)
    rows = json.loads(out.getvalue())
    for row in rows:
        for name, value in row["fields"].items():
            if isinstance(value, list) and all(isinstance(item, int) for item in value):
                row["fields"][name] = sorted(value)
    return sorted(rows, key=lambda row: (row["model"], str(row["pk"])))


def demo_city(django_db_blocker, **options):
    """Seeding takes minutes: once per module, committed, then the database is put back as migrated. (Modules using
    `seeded_city` run in one xdist worker, tests/conftest.py, so that a run seeds each of them once.)"""
    from django.db import connection

    with django_db_blocker.unblock():
        migrated = connection.creation.serialize_db_to_string()
        out = io.StringIO()
        call_command("seed_demo", stdout=out, **options)
        yield out.getvalue()
        # Keep the sequences where seeding left them: the restored rows reuse their old ids.
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False)
        connection.creation.deserialize_db_from_string(migrated)


@pytest.fixture(scope="module")
def seeded_city(django_db_setup, django_db_blocker):
    """The whole demo city, in every language."""
    yield from demo_city(django_db_blocker)


@pytest.fixture
def seeded(seeded_city, db):
    # Each test still runs in its own transaction, so what a test changes is rolled back.
    return seeded_city


def test_demo_city_has_districts_pages_forum_and_logins(seeded, client):
    assert District.objects.count() == 16
    assert District.objects.get(slug="styrum").borough == "Rechtsruhr-Nord"
    assert Forum.objects.count() == 8  # seven for topics, one for families from all over the world
    assert Topic.objects.filter(approved=True).count() >= 30
    for username in ("admin", "redaktion", "moderation", "eltern", "anbieter", "kita"):
        assert authenticate(username=username, password="demo") is not None, username
        assert f"  {username}" in seeded
    assert User.objects.get(username="eltern").groups.filter(name="Eltern").exists()
    assert User.objects.get(username="admin").is_superuser
    offers = OfferPage.objects.live()
    assert offers.count() >= 80
    assert set(OfferCategory.objects.filter(offers__in=offers).values_list("slug", flat=True)) == set(
        OfferCategory.objects.values_list("slug", flat=True)
    )
    assert District.objects.exclude(offers__in=offers).count() == 0
    assert (
        Provider.objects.get(name="Familienbildungsstätte an der Ruhr").maintainers.filter(username="anbieter").exists()
    )
    assert KitaPage.objects.live().count() >= 40
    assert ChildminderPage.objects.live().count() >= 20
    assert KitaPage.objects.filter(staff__user__username="kita").exists()
    assert FreePlaces.objects.filter(free_places__gt=0).count() >= 10
    html = client.get("/de/").content.decode()
    assert "Familienportal Mülheim an der Ruhr" in html
    nav = html.split('aria-label="Hauptnavigation"')[1].split("</nav>")[0]
    assert nav.index('href="/de/angebote/"') < nav.index('href="/de/kita/"') < nav.index('href="/de/forum/"')
    assert 'href="/de/angebote/"' in html
    assert client.get("/de/forum/").content.decode().count("Kita &amp; Schule") >= 1
    # The parent's question from the offer directory has an answer in the demo city.
    autumn = HolidayPeriod.objects.get(name="Herbstferien 2027")
    response = client.get("/de/angebote/", {"ferien": autumn.pk, "stadtteil": "saarn", "alter": 7, "kostenlos": "on"})
    assert [offer.title for offer in response.context["offers"]] == ["Ferienbetreuung Herbst Saarn"]


def test_demo_city_has_contact_points_events_volunteering_districts_and_changing_places(seeded, client):
    import datetime

    from django.utils import timezone

    from home.changing_places.models import ChangingPlacePage
    from home.contact_points.models import ContactPointPage, VolunteerShift, VolunteerSignup
    from home.contact_points.selectors import occurrences

    # The three German originals (their translations and language aliases share their translation key).
    assert ContactPointPage.objects.live().filter(locale__language_code="de").count() == 3
    today = timezone.localdate()
    month = occurrences(start=today, end=today + datetime.timedelta(days=30))
    assert len(month) >= 30 and {o.contact_point.slug for o in month} == {"styrum", "eppinghofen", "saarn"}
    assert VolunteerShift.objects.filter(role__contact_point__slug="styrum", date__gt=today).count() >= 8
    assert VolunteerSignup.objects.filter(user__username="julia").exists()
    assert District.objects.exclude(institutions__isnull=False).count() == 0
    assert ChangingPlacePage.objects.live().count() >= 30
    # Olena's suggestion waits for the Redaktion, in German; no language shows it before that.
    suggestion = ChangingPlacePage.objects.get(live=False, suggested_by__username="olena", locale__language_code="de")
    assert not ChangingPlacePage.objects.filter(translation_key=suggestion.translation_key, live=True).exists()
    assert authenticate(username="familienpunkt", password="demo") is not None
    html = client.get("/de/").content.decode()
    nav = html.split('aria-label="Hauptnavigation"')[1].split("</nav>")[0]
    for href in ("/de/familienpunkte/", "/de/stadtteile/", "/de/wickeln-stillen/"):
        assert f'href="{href}"' in nav
    styrum = client.get("/de/stadtteile/styrum/").content.decode()
    assert "Familienpunkt Styrum" in styrum and "Mütter-Café" in styrum and "Grundschule Styrum" in styrum
    assert "Elterncafé-Schicht" in client.get("/de/familienpunkte/styrum/").content.decode()


def test_demo_forum_has_conversations_reports_a_queue_and_a_members_only_forum(seeded, client):
    from django.db.models import Count

    from community.forum.models import ForumAccess, PostReport

    with_replies = Topic.objects.filter(approved=True).annotate(n=Count("posts")).filter(n__gte=2)
    assert with_replies.count() >= 30
    parents = set(
        Post.objects.filter(approved=True, poster__groups__name="Eltern").values_list("poster__username", flat=True)
    )
    assert len(parents) >= 4
    assert Post.objects.filter(approved=False, portal_moderation__waited=True).count() >= 3
    reported = PostReport.objects.filter(outcome="offen").values("post").distinct().count()
    assert reported >= 2
    assert Post.objects.filter(portal_moderation__hidden_by_reports=True, approved=False).count() >= 1
    assert ForumAccess.objects.filter(members_only=True, forum__name="Stadtteil-Treffs").exists()
    assert "Stadtteil-Treffs" not in client.get("/de/forum/").content.decode()  # members only
    client.login(username="moderation", password="demo")
    queue = client.get("/de/forum/moderation/queue/").content.decode()
    assert "Gemeldet (2)" in queue and "Warten auf Freigabe (3)" in queue


def test_running_it_again_changes_nothing_and_keeps_editor_changes(seeded):
    before = snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == before

    styrum = District.objects.get(slug="styrum")
    styrum.borough = "Nord"
    styrum.save()
    call_command("seed_demo", stdout=io.StringIO())
    styrum.refresh_from_db()
    assert styrum.borough == "Nord"


def test_demo_wiki_has_articles_with_histories_pending_edits_and_a_proposal(seeded, client):
    from django.db.models import Count

    from community.wiki.models import WikiArticlePage, WikiEdit

    live = WikiArticlePage.objects.live()
    assert live.count() >= 25
    # Histories by several parents: every article has at least two published versions, by at least four authors overall.
    per_article = WikiEdit.objects.filter(state=WikiEdit.State.PUBLISHED).values("article").annotate(n=Count("pk"))
    assert len(per_article) >= 25 and min(row["n"] for row in per_article) >= 2
    assert WikiEdit.objects.values("author").distinct().count() >= 4
    pending = WikiEdit.objects.filter(state=WikiEdit.State.PENDING)
    assert pending.count() >= 4 and pending.filter(new_article=True).count() == 1
    assert WikiEdit.objects.filter(state=WikiEdit.State.REJECTED, author__username="mehmet").exists()
    assert "Elterngeld beantragen" in client.get("/de/wiki/").content.decode()
    article = client.get("/de/wiki/regentage-mit-kleinkindern/").content.decode()
    assert "Änderungen warten auf die Freigabe" in article and "Museum" not in article.split('class="wiki-body"')[1]
    history = client.get("/de/wiki/regentage-mit-kleinkindern/versionen/").content.decode()
    assert "Camera Obscura ergänzt" in history and "Julia aus Saarn" in history


@pytest.mark.django_db
def test_seed_demo_refuses_an_unknown_language_in_german_before_changing_anything():
    from django.core.management.base import CommandError

    from home.offers.models import OfferPage

    before = OfferPage.objects.count()
    with pytest.raises(CommandError, match="Unbekannte Sprache: xx. Möglich sind: .*en, tr"):
        call_command("seed_demo", languages="en,xx")
    assert OfferPage.objects.count() == before


@pytest.mark.django_db
def test_seed_demo_refuses_german_only_with_other_languages_in_german_before_changing_anything():
    from django.core.management.base import CommandError

    from home.offers.models import OfferPage

    before = OfferPage.objects.count()
    with pytest.raises(CommandError, match="--german-only und --languages"):
        call_command("seed_demo", languages="en", german_only=True)
    assert OfferPage.objects.count() == before


def test_demo_front_page_has_notice_tiles_with_pictures_and_live_panels_in_every_language(seeded, client):
    """The Redaktion's demo arrangement is translated with the rest of the home page: no German tile or notice on the
    English or Arabic front page, and every picture has its alternative text in the reader's language."""
    import re

    german = client.get("/de/").content.decode()
    assert "Familienbüro: geänderte Sprechzeiten" in german and "Alles für Familien an einem Ort" in german
    assert "Was ist los diese Woche?" in german  # a live panel (contact points' events)
    for language, notice, tiles, drawn in [
        ("en", "Family office: changed opening hours", "Everything for families in one place", "Drawing:"),
        ("ar", "مكتب الأسرة: تغيير مواعيد الاستشارة", "كل ما تحتاجه الأسرة في مكان واحد", "رسم:"),
    ]:
        html = client.get(f"/{language}/").content.decode()
        assert notice in html and tiles in html, language
        assert "Sprechzeiten" not in html and "Gezeichnet" not in html, language
        # Pictures (renditions) need a text; only the drawn illustrations (SVG, decorative) have an empty one.
        images = [
            (re.search(r'\bsrc="([^"]*)"', tag).group(1), re.search(r'\balt="([^"]*)"', tag).group(1))
            for tag in re.findall(r"<img\b[^>]*>", html)
        ]
        alts = [alt for src, alt in images if not src.endswith(".svg")]
        assert alts and all(alts), (language, images)
        assert all(alt == "" for src, alt in images if src.endswith(".svg")), (language, images)
        assert any(alt.startswith(drawn) for alt in alts), (language, alts)
