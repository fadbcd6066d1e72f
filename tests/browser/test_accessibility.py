"""axe-core on every public page type, in German, Arabic (right to left) and Leichte Sprache, at phone width:
no violation of impact "serious" or "critical" anywhere. axe's script comes from the axe-playwright-python package
and is injected into the page; nothing is loaded from the internet."""

import datetime

import pytest

from tests.factories import (
    ContentPageFactory,
    ParentFactory,
    changing_place_index,
    contact_point_index,
    district,
    district_index,
    kita_index,
    make_article,
    make_changing_place,
    make_contact_point,
    make_daycare,
    make_event,
    make_forum,
    make_offer,
    make_topic,
    offer_index,
    wiki_index,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FAILING_IMPACTS = {"serious", "critical"}
TARGETS_SHOWN = 3


def public_pages() -> dict[str, str]:
    """One published German page of every public type (with the language trees switched on): name → path below
    the language prefix."""
    from django.conf import settings

    from home.models import HomePage
    from home.translations import services

    home = HomePage.objects.get(depth=2)
    styrum = district("styrum")
    offers = offer_index(home)
    offer = make_offer(
        offers,
        title="Babyschwimmen Styrum",
        district=styrum,
        street="Moritzstraße 12",
        categories=["sport"],
        body=[("paragraph", "<p>Wassergewöhnung für Babys ab drei Monaten.</p>")],
    )
    kitas = kita_index(home)
    kita = make_daycare(kitas, title="Kita Sonnenblume", district=styrum, lat="51.45", lon="6.86")
    minder = make_daycare(kitas, title="Tagespflege Anna", district=styrum, lat="51.45", lon="6.86", childminder=True)
    points = contact_point_index(home)
    point = make_contact_point(points, district=styrum, services=["Beratung"])
    event = make_event(point, title="Elterncafé", start_date=datetime.date.today() + datetime.timedelta(days=2))
    places = changing_place_index(home)
    place = make_changing_place(places, title="Stadtbibliothek", district=styrum)
    wiki = wiki_index(home)
    article = make_article(wiki)
    content = ContentPageFactory(parent=home, title="Über uns", slug="ueber-uns", intro="Wer wir sind.")
    districts = district_index(home)
    forum = make_forum("Baby & Kleinkind")
    make_topic(forum, ParentFactory(username="sandra", display_name="Sandra aus Styrum"))
    services.locales_enable(["ar", settings.EASY_GERMAN])
    return {
        "home": "",
        "offer list": f"{offers.slug}/",
        "offer": f"{offers.slug}/{offer.slug}/",
        "Kita search": f"{kitas.slug}/?stadtteil=styrum",
        "Kita": f"{kitas.slug}/{kita.slug}/",
        "childminder": f"{kitas.slug}/{minder.slug}/",
        "Familienpunkte list": f"{points.slug}/",
        "Familienpunkt": f"{points.slug}/{point.slug}/",
        "event": f"{points.slug}/{point.slug}/{event.slug}/",
        "changing places list": f"{places.slug}/",
        "changing place": f"{places.slug}/{place.slug}/",
        "wiki index": f"{wiki.slug}/",
        "wiki article": f"{wiki.slug}/{article.slug}/",
        "districts": f"{districts.slug}/",
        "district": f"{districts.slug}/styrum/",
        "content page": f"{content.slug}/",
        "search results": "suche/?q=Schwimmen",
        "forum index": "forum/",
    }


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(", ".join(node["target"]) for node in violation["nodes"][:TARGETS_SHOWN])
        + (f" … {len(violation['nodes'])} elements" if len(violation["nodes"]) > TARGETS_SHOWN else "")
        for violation in results.response["violations"]
        if violation["impact"] in FAILING_IMPACTS
    ]


@pytest.mark.parametrize("language", ["de", "ar", "de-x-ls"])
def test_no_serious_accessibility_violation_on_any_public_page(live_server, page, language):
    pages = public_pages()
    problems = []
    for name, path in pages.items():
        url = f"/{language}/{path}"
        response = page.goto(f"{live_server.url}{url}")
        assert response.status == 200, f"{name} {url}: {response.status}"
        assert page.locator("html").get_attribute("lang") == language
        problems += [f"{name} {url}: {violation}" for violation in serious_violations(page)]
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_serious_violation(live_server, page):
    # Guards the test above: an unlabelled field and an image without alternative text are reported.
    page.goto(f"{live_server.url}/de/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        ' \'<input type="text" id="unlabelled"><img src="/x.png" id="no-alt">\')'
    )
    found = serious_violations(page)
    assert any(line.startswith("label (critical): #unlabelled") for line in found), found
    assert any(line.startswith("image-alt (critical): #no-alt") for line in found), found


def _log_in(page, base: str, username: str) -> None:
    from tests.factories import browser_log_in

    browser_log_in(page, base, username)  # staff answer the code step


@pytest.mark.parametrize("width,height", [(390, 844), (1366, 900)])
def test_no_serious_violation_on_the_pages_of_guests_members_moderators_and_the_redaktion(
    live_server, browser, width, height
):
    """The pages behind a login or a form: sign-up and login, the Merkliste (guest and member), the profile, the
    notices, the wiki editor, a forum topic with the reply form, the Moderation's member page, the Redaktion's
    review inbox and its decision screen — at phone and laptop width."""
    from community.accounts.roles import MODERATION, REDAKTION
    from community.wiki.services import article_edit
    from home.models import HomePage
    from tests.factories import UserFactory, topic_url

    public_pages()
    home = HomePage.objects.get(depth=2, locale__language_code="de")
    sandra = ParentFactory._meta.model.objects.get(username="sandra")
    wiki = wiki_index(home)
    article = make_article(wiki, title="Hebamme finden", body="## Suchen\nFrüh anrufen.")
    article_edit(
        user=sandra,
        article=article,
        body="## Suchen\nFrüh anrufen.\n\n## Tipp\nAm Markt.",
        summary="Tipp ergänzt",
        base_revision_id=article.latest_revision_id,
    )
    topic = make_topic(make_forum("Kita & Schule"), sandra)
    UserFactory(username="moderatorin", roles=[MODERATION])
    UserFactory(username="redakteurin", roles=[REDAKTION])
    groups = {
        None: ["/konto/login/", "/konto/signup/", "/de/merkliste/", topic_url(topic)],
        "sandra": [
            "/de/merkliste/",
            "/konto/profil/",
            "/konto/benachrichtigungen/",
            f"/de/{wiki.slug}/{article.slug}/bearbeiten/",
            topic_url(topic),
        ],
        "moderatorin": [f"/de/forum/moderation/mitglied/{sandra.pk}/"],
        "redakteurin": ["/admin/pruefen/", f"/admin/pruefen/seite/{article.pk}/"],
    }
    problems = []
    for username, paths in groups.items():
        context = browser.new_context(locale="de-DE", viewport={"width": width, "height": height})
        page = context.new_page()
        if username:
            _log_in(page, live_server.url, username)
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, f"{username} {path}: {response.status}"
            assert page.url == f"{live_server.url}{path}", f"{username} {path}: redirected to {page.url}"
            problems += [f"{username or 'Gast'} {path}: {violation}" for violation in serious_violations(page)]
        context.close()
    assert not problems, "\n".join(problems)
