"""Providers keep their own offers; nothing they write is public before the Redaktion approves it."""

import pytest
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from community.accounts.roles import ANBIETER, REDAKTION
from home.offers.models import OfferCategory, OfferPage
from tests.factories import ProviderFactory, UserFactory, make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(offers_page):
    alice = UserFactory(username="alice", roles=[ANBIETER])
    bob = UserFactory(username="bob", roles=[ANBIETER])
    editor = UserFactory(username="redakteurin", roles=[REDAKTION])
    verein_a = ProviderFactory(name="Verein A", maintainers=[alice])
    verein_b = ProviderFactory(name="Verein B", maintainers=[bob])
    offer_a = make_offer(offers_page, title="Kurs von A", provider=verein_a, categories=["sport"])
    offer_b = make_offer(offers_page, title="Kurs von B", provider=verein_b, categories=["sport"])
    return {
        "alice": alice,
        "bob": bob,
        "editor": editor,
        "verein_a": verein_a,
        "verein_b": verein_b,
        "offer_a": offer_a,
        "offer_b": offer_b,
        "index": offers_page,
    }


def offer_form(offer: OfferPage | None = None, **changes) -> dict:
    data = {
        "title": offer.title if offer else "Neuer Kurs",
        "slug": offer.slug if offer else "neuer-kurs",
        "summary": offer.summary if offer else "Ein neuer Kurs.",
        "provider": offer.provider_id if offer else "",
        "dates": inline_formset([]),
        "cost_kind": "kostenlos",
        "city": "Mülheim an der Ruhr",
        "body": streamfield([]),
        "last_checked": "2026-11-01",
        "comments": inline_formset([]),
    }
    data.update(changes)
    form = nested_form_data(data)
    form["categories"] = [OfferCategory.objects.get(slug="sport").pk]  # a multi-select, not a formset
    return form


def test_provider_opens_only_its_own_offers(client, world):
    client.force_login(world["alice"])
    assert client.get(f"/admin/pages/{world['offer_a'].pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{world['offer_b'].pk}/edit/")
    assert response.status_code in (302, 403)


def test_provider_cannot_change_another_providers_offer(client, world):
    client.force_login(world["alice"])
    revisions = world["offer_b"].revisions.count()
    client.post(f"/admin/pages/{world['offer_b'].pk}/edit/", offer_form(world["offer_b"], title="Gekapert"))
    world["offer_b"].refresh_from_db()
    assert world["offer_b"].title == "Kurs von B"
    assert world["offer_b"].revisions.count() == revisions
    assert not world["offer_b"].permissions_for_user(world["alice"]).can_delete()
    assert not world["offer_b"].permissions_for_user(world["alice"]).can_move()


def test_provider_edit_waits_for_the_redaktion(client, world):
    offer = world["offer_a"]
    client.force_login(world["alice"])
    response = client.post(
        f"/admin/pages/{offer.pk}/edit/", offer_form(offer, title="Kurs von A – neue Zeiten", **{"action-submit": "1"})
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Kurs von A"  # the public page is unchanged
    assert offer.get_latest_revision_as_object().title == "Kurs von A – neue Zeiten"
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(offer.pk), status="in_progress")
    assert state.current_task_state.task.name == "Freigabe durch die Redaktion"

    # The editor sees it in the queue and approves it.
    client.force_login(world["editor"])
    dashboard = client.get("/admin/").content.decode()
    assert "Kurs von A – neue Zeiten" in dashboard
    task_state = state.current_task_state
    approve = client.post(f"/admin/pages/workflow/action/{offer.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert approve.status_code in (200, 302)
    offer.refresh_from_db()
    assert offer.title == "Kurs von A – neue Zeiten"


def test_provider_cannot_publish_directly(client, world):
    offer = world["offer_a"]
    client.force_login(world["alice"])
    client.post(f"/admin/pages/{offer.pk}/edit/", offer_form(offer, title="Sofort live?", **{"action-publish": "1"}))
    offer.refresh_from_db()
    assert offer.title == "Kurs von A"
    assert not offer.permissions_for_user(world["alice"]).can_publish()


def test_new_offers_by_a_provider_are_drafts_for_its_own_organization(client, world):
    client.force_login(world["alice"])
    url = f"/admin/pages/add/offers/offerpage/{world['index'].pk}/"
    refused = client.post(url, offer_form(provider=world["verein_b"].pk))
    assert refused.status_code == 200
    assert not OfferPage.objects.filter(slug="neuer-kurs").exists()
    assert "provider" in refused.context["form"].errors

    client.post(url, offer_form(provider=world["verein_a"].pk, **{"action-submit": "1"}))
    created = OfferPage.objects.get(slug="neuer-kurs")
    assert not created.live
    assert created.provider == world["verein_a"]
    assert created.permissions_for_user(world["alice"]).can_edit()
    assert not created.permissions_for_user(world["bob"]).can_edit()


def test_redaktion_edits_and_publishes_any_offer(world):
    for offer in (world["offer_a"], world["offer_b"]):
        permissions = offer.permissions_for_user(world["editor"])
        assert permissions.can_edit() and permissions.can_publish()


def test_providers_have_no_rights_outside_the_offer_list(world):
    home = Page.objects.get(depth=2)
    assert not home.permissions_for_user(world["alice"]).can_edit()
    assert not home.permissions_for_user(world["alice"]).can_add_subpage()
