"""Every form that creates something counts once (issue 19): the same form sent twice — a double click, a resent
request, several identical requests at the same moment — creates one thing, and the repeat is answered like the
first, with a notice. One row per form; the rows render the real page, take the key from its form and send it twice."""

from __future__ import annotations

import datetime
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.conf import settings as django_settings
from django.contrib.messages import get_messages
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from machina.apps.forum_conversation.models import Post, Topic
from wagtail.models import Revision

from core.models import SubmitKey
from core.submit_once import SUBMIT_KEY_FIELD, new_submit_key, submit_keys_expire, submit_owner
from tests.factories import (
    PASSWORD,
    ParentFactory,
    UserFactory,
    changing_place_index,
    contact_point_index,
    district,
    establish,
    kita_index,
    make_article,
    make_changing_place,
    make_contact_point,
    make_daycare,
    make_forum,
    make_offer,
    make_reply,
    make_shift,
    make_topic,
    reply_url,
    statement_page,
    topic_create_url,
    wiki_category,
    wiki_index,
)

pytestmark = pytest.mark.django_db
NOTICE = "Ihr Formular wurde bereits gesendet."
KEY_RE = re.compile(rf'name="{SUBMIT_KEY_FIELD}" value="([^"]+)"')
FORM_RE = re.compile(r"<form\b[^>]*>.*?</form>", re.DOTALL)


@dataclass
class Case:
    """One form: the page that shows it, where it is sent, what is sent, and how many things of its kind exist."""

    page: str
    action: str
    data: dict
    count: Callable[[], int]
    form_marker: str = ""  # a text inside the right <form> when the page has several
    headers: dict = field(default_factory=dict)


def key_in(html: str, marker: str = "") -> str:
    """The key of the (first matching) form on the page: the page renders it, as a browser would send it."""
    for form in FORM_RE.findall(html):
        if marker in form and (found := KEY_RE.search(form)):
            return found.group(1)
    raise AssertionError(f"no form with a key{f' and {marker!r}' if marker else ''} on the page")


def login(client: Client, user) -> None:
    client.login(username=user.username, password=PASSWORD)


# --- the forms ------------------------------------------------------------------------------------------------
def forum_topic(client, home_page) -> Case:
    forum = make_forum("Kita & Schule")
    member = ParentFactory()
    establish(member, make_forum("Vorstellung"))
    login(client, member)
    url = topic_create_url(forum)
    data = {"subject": "Kita Sonnenblume?", "content": "Wer kennt sie?", "topic_type": 0}
    return Case(url, url, data, Topic.objects.count)


def forum_reply(client, home_page) -> Case:
    forum = make_forum("Kita & Schule")
    topic = make_topic(forum, ParentFactory())
    member = ParentFactory()
    establish(member, forum)
    login(client, member)
    url = reply_url(topic)
    return Case(url, url, {"subject": "Re: Krabbelgruppe", "content": "Im Familienpunkt Styrum."}, Post.objects.count)


def forum_report(client, home_page) -> Case:
    from community.forum.models import PostReport

    reply = make_reply(make_topic(make_forum(), ParentFactory()), ParentFactory(), "Ein grober Ton.")
    login(client, ParentFactory())
    url = reverse("forum-report", args=[reply.pk])
    return Case(url, url, {"reason": "beleidigend", "note": "Bitte ansehen."}, PostReport.objects.count)


def forum_sanction(client, home_page) -> Case:
    from community.accounts.roles import MODERATION
    from community.forum.models import MemberSanction

    make_forum()
    member = ParentFactory()
    login(client, UserFactory(roles=[MODERATION]))
    url = reverse("forum-member", args=[member.pk])
    data = {"kind": "stumm", "days": "3", "reason": "Wiederholt beleidigend."}
    return Case(url, url, data, MemberSanction.objects.count)


def wiki_edit(client, home_page) -> Case:
    from community.wiki.models import WikiEdit

    article = make_article(wiki_index(home_page), categories=[wiki_category()])
    login(client, ParentFactory())
    url = article.url + "bearbeiten/"
    base = client.get(url).context["form"]["base_revision"].value()
    data = {"body": "## Suchen\nAb der 30. Woche anrufen.", "summary": "Woche", "base_revision": base, "save": "1"}
    return Case(url, url, data, WikiEdit.objects.count)


def wiki_propose(client, home_page) -> Case:
    from community.wiki.models import WikiEdit

    index = wiki_index(home_page)
    login(client, ParentFactory())
    url = index.url + "neu/"
    data = {"title": "Babyschwimmen", "teaser": "", "body": "## Wo\nIm Hallenbad Süd.", "summary": "Neuer Artikel"}
    return Case(url, url, data, WikiEdit.objects.count)


