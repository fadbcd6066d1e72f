"""The Redaktion's review inbox: every kind of waiting item with its author, age and count; one screen for the diff
and the decision; declining needs a reason, which the author receives."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from community.accounts.roles import ANBIETER, MODERATION, REDAKTION
from community.notifications.models import Notification
from community.wiki.models import WikiEdit
from community.wiki.services import article_edit
from home.changing_places.models import ChangingPlaceReport
from tests.factories import (
    PASSWORD,
    ParentFactory,
    UserFactory,
    changing_place_index,
    contact_point_index,
    district,
    make_article,
    make_changing_place,
    make_contact_point,
    make_event,
    make_forum,
    make_offer,
    make_topic,
    wiki_index,
)
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db


def _submit(page, user):
    """What an editor without the publish right does: a revision, then "Zur Freigabe einreichen"."""
    page.title = page.title + " (geändert)"
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


@pytest.fixture
def editor():
    return UserFactory(roles=[REDAKTION])


@pytest.fixture
def waiting(home_page, offers_page):
    """One item of every kind, each waiting for the Redaktion."""
    provider = UserFactory(roles=[ANBIETER], display_name="Anbieterin Aydın")
    parent = ParentFactory(display_name="Mutter Müller")
    offer = make_offer(offers_page, title="Schwimmkurs")
    _submit(offer, provider)
    article = make_article(wiki_index(home_page))
    article_edit(
        user=parent,
        article=article,
        body="## Suchen\nAb der 30. Woche anrufen.",
        summary="Woche ergänzt",
        base_revision_id=article.latest_revision_id,
    )
    saarn = district()
    place = make_changing_place(changing_place_index(home_page), title="Stadtbad", district=saarn)
    ChangingPlaceReport.objects.create(place=place, reason="oeffnungszeiten", comment="Sonntags zu", reported_by=parent)
    point = make_contact_point(contact_point_index(home_page), district=saarn)
    event = make_event(point, title="Babytreff", start_date=timezone.localdate() + datetime.timedelta(days=7))
    _submit(event, provider)
    english = translate(offer, "en")
    _submit(english, provider)
    make_topic(make_forum(), parent, subject="Erster Beitrag", approved=False)
    return {"offer": offer, "article": article, "event": event, "english": english, "parent": parent}


def test_inbox_lists_every_kind_with_count_author_and_age(client, editor, waiting):
    client.login(username=editor.username, password=PASSWORD)
    response = client.get(reverse("review_inbox"))
    assert response.status_code == 200
    counts = {source.key: count for source, count in response.context["counts"]}
    assert counts == {
        "angebote": 1,
        "wiki": 1,
        "wiki-nachpruefen": 0,
        "wickelorte": 0,
        "wickelort-hinweise": 1,
        "termine": 1,
        "uebersetzungen": 1,
        "forum": 1,  # the Redaktion moderates the forum too
        "kalender": 0,  # dates proposed by calendar feeds (tests/calendar_feeds)
    }
    html = response.content.decode()
    for text in (
        "Angebot (Änderung)",
        "Wiki-Änderung",
        "Hinweis zu einem Wickelort",
        "Termin (Änderung)",
        "Übersetzung",
    ):
        assert text in html
    assert "Anbieterin Aydın" in html and "Mutter Müller" in html and "„Woche ergänzt“" in html
    assert "English" in html or "Englisch" in html
    kinds = [item.kind for item in response.context["items"]]
    assert len(kinds) == 6
    # A tab shows one kind only.
    only_wiki = client.get(reverse("review_inbox") + "?art=wiki")
    assert [item.kind for item in only_wiki.context["items"]] == ["wiki"]
    # The dashboard sums it up and links here.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "6 Einträge warten auf Ihre Entscheidung" in dashboard and reverse("review_inbox") in dashboard


def test_only_the_redaktion_and_moderators_see_an_inbox(client, waiting):
    provider = UserFactory(roles=[ANBIETER])
    client.login(username=provider.username, password=PASSWORD)
    refused = client.get(reverse("review_inbox"))
    assert refused.status_code in (302, 403) and "Wartende Einträge" not in refused.content.decode()
    assert reverse("review_inbox") not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.logout()
    moderator = UserFactory(roles=[MODERATION])
    client.login(username=moderator.username, password=PASSWORD)
    response = client.get(reverse("review_inbox"))
    assert response.status_code == 200
    assert {source.key: count for source, count in response.context["counts"]} == {"forum": 1}
    assert [item.title for item in response.context["items"]] == ["Erster Beitrag"]


def test_the_decision_screen_shows_the_diff_and_declining_needs_a_reason(client, editor, waiting):
    article, parent = waiting["article"], waiting["parent"]
    client.login(username=editor.username, password=PASSWORD)
    url = reverse("review_page", args=[article.pk])
    screen = client.get(url).content.decode()
    assert "30. Woche" in screen and "Ablehnen" in screen and "Freigeben" in screen
    refused = client.post(url, {"decision": "ablehnen", "reason": "  "})
    assert refused.status_code == 400
    assert "Bitte geben Sie eine Begründung an." in refused.content.decode()
    assert WikiEdit.objects.get().state == WikiEdit.State.PENDING
    client.post(url, {"decision": "ablehnen", "reason": "Bitte mit Quelle belegen."})
    edit = WikiEdit.objects.get()
    assert (edit.state, edit.reason) == (WikiEdit.State.REJECTED, "Bitte mit Quelle belegen.")
    notice = Notification.objects.get(user=parent, kind="wiki.rejected")
    assert "Bitte mit Quelle belegen." in notice.body
    assert "keine Begründung" not in notice.body


def test_approving_an_offer_change_from_the_decision_screen_publishes_it(client, editor, waiting):
    offer = waiting["offer"]
    client.login(username=editor.username, password=PASSWORD)
    url = reverse("review_page", args=[offer.pk])
    assert "(geändert)" in client.get(url).content.decode()  # the diff marks what is new
    assert client.post(url, {"decision": "freigeben", "reason": ""}).status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Schwimmkurs (geändert)" and offer.live
    assert client.get(reverse("review_inbox") + "?art=angebote").context["items"] == []


def test_the_page_editor_also_asks_for_the_reason_before_declining_a_wiki_edit(client, editor, waiting):
    article = waiting["article"]
    task_state = TaskState.objects.get(workflow_state__object_id=str(article.pk), status=TaskState.STATUS_IN_PROGRESS)
    client.login(username=editor.username, password=PASSWORD)
    action = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "reject", task_state.pk])
    # Wagtail's dialogue sends the form by fetch() and shows the errors it gets back.
    response = client.post(action, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert "Bitte geben Sie eine Begründung an." in response.json()["html"]
    assert WikiEdit.objects.get().state == WikiEdit.State.PENDING


def test_the_page_editor_asks_for_the_reason_before_declining_an_offer_change_too(client, editor, waiting):
    """The Redaktion-Freigabe's own "Änderungen anfordern" in Wagtail's page editor: the provider reads the reason."""
    offer = waiting["offer"]
    task_state = TaskState.objects.get(workflow_state__object_id=str(offer.pk), status=TaskState.STATUS_IN_PROGRESS)
    client.login(username=editor.username, password=PASSWORD)
    action = reverse("wagtailadmin_pages:workflow_action", args=[offer.pk, "reject", task_state.pk])
    response = client.post(action, {"comment": "  "}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert "Bitte geben Sie eine Begründung an." in response.json()["html"]
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    client.post(action, {"comment": "Bitte die Uhrzeit ergänzen."}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED and task_state.comment == "Bitte die Uhrzeit ergänzen."


def test_a_member_of_nothing_cannot_decide(client, waiting):
    provider = UserFactory(roles=[ANBIETER])
    client.login(username=provider.username, password=PASSWORD)
    url = reverse("review_page", args=[waiting["offer"].pk])
    assert client.post(url, {"decision": "freigeben"}).status_code in (302, 403)
    waiting["offer"].refresh_from_db()
    assert waiting["offer"].title == "Schwimmkurs"


def test_a_declined_place_suggestion_tells_the_parent_why(client, editor, home_page):
    from tests.changing_places.test_changing_places import SUGGESTION

    index = changing_place_index(home_page)
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    client.post(index.url + "vorschlagen/", {**SUGGESTION, "district": district("heissen").pk})
    client.logout()
    client.login(username=editor.username, password=PASSWORD)
    inbox = client.get(reverse("review_inbox") + "?art=wickelorte")
    [item] = inbox.context["items"]
    assert str(item.kind_label) == "Wickelort (Vorschlag)" and item.title == "Spielwarenladen Heißen"
    assert client.post(item.url, {"decision": "ablehnen", "reason": ""}).status_code == 400
    client.post(item.url, {"decision": "ablehnen", "reason": "Den Laden gibt es nicht mehr."})
    notice = Notification.objects.get(user=parent, kind="changing_places.declined")
    assert "Den Laden gibt es nicht mehr." in notice.body
