"""The Merkliste: members keep pages by POST, see only live pages in their language, get one private calendar feed;
guests' device lists are resolved and taken over; the list is in the data download and goes with the account."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from community.accounts.services import account_delete
from community.bookmarks.models import Bookmark, CalendarFeed
from community.bookmarks.services import bookmark_add
from tests.factories import (
    ParentFactory,
    changing_place_index,
    contact_point_index,
    district,
    kita_index,
    make_changing_place,
    make_contact_point,
    make_daycare,
    make_event,
    make_offer,
)
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
LIST_URL = "/de/merkliste/"


def in_days(days: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=days)


@pytest.fixture
def parent():
    return ParentFactory(username="mama")


@pytest.fixture
def swimming(offers_page):
    return make_offer(
        offers_page,
        title="Babyschwimmen Saarn",
        dates=[{"start_date": in_days(7), "start_time": datetime.time(10), "end_time": datetime.time(11)}],
    )


@pytest.fixture
def cafe(home_page):
    point = make_contact_point(contact_point_index(home_page), district=district("styrum"))
    return make_event(point, title="Mütter-Café", start_date=in_days(3))


@pytest.fixture
def kita(home_page):
    return make_daycare(
        kita_index(home_page), title="Kita Sonnenschein", district=district("saarn"), lat="51.41", lon="6.88"
    )


@pytest.fixture
def changing_place(home_page):
    return make_changing_place(changing_place_index(home_page), title="Drogerie am Markt", district=district("saarn"))


def test_a_member_saves_a_page_with_a_form_and_sees_it_on_the_list(client, parent, swimming):
    client.force_login(parent)
    page = client.get(swimming.url)
    assert 'action="/de/merkliste/merken/"' in page.content.decode()

    response = client.post("/de/merkliste/merken/", {"page": swimming.pk, "next": swimming.url})

    assert response.status_code == 302 and response["Location"] == swimming.url
    assert Bookmark.objects.filter(user=parent, page=swimming).count() == 1
    html = client.get(swimming.url).content.decode()
    assert "Gemerkt – entfernen" in html and 'aria-pressed="true"' in html
    listing = client.get(LIST_URL).content.decode()
    assert "Babyschwimmen Saarn" in listing and '<h2 id="merkliste-angebote">Angebote' in listing


def test_saving_twice_keeps_one_entry_and_removing_takes_it_off(client, parent, swimming):
    client.force_login(parent)
    client.post("/de/merkliste/merken/", {"page": swimming.pk})
    client.post("/de/merkliste/merken/", {"page": swimming.pk})
    assert Bookmark.objects.filter(user=parent).count() == 1

    response = client.post("/de/merkliste/entfernen/", {"key": str(swimming.translation_key)})

    assert response.status_code == 302
    assert not Bookmark.objects.filter(user=parent).exists()
    assert "Ihre Merkliste ist leer" in client.get(LIST_URL).content.decode()


def test_every_registered_kind_has_the_button_and_its_own_group(client, parent, swimming, cafe, kita, changing_place):
    client.force_login(parent)
    for page in (swimming, cafe, kita, changing_place):
        assert f'name="page" value="{page.pk}"' in client.get(page.url).content.decode(), page.title
        client.post("/de/merkliste/merken/", {"page": page.pk})
    html = client.get(LIST_URL).content.decode()
    for kind in ("angebote", "termine", "kitas", "wickelorte"):
        assert f'id="merkliste-{kind}"' in html


def test_guests_cannot_save_by_post_and_are_offered_the_login(client, swimming):
    response = client.post("/de/merkliste/merken/", {"page": swimming.pk})
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert not Bookmark.objects.exists()
    html = client.get(swimming.url).content.decode()
    assert "melden Sie sich an" in html and "data-bookmark-guest" in html


def test_get_does_not_save_and_pages_of_other_kinds_are_refused(client, parent, swimming, offers_page):
    client.force_login(parent)
    assert client.get("/de/merkliste/merken/", {"page": swimming.pk}).status_code == 405
    assert client.post("/de/merkliste/merken/", {"page": offers_page.pk}).status_code == 404
    assert not Bookmark.objects.exists()


def test_a_member_cannot_remove_another_members_entry(client, parent, swimming):
    other = ParentFactory(username="papa")
    bookmark_add(user=other, page=swimming)
    client.force_login(parent)
    client.post("/de/merkliste/entfernen/", {"key": str(swimming.translation_key)})
    assert Bookmark.objects.filter(user=other).count() == 1


def test_only_live_pages_can_be_saved_and_are_listed(client, parent, offers_page, swimming):
    draft = make_offer(offers_page, title="Entwurf Krabbelgruppe", publish=False, live=False)
    client.force_login(parent)
    assert client.post("/de/merkliste/merken/", {"page": draft.pk}).status_code == 404

    client.post("/de/merkliste/merken/", {"page": swimming.pk})
    assert f'data-bookmark-item="{swimming.translation_key}"' in client.get(LIST_URL).content.decode()
    swimming.unpublish()
    html = client.get(LIST_URL).content.decode()
    assert "Ihre Merkliste ist leer" in html and f'data-bookmark-item="{swimming.translation_key}"' not in html


def test_the_list_shows_the_page_in_the_readers_language(client, parent, swimming):
    english = translate(swimming, "en")
    english.title = "Baby swimming Saarn"
    english.save_revision().publish()
    bookmark_add(user=parent, page=swimming)
    client.force_login(parent)

    html = client.get("/en/merkliste/").content.decode()

    assert "Baby swimming Saarn" in html and english.url in html
    assert "Babyschwimmen Saarn" not in html
    assert "Babyschwimmen Saarn" in client.get(LIST_URL).content.decode()


def test_the_list_page_needs_the_same_queries_for_one_entry_or_many(client, parent, offers_page, home_page, cafe, kita):
    client.force_login(parent)
    first = make_offer(offers_page, title="Eltern-Kind-Turnen")
    bookmark_add(user=parent, page=first)
    client.get(LIST_URL)  # warm the site-root cache
    with CaptureQueriesContext(connection) as one:
        assert client.get(LIST_URL).status_code == 200
    for number in range(4):
        bookmark_add(user=parent, page=make_offer(offers_page, title=f"Kurs {number}"))
    bookmark_add(user=parent, page=cafe)
    bookmark_add(user=parent, page=kita)
    client.get(LIST_URL)  # the writes made the shared parts (navigation) stale: warm as before
    with CaptureQueriesContext(connection) as many:
        html = client.get(LIST_URL).content.decode()
    assert "Kurs 3" in html and "Kita Sonnenschein" in html
    assert len(many) == len(one)


def test_the_private_feed_holds_the_dates_of_saved_offers_and_events(client, parent, swimming, cafe, kita):
    for page in (swimming, cafe, kita):
        bookmark_add(user=parent, page=page)
    client.force_login(parent)
    assert client.get(LIST_URL).context["feed"] is None
    client.post("/de/merkliste/kalender/")
    feed = CalendarFeed.objects.get(user=parent)
    assert len(feed.token) >= 40
    assert f"/de/merkliste/kalender/{feed.token}.ics" in client.get(LIST_URL).content.decode()

    client.logout()  # a calendar app fetches without a session
    response = client.get(f"/de/merkliste/kalender/{feed.token}.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(e["summary"]) for e in events) == ["Babyschwimmen Saarn", "Mütter-Café"]
    assert {e["dtstart"].dt.date() for e in events} == {in_days(7), in_days(3)}
    assert all(str(e["url"]).startswith("http") for e in events)


def test_a_reset_retires_the_old_feed_address_and_unknown_tokens_are_404(client, parent):
    client.force_login(parent)
    client.post("/de/merkliste/kalender/")
    old = CalendarFeed.objects.get(user=parent).token
    client.post("/de/merkliste/kalender/")
    new = CalendarFeed.objects.get(user=parent).token
    assert new != old
    assert client.get(f"/de/merkliste/kalender/{old}.ics").status_code == 404
    assert client.get(f"/de/merkliste/kalender/{new}.ics").status_code == 200
    assert client.get("/de/merkliste/kalender/raten.ics").status_code == 404


def test_a_guests_device_list_is_resolved_live_only_and_taken_over_at_login(client, parent, offers_page, swimming):
    draft = make_offer(offers_page, title="Entwurf Krabbelgruppe", publish=False, live=False)
    keys = [str(swimming.translation_key), str(draft.translation_key), "kein-schluessel"]

    html = client.get("/de/merkliste/eintraege/", {"key": keys}).content.decode()
    assert "Babyschwimmen Saarn" in html and "Entwurf" not in html
    assert f'data-bookmark-remove="{swimming.translation_key}"' in html

    assert client.post("/de/merkliste/uebernehmen/", {"key": keys}).status_code == 302  # guests: to the login
    client.force_login(parent)
    response = client.post("/de/merkliste/uebernehmen/", {"key": keys})
    assert response.json() == {"added": 1}
    assert list(Bookmark.objects.filter(user=parent).values_list("page_id", flat=True)) == [swimming.pk]
    assert client.post("/de/merkliste/uebernehmen/", {"key": keys}).json() == {"added": 0}


def test_the_list_is_in_the_data_download_and_goes_with_the_account(client, parent, swimming):
    bookmark_add(user=parent, page=swimming)
    client.force_login(parent)
    client.post("/de/merkliste/kalender/")

    data = json.loads(client.get(reverse("account-data")).content)
    assert [entry["seite"] for entry in data["merkliste"]["eintraege"]] == ["Babyschwimmen Saarn"]
    assert data["merkliste"]["kalender_adresse_erstellt_am"]

    account_delete(user=parent)
    assert not Bookmark.objects.exists() and not CalendarFeed.objects.exists()