def wiki_discussion(client, home_page) -> Case:
    from community.wiki.models import WikiDiscussion

    article = make_article(wiki_index(home_page))
    login(client, ParentFactory())
    return Case(article.url, article.url + "diskussion/", {}, WikiDiscussion.objects.count, "diskussion/")


def wiki_revert(client, home_page) -> Case:
    from community.accounts.roles import REDAKTION

    article = make_article(wiki_index(home_page))
    first = article.live_revision_id
    editor = UserFactory(roles=[REDAKTION])
    article.body = "## Neu\nEine neuere Fassung."
    article.save_revision(user=editor).publish(user=editor)
    login(client, editor)
    url = article.url + "versionen/"
    return Case(
        url,
        url,
        {"revision": first},
        Revision.page_revisions.filter(object_id=str(article.pk)).count,
        f'value="{first}"',
    )


def place_suggest(client, home_page) -> Case:
    from home.changing_places.models import ChangingPlacePage

    index = changing_place_index(home_page)
    login(client, ParentFactory())
    url = index.url + "vorschlagen/"
    data = {
        "title": "Spielwarenladen Heißen",
        "kind": "geschaeft",
        "street": "Heißener Straße 44",
        "postcode": "45472",
        "district": district("heissen").pk,
        "changing_table": "on",
        "weekdays_opens": "09:00",
        "weekdays_closes": "18:00",
        "saturday_opens": "10:00",
        "saturday_closes": "14:00",
        "note": "Freundlich, auch ohne Einkauf.",
    }
    return Case(url, url, data, ChangingPlacePage.objects.count)


def place_report(client, home_page) -> Case:
    from home.changing_places.models import ChangingPlaceReport

    place = make_changing_place(changing_place_index(home_page), title="Drogerie Saarn", district=district("saarn"))
    login(client, ParentFactory())
    url = place.url + "melden/"
    return Case(
        url, url, {"reason": "gibt-es-nicht-mehr", "comment": "Geschlossen."}, ChangingPlaceReport.objects.count
    )


