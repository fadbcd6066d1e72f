"""What the query budgets keep under the content version (issue 20) is never older than the data: view restrictions
with the route, private sections in lists, filter choices, breadcrumbs, account and forum permissions, wiki article
facts. Each change below shows on the very next request, rendered anew (the guests' page cache is off here: these
are the parts a member's page and a freshly rendered guest's page are built from)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Page, PageViewRestriction

from tests.factories import (
    ContentPageFactory,
    ParentFactory,
    UserFactory,
    district,
    make_forum,
    make_offer,
    make_topic,
    offer_index,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered_anew(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # the fragments stay on (PORTAL_FRAGMENT_CACHE_SECONDS)


def test_a_page_made_private_after_its_route_was_kept_asks_for_a_login(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Nur für Mitglieder", slug="intern")
    assert client.get("/de/intern/").status_code == 200  # the route (unrestricted) is kept now
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/de/intern/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_lifting_a_restriction_opens_the_page_on_the_next_request(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Intern", slug="intern")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/de/intern/").status_code == 302
    restriction.delete()
    assert client.get("/de/intern/").status_code == 200


def test_an_offer_in_a_section_made_private_leaves_the_list(client, home_page):
    from home.offers.selectors import current_offers

    index = offer_index(home_page)
    offer = make_offer(index, title="Geheimkurs", district=district("styrum"))
    assert offer.pk in {page.pk for page in current_offers()}
    assert "Geheimkurs" in client.get("/de/angebote/").content.decode()
    PageViewRestriction.objects.create(page=Page.objects.get(pk=offer.pk), restriction_type=PageViewRestriction.LOGIN)
    assert offer.pk not in {page.pk for page in current_offers()}
    assert "Geheimkurs" not in client.get("/de/angebote/").content.decode()


def test_a_new_district_is_a_filter_choice_on_the_next_request_and_an_unknown_one_is_refused(client, home_page):
    from home.models import District
    from home.offers.forms import OfferFilterForm

    offer_index(home_page)
    district("styrum")
    assert "Neustadtteil" not in client.get("/de/angebote/").content.decode()
    District.objects.create(name="Neustadtteil", slug="neustadtteil", latitude="51.43", longitude="6.88")
    assert "Neustadtteil" in client.get("/de/angebote/").content.decode()
    assert OfferFilterForm({"stadtteil": "neustadtteil"}).is_valid()
    form = OfferFilterForm({"stadtteil": "gibt-es-nicht", "kategorie": ["gibt-es-auch-nicht"]})
    assert not form.is_valid()
    assert set(form.errors) == {"stadtteil", "kategorie"}


def test_a_renamed_section_shows_in_the_breadcrumb_of_its_pages(client, home_page):
    section = ContentPageFactory(parent=home_page, title="Rat und Hilfe", slug="rat")
    ContentPageFactory(parent=section, title="Schlaf", slug="schlaf")
    assert "Rat und Hilfe" in client.get("/de/rat/schlaf/").content.decode()
    section.title = "Beratung"
    section.save_revision().publish()
    page = client.get("/de/rat/schlaf/").content.decode()
    assert "Beratung" in page and "Rat und Hilfe" not in page


def test_a_revoked_permission_is_gone_on_the_next_request():
    group = Group.objects.create(name="Probe")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(username="probe")
    user.groups.add(group)
    assert UserFactory._meta.model.objects.get(pk=user.pk).has_perm("wagtailadmin.access_admin")
    user.groups.remove(group)
    assert not UserFactory._meta.model.objects.get(pk=user.pk).has_perm("wagtailadmin.access_admin")
    user.groups.add(group)
    group.permissions.clear()
    assert not UserFactory._meta.model.objects.get(pk=user.pk).has_perm("wagtailadmin.access_admin")


def test_a_forum_closed_to_members_disappears_from_their_forum_list_at_once(client):
    from machina.apps.forum_permission.models import ForumPermission, UserForumPermission

    forum = make_forum("Väter unter sich")
    make_topic(forum, ParentFactory(username="autor"), subject="Elternzeit für Väter")
    member = ParentFactory(username="leser")
    client.force_login(member)
    assert "Väter unter sich" in client.get("/de/forum/").content.decode()
    for codename in ("can_see_forum", "can_read_forum"):
        UserForumPermission.objects.create(
            forum=forum, user=member, permission=ForumPermission.objects.get(codename=codename), has_perm=False
        )
    assert "Väter unter sich" not in client.get("/de/forum/").content.decode()


def test_a_wiki_article_shows_its_new_discussion_and_protection_at_once(client, home_page):
    from community.wiki.models import WikiProtection
    from tests.factories import make_article, wiki_index

    article = make_article(wiki_index(home_page), title="Schlafen lernen")
    member = ParentFactory(username="schreiberin")
    client.force_login(member)
    assert "geschützt" not in client.get(article.url).content.decode()
    WikiProtection.objects.create(article=article, reason="Streit")
    assert "geschützt" in client.get(article.url).content.decode()
