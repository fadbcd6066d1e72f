"""When the Redaktion decides on a provider's change, every maintainer of the organization reads it in a German mail:
approved with the live link, declined with the reason; Wagtail's own outcome mail does not come on top."""

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from community.accounts.roles import ANBIETER, REDAKTION
from tests.factories import ProviderFactory, UserFactory, make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(offers_page):
    alice = UserFactory(username="alice", email="alice@example.org", roles=[ANBIETER])
    carla = UserFactory(username="carla", email="carla@example.org", roles=[ANBIETER])
    bob = UserFactory(username="bob", email="bob@example.org", roles=[ANBIETER])
    editor = UserFactory(username="redakteurin", email="red@example.org", roles=[REDAKTION])
    verein = ProviderFactory(name="Verein A", maintainers=[alice, carla])
    ProviderFactory(name="Verein B", maintainers=[bob])
    offer = make_offer(offers_page, title="Babyschwimmen", provider=verein)
    offer.title = "Babyschwimmen am Samstag"
    offer.save_revision(user=alice)
    offer.get_workflow().start(offer, alice)
    state = WorkflowState.objects.get(object_id=str(offer.pk), status="in_progress")
    return {"offer": offer, "editor": editor, "task_state": state.current_task_state}


def decide(world, action, comment="", *, capture):
    mail.outbox.clear()
    task_state = world["task_state"]
    with capture(execute=True):
        task_state.task.specific.on_action(task_state, world["editor"], action, comment=comment)


def test_approval_mails_every_maintainer_with_the_live_link(submitted, django_capture_on_commit_callbacks):
    decide(submitted, "approve", capture=django_capture_on_commit_callbacks)
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "alice@example.org",
        "carla@example.org",
    ]
    message = next(message for message in mail.outbox if message.to == ["alice@example.org"])
    assert message.subject == "[Familienportal] Ihr Angebot „Babyschwimmen am Samstag“ ist freigegeben"
    assert "http://127.0.0.1:8000/de/angebote/babyschwimmen/" in message.body
    assert message.extra_headers["Content-Language"] == "de"


def test_declining_mails_the_reason(submitted, django_capture_on_commit_callbacks):
    decide(submitted, "reject", "Bitte nennen Sie den Preis.", capture=django_capture_on_commit_callbacks)
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "alice@example.org",
        "carla@example.org",
    ]
    message = mail.outbox[0]
    assert "wurde nicht übernommen" in message.subject
    assert "Begründung der Redaktion: Bitte nennen Sie den Preis." in message.body
    assert "/admin/angebote/meine/" in message.body


def test_offers_without_maintainers_and_other_pages_send_nothing(offers_page, django_capture_on_commit_callbacks):
    editor = UserFactory(username="redakteurin", roles=[REDAKTION])
    author = UserFactory(username="author", email="author@example.org", roles=[REDAKTION])
    offer = make_offer(offers_page, title="Ohne Anbieter")
    offer.save_revision(user=author)
    offer.get_workflow().start(offer, author)
    task_state = WorkflowState.objects.get(object_id=str(offer.pk), status="in_progress").current_task_state
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, editor, "approve")
    # Only Wagtail's own mail to the author (no maintainers to tell): it still goes to people outside providers.
    assert [message.to for message in mail.outbox] == [["author@example.org"]]