def signup(client, home_page) -> Case:
    from community.accounts.models import User

    data = {
        "username": "neue_mama",
        "display_name": "Neue Mama",
        "email": "neue.mama@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    return Case("/konto/signup/", "/konto/signup/", data, User.objects.count, headers={"HTTP_ACCEPT_LANGUAGE": "de"})


def volunteer(client, home_page) -> Case:
    from home.contact_points.models import VolunteerSignup

    point = make_contact_point(contact_point_index(home_page), district=district("styrum"))
    shift = make_shift(point, date=timezone.localdate() + datetime.timedelta(days=4))
    login(client, ParentFactory())
    action = point.url + f"helfen/{shift.pk}/anmelden/"
    return Case(point.url, action, {"comment": "Gern!"}, VolunteerSignup.objects.count, action)


def barrier_report(client, home_page) -> Case:
    from home.accessibility.models import AccessibilityFeedback

    statement = statement_page(home_page)
    data = {
        "description": "Der Knopf „Karte laden“ ist mit der Tastatur nicht erreichbar.",
        "page_url": "http://testserver/de/wickeln-stillen/",
        "name": "Petra Sehtest",
        "email": "petra@example.org",
    }
    return Case(statement.url, statement.url, data, AccessibilityFeedback.objects.count)


def bookmark(client, home_page) -> Case:
    from community.bookmarks.models import Bookmark
    from tests.factories import offer_index

    offer = make_offer(offer_index(home_page), title="Babyschwimmen Saarn")
    login(client, ParentFactory())
    action = reverse("bookmarks:save")
    return Case(offer.url, action, {"page": offer.pk, "next": offer.url}, Bookmark.objects.count, action)


def kita_free_places(client, home_page) -> Case:
    from community.accounts.roles import KITA_LEITUNG
    from home.kita.models import PlaceReport

    leitung = UserFactory(roles=[KITA_LEITUNG])
    kita = make_daycare(
        kita_index(home_page), title="Kita A", district=district("saarn"), lat="51.43", lon="6.88", staff=[leitung]
    )
    login(client, leitung)
    data = {"einrichtung": kita.pk, "frei_u3": "2", "frei_ue3": "0"}
    count = PlaceReport.objects.filter(group="u3").count  # one row per age group and report
    return Case("/de/kita/meldung/", "/de/kita/meldung/", data, count, f'value="{kita.pk}"')


def kita_alert(client, home_page) -> Case:
    from home.kita.models import PlaceAlert

    kita_index(home_page)
    search = {"stadtteil": "saarn", "geburtsdatum": "2025-06-10", "beginn": "2026-08-01"}
    query = "&".join(f"{name}={value}" for name, value in search.items())
    action = "/de/kita/benachrichtigung/"
    return Case(f"/de/kita/?{query}", action, {**search, "email": "mama@example.org"}, PlaceAlert.objects.count, action)


FORMS = [
    forum_topic,
    forum_reply,
    forum_report,
    forum_sanction,
    wiki_edit,
    wiki_propose,
    wiki_discussion,
    wiki_revert,
    place_suggest,
    place_report,
    signup,
    volunteer,
    barrier_report,
    bookmark,
    kita_free_places,
    kita_alert,
]


@pytest.mark.parametrize("form", FORMS, ids=[form.__name__ for form in FORMS])
def test_the_same_form_sent_twice_creates_one_and_the_repeat_is_answered_like_the_first(client, home_page, form):
    case = form(client, home_page)
    shown = client.get(case.page, **case.headers)
    assert shown.status_code == 200
    data = {**case.data, SUBMIT_KEY_FIELD: key_in(shown.content.decode(), case.form_marker)}
    before = case.count()

    first = client.post(case.action, data, **case.headers)
    assert first.status_code == 302, first.content.decode()[:2000]
    assert case.count() == before + 1
    second = client.post(case.action, data, **case.headers)

    assert case.count() == before + 1
    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert NOTICE in [str(message) for message in get_messages(second.wsgi_request)]


def test_a_page_renders_a_fresh_key_in_each_form_and_the_script_once(client, home_page):
    from community.accounts.roles import KITA_LEITUNG

    index = kita_index(home_page)
    leitung = UserFactory(roles=[KITA_LEITUNG])
    for title in ("Kita A", "Kita B"):
        make_daycare(index, title=title, district=district("saarn"), lat="51.43", lon="6.88", staff=[leitung])
    client.force_login(leitung)
    html = client.get("/de/kita/meldung/").content.decode()
    keys = KEY_RE.findall(html)
    assert len(keys) == 2 and len(set(keys)) == 2
    assert html.count("portal/js/submit-once.js") == 1
    assert KEY_RE.findall(client.get("/de/kita/meldung/").content.decode())[0] not in keys


def test_a_form_without_a_key_from_a_page_loaded_before_still_works(client, home_page):
    case = forum_reply(client, home_page)
    before = case.count()
    response = client.post(case.action, case.data)
    assert response.status_code == 302 and case.count() == before + 1
    assert NOTICE not in [str(message) for message in get_messages(response.wsgi_request)]


def test_a_form_that_came_back_with_errors_can_be_corrected_and_sent_with_its_key(client, home_page):
    case = forum_reply(client, home_page)
    key = key_in(client.get(case.page).content.decode())
    before = case.count()
    preview = client.post(case.action, {**case.data, "preview": "1", SUBMIT_KEY_FIELD: key})
    assert preview.status_code == 200
    refused = client.post(case.action, {**case.data, "content": "", SUBMIT_KEY_FIELD: key})
    assert refused.status_code == 200 and case.count() == before
    sent = client.post(case.action, {**case.data, SUBMIT_KEY_FIELD: key})
    assert sent.status_code == 302 and case.count() == before + 1
    assert not SubmitKey.objects.filter(result_url="").exists()


def test_a_repeat_while_the_first_is_still_at_work_goes_back_to_the_form_with_the_notice(client, home_page, settings):
    settings.SUBMIT_ONCE_WAIT_SECONDS = 0
    case = forum_reply(client, home_page)
    key = key_in(client.get(case.page).content.decode())
    # The first request has claimed the key and not answered yet.
    request = client.get(case.page).wsgi_request
    SubmitKey.objects.create(owner=submit_owner(request), key=key)
    before = case.count()
    response = client.post(
        case.action, {**case.data, SUBMIT_KEY_FIELD: key}, HTTP_REFERER=f"http://testserver{case.page}"
    )
    assert response.status_code == 302 and response["Location"] == f"http://testserver{case.page}"
    assert case.count() == before
    assert NOTICE in [str(message) for message in get_messages(response.wsgi_request)]


def test_keys_count_per_person_so_a_page_served_to_two_from_a_cache_works_for_both(client, home_page):
    case = forum_reply(client, home_page)
    key = key_in(client.get(case.page).content.decode())
    before = case.count()
    assert client.post(case.action, {**case.data, SUBMIT_KEY_FIELD: key}).status_code == 302
    other = Client()
    other.force_login(ParentFactory())
    assert other.post(case.action, {**case.data, SUBMIT_KEY_FIELD: key}).status_code == 302
    assert case.count() == before + 2
    assert SubmitKey.objects.filter(key=key).values("owner").distinct().count() == 2


def test_a_malformed_key_counts_as_none(client, home_page):
    case = forum_reply(client, home_page)
    before = case.count()
    response = client.post(case.action, {**case.data, SUBMIT_KEY_FIELD: "<script>"})
    assert response.status_code == 302 and case.count() == before + 1
    assert not SubmitKey.objects.exists()


def test_keys_expire_after_the_configured_hours_and_beat_forgets_them_hourly(settings):
    now = timezone.now()
    old = SubmitKey.objects.create(owner="a", key=new_submit_key())
    SubmitKey.objects.filter(pk=old.pk).update(
        created_at=now - datetime.timedelta(hours=settings.SUBMIT_ONCE_KEEP_HOURS + 1)
    )
    recent = SubmitKey.objects.create(owner="a", key=new_submit_key())
    assert submit_keys_expire(now=now) == 1
    assert list(SubmitKey.objects.values_list("pk", flat=True)) == [recent.pk]
    entry = django_settings.CELERY_BEAT_SCHEDULE["expire-submit-keys"]
    assert entry == {"task": "core.tasks.expire_submit_keys", "schedule": 3600}


def test_the_stored_owner_is_a_keyed_hash_that_names_neither_the_account_nor_the_cookie(client, home_page):
    case = barrier_report(client, home_page)  # a guest: the owner comes from the browser's CSRF cookie
    key = key_in(client.get(case.page).content.decode())
    client.post(case.action, {**case.data, SUBMIT_KEY_FIELD: key})
    member = ParentFactory()
    client.force_login(member)
    client.post(case.action, {**case.data, SUBMIT_KEY_FIELD: key})  # the same key, now as a member: counts anew
    assert case.count() == 2
    guest_owner, member_owner = SubmitKey.objects.filter(key=key).order_by("pk").values_list("owner", flat=True)
    assert re.fullmatch(r"[0-9a-f]{40}", guest_owner) and re.fullmatch(r"[0-9a-f]{40}", member_owner)
    assert client.cookies["csrftoken"].value not in guest_owner
    assert guest_owner != member_owner and str(member.pk) != member_owner


# --- simultaneous requests on PostgreSQL -----------------------------------------------------------------------
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_four_identical_forum_replies_sent_at_the_same_moment_make_one_post(home_page, settings):
    if connection.vendor != "postgresql":
        pytest.skip("simultaneous requests need a database shared between threads; this runs in the PostgreSQL pass")
    settings.SUBMIT_ONCE_WAIT_SECONDS = 60  # a loaded CI machine may take long for the first; the others wait for it
    forum = make_forum("Kita & Schule")
    topic = make_topic(forum, ParentFactory())
    member = ParentFactory()
    establish(member, forum)
    url = reply_url(topic)
    tab = Client()
    tab.force_login(member)
    key = key_in(tab.get(url).content.decode())
    data = {"subject": "Re: Krabbelgruppe", "content": "Gleichzeitig gesendet.", SUBMIT_KEY_FIELD: key}
    clients = [Client() for _ in range(4)]  # the member's form, sent four times at once
    for each in clients:
        each.force_login(member)
    start = threading.Barrier(len(clients))
    answers: list = [None] * len(clients)

    def send(number: int) -> None:
        try:
            start.wait()
            answers[number] = clients[number].post(url, data)
        except Exception as error:  # reported below with the others' answers
            answers[number] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(number,)) for number in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert all(getattr(answer, "status_code", None) == 302 for answer in answers), answers
    assert Post.objects.filter(topic=topic, content="Gleichzeitig gesendet.").count() == 1
    assert len({answer["Location"] for answer in answers}) == 1
    assert SubmitKey.objects.filter(key=key).count() == 1


