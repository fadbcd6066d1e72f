"""The portal in the reader's language, on a phone: a Turkish-speaking parent switches language and finds a
translated offer, Arabic pages are mirrored while German fallback text keeps its own direction, and the Redaktion
translates a page into Ukrainian in wagtail-localize's editor, which goes live only after a second member's review."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import Locator, Page, expect

from community.accounts.roles import REDAKTION
from tests.factories import ContentPageFactory, UserFactory, browser_log_in, district, make_offer, offer_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ["en", "tr", "ar", "uk", "ru"]
NOTICE = "Diese Seite ist noch nicht in Ihre Sprache übersetzt. Sie sehen die deutsche Fassung."

# The German holiday offer and its translations, keyed by wagtail-localize's segment text.
FERIENSPIELE = {
    "title": "Ferienspiele Sommer Styrum",
    "summary": "Spiele, Basteln und Ausflüge in den Sommerferien.",
    "body": "Jeden Tag von 9 bis 15 Uhr, mit Mittagessen.",
}
TURKISH = {
    "Ferienspiele Sommer Styrum": "Yaz tatili oyunları Styrum",
    "Spiele, Basteln und Ausflüge in den Sommerferien.": "Yaz tatilinde oyunlar, el işleri ve geziler.",
    "Jeden Tag von 9 bis 15 Uhr, mit Mittagessen.": "Her gün saat 9'dan 15'e kadar, öğle yemeği dahil.",
}
ARABIC = {
    "Ferienspiele Sommer Styrum": "ألعاب العطلة الصيفية في شتيروم",
    "Spiele, Basteln und Ausflüge in den Sommerferien.": "ألعاب وأشغال يدوية ورحلات خلال العطلة الصيفية.",
    "Jeden Tag von 9 bis 15 Uhr, mit Mittagessen.": "كل يوم من الساعة 9 حتى الساعة 15، مع وجبة غداء.",
}
UKRAINIAN = {
    "Familienleistungen": "Виплати для сімей",
    "Geld und Hilfen für Familien in Mülheim.": "Гроші та допомога для сімей у Мюльгаймі.",
}


def notice_in(language: str) -> str:
    with translation.override(language):
        return translation.gettext(NOTICE)


def ferienspiele(home_page, **fields):
    return make_offer(
        offer_index(home_page),
        title=FERIENSPIELE["title"],
        summary=FERIENSPIELE["summary"],
        body=[("paragraph", f"<p>{FERIENSPIELE['body']}</p>")],
        categories=["ferienbetreuung"],
        district=district("styrum"),
        **fields,
    )


def translated(page, language: str, strings: dict[str, str]):
    from wagtail.models import Locale

    from home.translations import demo

    assert demo.translate_instance(page, language, strings), f"{page} not translated into {language}"
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def declared_language(locator: Locator) -> str:
    return locator.evaluate("element => element.closest('[lang]').getAttribute('lang')")


def direction(locator: Locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).direction")


# The first visible character of an element's first text and the last one on the same line, as laid out on screen.
FIRST_LINE_ENDS = """element => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.data.trim()) node = walker.nextNode();
    const box = index => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const rect = range.getBoundingClientRect();
        return {char: node.data[index], left: rect.left, right: rect.right, top: rect.top};
    };
    const start = node.data.search(/\\S/);
    const first = box(start);
    let last = first;
    for (let index = start + 1; index < node.data.trimEnd().length; index++) {
        const next = box(index);
        if (Math.abs(next.top - first.top) > 2) break;
        if (next.char.trim()) last = next;
    }
    return {first, last};
}"""


def first_line_ends(locator: Locator) -> tuple[dict, dict]:
    """Boxes of the first character and of the last one on the first line (in reading order)."""
    boxes = locator.evaluate(FIRST_LINE_ENDS)
    return boxes["first"], boxes["last"]


def right_to_left_problems(items: Locator) -> list[str]:
    """Links of a menu in right-to-left order: the first at the right edge, each next one to the left of the one
    before it or on a later line. (Links, not list items: a block-level item spans the whole line either way.)"""
    boxes = items.evaluate_all(
        "elements => elements.map(e => { const r = e.getBoundingClientRect();"
        " return {text: e.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"
    )
    assert len(boxes) > 1, boxes
    problems = []
    if boxes[0]["right"] < max(box["right"] for box in boxes) - 1:
        problems.append(f"first item {boxes[0]['text']!r} is not at the right edge")
    for before, after in zip(boxes, boxes[1:]):
        if not (after["top"] >= before["bottom"] - 1 or after["right"] <= before["left"] + 1):
            problems.append(f"{after['text']!r} is not left of {before['text']!r} nor below it")
    return problems


def test_turkish_speaking_parent_switches_language_and_reads_a_translated_holiday_offer(live_server, page):
    from home.models import HomePage
    from home.translations import services

    home = HomePage.objects.get(depth=2)
    offer = ferienspiele(home)
    german_only = ContentPageFactory(
        parent=home, title="Elterngeld beantragen", slug="elterngeld", intro="So stellen Sie den Antrag."
    )
    services.locales_enable(LANGUAGES)
    turkish = translated(offer, "tr", TURKISH)

    page.goto(f"{live_server.url}/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    page.locator("summary.language-menu__toggle").click()  # the language list folds on a phone
    page.locator("nav.language-links").get_by_role("link", name="Türkçe").click()
    page.wait_for_url(f"{live_server.url}/tr/")
    assert page.locator("html").get_attribute("lang") == "tr"
    assert page.locator("html").get_attribute("dir") == "ltr"

    search = page.get_by_role("search").first
    search.get_by_role("searchbox").fill("tatil")
    search.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(r"/tr/suche/\?q=tatil"))
    page.get_by_role("main").get_by_role("link", name=TURKISH[FERIENSPIELE["title"]]).click()

    page.wait_for_url(f"{live_server.url}{turkish.url}")
    assert turkish.url == "/tr/angebote/ferienspiele-sommer-styrum/"
    title = page.get_by_role("heading", level=1)
    expect(title).to_have_text(TURKISH[FERIENSPIELE["title"]])
    assert declared_language(title) == "tr"
    expect(page.locator(".offer .lead")).to_have_text(TURKISH[FERIENSPIELE["summary"]])
    expect(page.locator(".offer .content-body")).to_contain_text(TURKISH[FERIENSPIELE["body"]])
    assert declared_language(page.locator(".offer .content-body")) == "tr"
    expect(page.locator(".translation-notice")).to_have_count(0)
    # The language links lead to this offer in the other languages, not to their home pages.
    page.locator("summary.language-menu__toggle").click()
    expect(page.locator("nav.language-links").get_by_role("link", name="Deutsch")).to_have_attribute("href", offer.url)

    # A page nobody has translated yet: the reader is told so in Turkish, and the German text is marked German.
    page.goto(f"{live_server.url}/tr/{german_only.slug}/")
    title = page.get_by_role("heading", level=1)
    expect(title).to_have_text("Elterngeld beantragen")
    assert declared_language(title) == "de"
    assert declared_language(page.locator(".content-page .lead")) == "de"
    assert declared_language(page.locator(".content-page .content-body")) == "de"
    notice = page.locator(".translation-notice")
    expect(notice).to_be_visible()
    assert declared_language(notice) == "tr"
    assert notice_in("tr") != NOTICE, "locale/tr has no translation of the fallback notice"
    expect(notice).to_have_text(notice_in("tr"))


def test_arabic_pages_are_mirrored_and_german_fallback_text_keeps_its_direction(live_server, page):
    from home.models import HomePage
    from home.translations import services

    home = HomePage.objects.get(depth=2)
    offer = ferienspiele(home)
    untranslated = make_offer(
        offer_index(home), title="Malen im Sommer", summary="Malen für Kinder.", district=district("saarn")
    )
    services.locales_enable(LANGUAGES)
    arabic = translated(offer, "ar", ARABIC)

    page.goto(f"{live_server.url}/ar/")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    assert direction(page.get_by_role("main")) == "rtl"
    assert not right_to_left_problems(page.locator("nav.language-links a"))
    assert not right_to_left_problems(page.locator("nav.main-nav .main-nav__list > li > a"))

    # A translated offer reads from right to left: its first letter is at the right end of the line.
    page.goto(f"{live_server.url}{arabic.url}")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    assert direction(page.get_by_role("main")) == "rtl"
    title = page.get_by_role("heading", level=1)
    expect(title).to_have_text(ARABIC[FERIENSPIELE["title"]])
    assert direction(title) == "rtl"
    first, last = first_line_ends(title)
    assert first["left"] > last["right"] - 1, (first, last)
    expect(page.locator(".translation-notice")).to_have_count(0)

    # German fallback on an Arabic page runs left to right: its full stop stays at the end of the sentence.
    page.goto(f"{live_server.url}/ar/angebote/{untranslated.slug}/")
    assert direction(page.get_by_role("main")) == "rtl"
    summary = page.locator(".offer .lead")
    expect(summary).to_have_text("Malen für Kinder.")
    assert declared_language(summary) == "de"
    assert direction(summary) == "ltr"
    first, last = first_line_ends(summary)
    assert (first["char"], last["char"]) == ("M", "."), "the sentence is on one line, its full stop last"
    assert last["left"] > first["right"], (first, last)
    assert direction(page.get_by_role("heading", level=1)) == "ltr"
    # The menus keep the Arabic order on every page.
    assert not right_to_left_problems(page.locator("nav.language-links a"))
    # The note about the German text is Arabic and mirrored (a German note would put its full stop first).
    notice = page.locator(".translation-notice")
    assert direction(notice) == "rtl"
    assert notice_in("ar") != NOTICE, "locale/ar has no translation of the fallback notice"
    expect(notice).to_have_text(notice_in("ar"))


def _log_in(admin: Page, url: str, username: str) -> None:
    browser_log_in(admin, url, username, next_url="/admin/")  # the admin's login is allauth's, with the code step
    admin.wait_for_url(f"{url}/admin/")


def test_redaktion_translates_a_page_into_ukrainian_and_a_second_member_approves_it(live_server, page, browser):
    from wagtail.models import Locale
    from wagtail.models import Page as WagtailPage

    from community.accounts.roles_sync import roles_sync
    from home.models import HomePage
    from home.translations import services

    home = HomePage.objects.get(depth=2)
    section = ContentPageFactory(
        parent=home,
        title="Familienleistungen",
        slug="familienleistungen",
        intro="Geld und Hilfen für Familien in Mülheim.",
    )
    ContentPageFactory(parent=section, title="Elterngeld beantragen", slug="elterngeld", intro="So geht es.")
    ferienspiele(home)
    services.locales_enable(LANGUAGES)
    roles_sync()
    UserFactory(username="olena", display_name="Olena", roles=[REDAKTION])
    UserFactory(username="petra", display_name="Petra", roles=[REDAKTION])
    alias = section.get_translation(Locale.objects.get(language_code="uk"))
    assert alias.alias_of_id == section.pk
    reader_urls = ["/uk/", "/uk/familienleistungen/", "/uk/familienleistungen/elterngeld/", "/uk/angebote/"]

    def readers_reach_every_section(moment: str) -> None:
        for url in reader_urls:
            response = page.request.get(f"{live_server.url}{url}")
            assert response.status == 200, f"{url} {moment}: {response.status}"

    def reader_sees(title: str, *, notice: bool) -> None:
        page.goto(f"{live_server.url}/uk/familienleistungen/")
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.locator(".translation-notice")).to_have_count(1 if notice else 0)

    readers_reach_every_section("before the translation")
    reader_sees("Familienleistungen", notice=True)

    desk = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    admin = desk.new_page()
    _log_in(admin, live_server.url, "olena")
    admin.goto(f"{live_server.url}/admin/pages/{alias.pk}/edit/")
    admin.get_by_role("link", name="Diese Seite übersetzen").click()
    expect(admin.get_by_role("checkbox", name="Українська")).to_be_checked()
    admin.get_by_role("button", name="Absenden").click()
    admin.wait_for_url(f"{live_server.url}/admin/pages/{alias.pk}/edit/")
    readers_reach_every_section("once the alias became a page of its own")
    reader_sees("Familienleistungen", notice=True)

    # wagtail-localize's editor: each segment is translated and saved on its own.
    for german, ukrainian in UKRAINIAN.items():
        segment = admin.locator("li:has(> p)").filter(has=admin.get_by_text(german, exact=True), visible=True)
        segment.get_by_role("button", name="Übersetzen").click()
        segment.locator("textarea").fill(ukrainian)
        segment.get_by_role("button", name="Speichern").click()
        expect(segment.get_by_role("button", name="Bearbeiten")).to_be_visible()
        expect(segment).to_contain_text(ukrainian)
    readers_reach_every_section("while the translation is being written")

    admin.get_by_role("button", name="Veröffentlichen in Українська").click()
    expect(admin.get_by_text("wartet jetzt auf die Freigabe durch die Redaktion")).to_be_visible()
    translated_page = WagtailPage.objects.get(pk=alias.pk)
    assert translated_page.workflow_in_progress
    assert translated_page.current_workflow_state.status == "in_progress"
    readers_reach_every_section("while the translation waits for review")
    reader_sees("Familienleistungen", notice=True)
    assert declared_language(page.get_by_role("heading", level=1)) == "de"
    page.goto(f"{live_server.url}/de/familienleistungen/")
    expect(page.locator('link[rel="alternate"][hreflang="uk"]')).to_have_count(0)
    desk.close()

    # A second member of the Redaktion reviews it from the dashboard.
    desk = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    admin = desk.new_page()
    _log_in(admin, live_server.url, "petra")
    row = (
        admin.get_by_role("region", name="Ihre Überprüfung steht aus")
        .locator("tr")
        .filter(has_text=UKRAINIAN["Familienleistungen"])
    )
    expect(row).to_be_visible()
    row.get_by_role("button", name="Aktionen").click()
    with admin.expect_navigation():
        row.get_by_role("button", name="Freigeben", exact=True).click()
    desk.close()

    readers_reach_every_section("after the approval")
    reader_sees(UKRAINIAN["Familienleistungen"], notice=False)
    assert declared_language(page.get_by_role("heading", level=1)) == "uk"
    expect(page.locator(".content-page .lead")).to_have_text(UKRAINIAN["Geld und Hilfen für Familien in Mülheim."])
    page.goto(f"{live_server.url}/de/familienleistungen/")
    expect(page.locator('link[rel="alternate"][hreflang="uk"]')).to_have_attribute(
        "href", re.compile(r"^https?://[^/]+/uk/familienleistungen/$")
    )
