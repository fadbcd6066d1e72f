"""The front page the Redaktion arranges: live panels from the apps, tiles with icons and pictures, urgent notices."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from community.accounts.roles import REDAKTION
from core.registry import front_page_panels
from home.blocks import HomeStreamBlock, PictureBlock
from home.contact_points.models import ContactPointClosure
from home.demo_pictures import demo_image
from home.models import HomePage
from tests.factories import (
    ParentFactory,
    UserFactory,
    contact_point_index,
    district,
    kita_index,
    make_article,
    make_contact_point,
    make_daycare,
    make_event,
    make_forum,
    make_offer,
    make_reply,
    make_topic,
    wiki_index,
)

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    return timezone.localdate()


def panel(key: str) -> tuple[str, dict]:
    return ("panel", {"panel": key, "heading": ""})


def arrange(home: HomePage, *blocks) -> HomePage:
    home.body = list(blocks)
    home.save_revision().publish()
    return HomePage.objects.get(pk=home.pk)


def section(html: str, key: str) -> str:
    """The HTML of one panel (its <section>), so that assertions cannot be satisfied by another panel."""
    match = re.search(rf'<section class="front-panel front-panel--{key}".*?</section>', html, re.S)
    assert match, f"panel {key} missing"
    return match.group()


@pytest.fixture
def points(home_page):
    index = contact_point_index(home_page)
    open_all_day = make_contact_point(
        index,
        title="Familienpunkt Styrum",
        slug="styrum",
        district=district("styrum"),
        hours=((range(7), "00:00", "00:00"),),  # equal times = round the clock
        open_on_holidays=True,
    )
    closed_today = make_contact_point(
        index,
        title="Familienpunkt Saarn",
        slug="saarn",
        district=district("saarn"),
        hours=((range(7), "09:00", "12:00"),),
    )
    ContactPointClosure.objects.create(page=closed_today, date=today(), closed=True, note="Betriebsausflug")
    return {"index": index, "open": open_all_day, "closed": closed_today}


def test_the_migration_gives_the_home_page_the_default_panels(home_page):
    keys = [block.value["panel"] for block in home_page.body if block.block_type == "panel"]
    assert keys[:2] == ["bereiche", "termine_woche"]
    assert {"familienpunkte_offen", "kita_freie_plaetze", "wiki_neue_artikel", "forum_lebhafte_themen"} <= set(keys)
    # every default key is one an installed app registers
    assert set(keys) <= {entry.key for entry in front_page_panels}


def test_this_weeks_events_are_shown_and_later_ones_are_not(client, home_page, points):
    make_event(points["open"], title="Babytreff am Dienstag", start_date=today() + datetime.timedelta(days=2))
    make_event(points["open"], title="Laternenbasteln", start_date=today() + datetime.timedelta(days=12))
    arrange(home_page, panel("termine_woche"))
    html = section(client.get("/de/").content.decode(), "termine_woche")
    assert "Was ist los diese Woche?" in html
    assert "Babytreff am Dienstag" in html and "Familienpunkt Styrum" in html
    assert "Laternenbasteln" not in html
    assert 'href="/de/familienpunkte/termine/"' in html


def test_no_events_this_week_says_so(client, home_page, points):
    arrange(home_page, panel("termine_woche"))
    html = section(client.get("/de/").content.decode(), "termine_woche")
    assert "In den nächsten sieben Tagen sind keine Termine eingetragen." in html


def test_familienpunkte_open_now_come_first_and_closed_ones_say_why(client, home_page, points):
    arrange(home_page, panel("familienpunkte_offen"))
    html = section(client.get("/de/").content.decode(), "familienpunkte_offen")
    opened, _sep, closed = html.partition("<details")
    assert "Familienpunkt Styrum" in opened and "jetzt geöffnet" in opened
    assert "Familienpunkt Saarn" not in opened
    assert "1 Familienpunkt ist gerade geschlossen" in closed
    assert "Familienpunkt Saarn" in closed and "Betriebsausflug" in closed


def test_when_every_familienpunkt_is_closed_the_panel_says_so(client, home_page, points):
    ContactPointClosure.objects.create(page=points["open"], date=today(), closed=True, note="Fortbildung")
    arrange(home_page, panel("familienpunkte_offen"))
    html = section(client.get("/de/").content.decode(), "familienpunkte_offen")
    assert "Gerade hat kein Familienpunkt geöffnet." in html


def test_free_kita_places_at_a_glance(client, home_page):
    from home.kita.services import places_record

    index = kita_index(home_page)
    saarn = district("saarn")
    sonnenblume = make_daycare(index, title="Kita Sonnenblume", district=saarn, lat="51.4066", lon="6.8788")
    regenbogen = make_daycare(index, title="Kita Regenbogen", district=saarn, lat="51.4070", lon="6.8790")
    make_daycare(index, title="Kita Ohne Meldung", district=saarn, lat="51.4080", lon="6.8800")
    places_record(daycare=sonnenblume, reported_by=None, free_by_group={"u3": 2, "ue3": 0})
    places_record(daycare=regenbogen, reported_by=None, free_by_group={"u3": 1, "ue3": 4})
    arrange(home_page, panel("kita_freie_plaetze"))
    html = section(client.get("/de/").content.decode(), "kita_freie_plaetze")
    figures = re.findall(r'front-figures__number">(\d+)<', html)
    assert figures == ["3", "4"]  # U3: 2 + 1 in two Kitas; Ü3: 4 in one
    assert "in 2 Einrichtungen" in html and "in 1 Einrichtung" in html
    assert "Kita Regenbogen" in html and "Kita Sonnenblume" in html
    assert "Kita Ohne Meldung" not in html
    assert 'href="/de/kita/?frei=1"' in html


def test_newest_wiki_articles(client, home_page):
    index = wiki_index(home_page)
    for number in range(7):
        make_article(index, title=f"Artikel {number}", teaser=f"Worum es in Artikel {number} geht")
    arrange(home_page, panel("wiki_neue_artikel"))
    html = section(client.get("/de/").content.decode(), "wiki_neue_artikel")
    titles = re.findall(r"<bdi>(Artikel \d)</bdi>", html)
    assert titles == ["Artikel 6", "Artikel 5", "Artikel 4", "Artikel 3", "Artikel 2"]
    assert "Worum es in Artikel 6 geht" in html


def test_lively_topics_are_those_with_recent_replies_in_forums_the_reader_may_read(client, home_page):
    parent, other = ParentFactory(), ParentFactory()
    forum = make_forum("Baby & Kleinkind")
    quiet = make_topic(forum, parent, subject="Stilles Thema")
    lively = make_topic(forum, parent, subject="Schlafen im ersten Jahr")
    for _ in range(3):
        make_reply(lively, other)
    make_reply(quiet, other)
    waiting = make_topic(forum, parent, subject="Noch nicht freigegeben", approved=False)
    make_reply(waiting, other, approved=False)
    members = make_forum("Nur für Mitglieder", members_only=True)
    make_reply(make_topic(members, parent, subject="Internes Thema"), other)
    old = make_topic(forum, parent, subject="Altes Thema")
    old_reply = make_reply(old, other)
    long_ago = timezone.now() - datetime.timedelta(days=40)
    type(old_reply).objects.filter(topic=old).update(created=long_ago)
    type(old).objects.filter(pk=old.pk).update(created=long_ago)

    arrange(home_page, panel("forum_lebhafte_themen"))
    html = section(client.get("/de/").content.decode(), "forum_lebhafte_themen")
    subjects = re.findall(r'dir="auto">([^<]+)</a>', html)
    assert subjects == ["Schlafen im ersten Jahr", "Stilles Thema"]
    assert "3 neue Antworten" in html and "1 neue Antwort" in html
    for hidden in ("Noch nicht freigegeben", "Internes Thema", "Altes Thema"):
        assert hidden not in html


def test_an_urgent_notice_shows_until_its_last_day_and_then_vanishes(client, home_page):
    def notice(title, until):
        return (
            "notice",
            {
                "title": title,
                "text": RichText("<p>Bitte beachten Sie die geänderten Zeiten.</p>"),
                "link_page": None,
                "link_url": "https://www.example.org/hitze",
                "link_text": "Mehr dazu",
                "until": until,
                "level": "urgent",
            },
        )

    arrange(
        home_page,
        notice("Heute noch: Familienbüro geschlossen", today()),
        notice("Gestern: Streik bei der Ruhrbahn", today() - datetime.timedelta(days=1)),
    )
    html = client.get("/de/").content.decode()
    assert "Heute noch: Familienbüro geschlossen" in html
    assert "Dringender Hinweis:" in html  # for screen readers, before the title
    assert '<a href="https://www.example.org/hitze" rel="noopener">Mehr dazu</a>' in html
    assert "Streik bei der Ruhrbahn" not in html


def test_tiles_have_icons_and_responsive_lazy_pictures_with_alt_text(client, home_page):
    index = kita_index(home_page)
    image = demo_image(title="Test: Kita-Bild", description="Gezeichnet: Bauklötze", motif="kita", palette="sun")
    arrange(
        home_page,
        (
            "tiles",
            {
                "heading": "Alles für Familien",
                "tiles": [
                    {
                        "page": index,
                        "url": "",
                        "title": "",
                        "text": "Plätze finden",
                        "icon": "blocks",
                        "picture": {"image": image, "alt_text": "Kinder bauen einen Turm"},
                    }
                ],
            },
        ),
    )
    html = client.get("/de/").content.decode()
    tile = re.search(r'<li class="tile front-tile.*?</li>', html, re.S).group()
    assert 'href="/de/kita/"' in tile and "Kita &amp; Tagespflege" in tile and "Plätze finden" in tile
    assert '<svg class="icon icon--large"' in tile and 'aria-hidden="true"' in tile and 'focusable="false"' in tile
    assert "<picture>" in tile
    assert 'type="image/avif"' in tile and 'type="image/webp"' in tile
    img = re.search(r"<img [^>]*>", tile).group()
    assert 'alt="Kinder bauen einen Turm"' in img
    assert 'loading="lazy"' in img and "srcset=" in img and "sizes=" in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)


def test_a_picture_needs_its_alt_text_in_german():
    image = demo_image(title="Test: ohne Alt", description="", motif="natur", palette="green")
    block = PictureBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "  "}))
    assert "Bitte beschreiben Sie das Bild in einem Alternativtext" in str(error.value.block_errors["alt_text"])
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "Bäume im Sommer"}))["alt_text"]


def test_an_unknown_or_removed_panel_renders_nothing(client, home_page):
    arrange(home_page, panel("gibt_es_nicht"), ("paragraph", RichText("<p>Willkommen!</p>")))
    response = client.get("/de/")
    assert response.status_code == 200
    assert "front-panel--gibt_es_nicht" not in response.content.decode()
    assert "Willkommen!" in response.content.decode()


@pytest.fixture
def editor(db):
    return UserFactory(username="redakteurin", roles=[REDAKTION])


def home_form(home: HomePage, body: list) -> dict:
    return nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "intro": rich_text("<p>Willkommen</p>"),
            "hero_illustration": "familie",
            "body": streamfield(body),
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )


def test_the_redaktion_arranges_the_front_page_in_the_admin(client, home_page, editor, points):
    make_event(points["open"], title="Krabbelgruppe", start_date=today() + datetime.timedelta(days=1))
    client.force_login(editor)
    until = (today() + datetime.timedelta(days=3)).isoformat()
    body = [
        (
            "notice",
            {
                "title": "Hitzewarnung",
                "text": rich_text("<p>Trinken Sie genug.</p>"),
                "link_page": "",
                "link_url": "",
                "link_text": "",
                "until": until,
                "level": "urgent",
            },
        ),
        ("panel", {"panel": "termine_woche", "heading": "Diese Woche bei uns"}),
    ]
    response = client.post(f"/admin/pages/{home_page.pk}/edit/", home_form(home_page, body))
    assert response.status_code == 302, response.content.decode()[:2000]
    home_page.refresh_from_db()
    assert [block.block_type for block in home_page.body] == ["notice", "panel"]
    html = client.get("/de/").content.decode()
    assert "Hitzewarnung" in html
    events = section(html, "termine_woche")
    assert "Diese Woche bei uns" in events and "Krabbelgruppe" in events


def test_the_admin_refuses_a_picture_without_alt_text(client, home_page, editor):
    image = demo_image(title="Test: Admin-Bild", description="", motif="familie", palette="teal")
    client.force_login(editor)
    body = [
        (
            "intro",
            {
                "heading": "Hallo",
                "text": rich_text("<p>Schön, dass Sie da sind.</p>"),
                "illustration": "",
                "picture": {"image": image.pk, "alt_text": ""},
            },
        )
    ]
    response = client.post(f"/admin/pages/{home_page.pk}/edit/", home_form(home_page, body))
    assert response.status_code == 200
    assert "Bitte beschreiben Sie das Bild in einem Alternativtext" in response.content.decode()
    home_page.refresh_from_db()
    assert not any(block.block_type == "intro" for block in home_page.body)


def test_panel_choices_offer_every_registered_panel():
    choices = dict(HomeStreamBlock().child_blocks["panel"].child_blocks["panel"].field.choices)
    for key in ("bereiche", "termine_woche", "familienpunkte_offen", "kita_freie_plaetze", "wiki_neue_artikel"):
        assert key in choices
    assert choices["kita_freie_plaetze"] == "Freie Kita-Plätze auf einen Blick"


def test_area_tiles_show_text_not_markup_and_have_icons(client, home_page):
    index = kita_index(home_page)
    index.intro = "<p>Finden Sie <b>Kita</b> &amp; Tagespflege.</p>"
    index.show_in_menus = True
    index.save_revision().publish()
    arrange(home_page, panel("bereiche"))
    html = section(client.get("/de/").content.decode(), "bereiche")
    assert "Finden Sie Kita &amp; Tagespflege." in html
    assert "&lt;p&gt;" not in html and "<p>" not in html.split("tile__summary")[1][:60]
    assert html.count('<svg class="icon icon--large"') >= 3  # Kita, forum, search


def test_offer_and_familienpunkt_pages_show_their_picture_with_alt_text(client, home_page, offers_page, points):
    image = demo_image(title="Test: Haus", description="Gezeichnet: ein Haus mit Herz", motif="haus", palette="teal")
    point = points["open"]
    point.image = image
    point.save_revision().publish()
    offer = make_offer(offers_page, title="Babyschwimmen", categories=["sport"])
    offer.image, offer.image_alt = image, "Ein Becken mit Wasserball"
    offer.save_revision().publish()

    page = client.get(point.url).content.decode()
    img = re.search(r'<figure class="content-image page-picture".*?</figure>', page, re.S).group()
    assert 'alt="Gezeichnet: ein Haus mit Herz"' in img and 'loading="lazy"' in img and "srcset=" in img
    offer_html = client.get(offer.url).content.decode()
    assert 'alt="Ein Becken mit Wasserball"' in offer_html


def test_a_page_picture_without_any_alt_text_is_refused(points):
    image = demo_image(title="Test: Ohne Beschreibung", description="", motif="stadt", palette="sky")
    point = points["open"]
    point.image = image
    with pytest.raises(ValidationError) as error:
        point.clean()
    assert "Bitte geben Sie einen Alternativtext an" in str(error.value.message_dict["image_alt"])
    point.image_alt = "Das Haus an der Ecke"
    point.clean()


def test_in_english_the_panels_speak_english_and_german_content_is_marked(client, home_page, points):
    event = make_event(points["open"], title="Babytreff", start_date=today() + datetime.timedelta(days=1))
    arrange(
        home_page,
        panel("termine_woche"),
        ("paragraph", RichText("<p>Willkommen im Familienportal.</p>")),
    )
    english = Locale.objects.get(language_code="en")
    event.copy_for_translation(english, copy_parents=True, alias=True)
    html = client.get("/en/").content.decode()
    assert '<html lang="en"' in html
    events = section(html, "termine_woche")
    with translation.override("en"):
        heading = str(next(entry.label for entry in front_page_panels if entry.key == "termine_woche"))
    assert f"<span>{heading}</span>" in events
    assert 'href="/en/familienpunkte/' in events
    assert re.search(r'<a href="/en/familienpunkte/styrum/[^"]*" lang="de" dir="ltr"><bdi>Babytreff</bdi>', events)
    assert re.search(r'<div class="block block--paragraph content-body" lang="de" dir="ltr">', html)


def test_front_page_queries_do_not_grow_with_events_articles_and_topics(
    client, home_page, points, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.kita.services import places_record

    kitas = kita_index(home_page)
    wiki = wiki_index(home_page)
    forum = make_forum("Baby & Kleinkind")
    parent = ParentFactory()

    def add(numbers):
        for number in numbers:
            start = today() + datetime.timedelta(days=number % 6)
            make_event(points["open"], title=f"Treff {number}", start_date=start)
            make_article(wiki, title=f"Artikel {number}")
            make_reply(make_topic(forum, parent, subject=f"Thema {number}"), parent)
            daycare = make_daycare(kitas, title=f"Kita {number}", district=district("saarn"), lat="51.40", lon="6.87")
            places_record(daycare=daycare, reported_by=None, free_by_group={"u3": 1})

    add(range(1))
    client.get("/de/")  # warm the site-root and locale caches, as a running server has them
    with CaptureQueriesContext(connection) as queries:
        client.get("/de/")
    few = len(queries)
    assert few <= 30
    add(range(1, 9))
    client.get("/de/")
    with django_assert_max_num_queries(few):
        html = client.get("/de/").content.decode()
    for key in ("termine_woche", "familienpunkte_offen", "kita_freie_plaetze", "wiki_neue_artikel"):
        section(html, key)
    assert "Thema 8" in section(html, "forum_lebhafte_themen")