# --- in the browser: the script stops the second click, and the pressed button still counts ----------------------
@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_in_the_browser_a_double_click_sends_the_form_once_and_the_preview_still_works(home_page, live_server, page):
    from playwright.sync_api import expect

    forum = make_forum("Kita & Schule")
    topic = make_topic(forum, ParentFactory())
    member = ParentFactory()
    establish(member, forum)
    base = live_server.url
    page.goto(f"{base}/konto/login/")
    page.locator("input[name=login]").fill(member.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_load_state()

    page.goto(base + reply_url(topic))
    page.locator("textarea[name=content]").fill("Erst ansehen, dann senden.")
    page.get_by_role("button", name="Vorschau").click()
    expect(page.get_by_role("heading", name=re.compile("Vorschau"))).to_be_visible()  # "preview" arrived
    assert Post.objects.filter(content="Erst ansehen, dann senden.").count() == 0

    posts = []
    page.on("request", lambda sent: posts.append(sent) if sent.method == "POST" else None)
    page.locator("form.forum-form").evaluate("form => { form.requestSubmit(); form.requestSubmit(); }")
    page.wait_for_load_state()
    expect(page.locator(".post__content", has_text="Erst ansehen, dann senden.")).to_be_visible()
    assert len(posts) == 1
    assert Post.objects.filter(content="Erst ansehen, dann senden.").count() == 1
