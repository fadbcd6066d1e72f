"""Content translation as the Redaktion runs it: every section in every language from the start, translations
reviewed before they go live, outdated translations marked for editors and readers, sitemap and hreflang."""

import datetime
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale, Page

from community.accounts.roles import REDAKTION
from home.translations import demo, selectors, services
from home.translations.models import PendingTranslation
from tests.factories import PASSWORD, ContentPageFactory, UserFactory, make_offer, offer_index

ENGLISH = {
    "Über die Ferien": "About the holidays",
    "Was Familien in den Ferien erwartet.": "What families can expect in the holidays.",
}


@pytest.fixture
def about(home_page):
    return ContentPageFactory(
        parent=home_page, title="Über die Ferien", slug="ferien", intro="Was Familien in den Ferien erwartet."
    )


@pytest.fixture
def languages(about):
    services.locales_enable(["en", "uk"])
    return Locale.objects.get(language_code="en"), Locale.objects.get(language_code="uk")


def test_switching_a_language_on_gives_every_section_a_page_there(client, about, languages):
    english, _ukrainian = languages
    alias = about.get_translation(english)
    assert alias.alias_of_id == about.pk
    assert client.get("/en/ferien/").status_code == 200
    # A German page published later (not through the page editor: demo, import, a parent's wiki article) too.
    offers = offer_index(about.get_parent())
    offer = make_offer(offers, title="Ferienspiele", slug="ferienspiele")
    assert offer.get_translation(english).alias_of_id == offer.pk
    assert client.get("/uk/angebote/ferienspiele/").status_code == 200


def test_a_translated_page_replaces_the_german_fallback(client, about, languages):
    assert demo.translate_instance(about, "en", ENGLISH)
    html = client.get("/en/ferien/").content.decode()
    assert "<h1>About the holidays</h1>" in html and "translation-notice" not in html
    german = client.get("/de/ferien/").content.decode()
    assert re.search(r'<link rel="alternate" hreflang="en" href="[^"]*/en/ferien/">', german), german[:1500]
    assert 'hreflang="uk"' not in re.findall(r"<link rel=\"alternate\"[^>]*>", german).__str__()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/ferien/" in sitemap and "/uk/ferien/" not in sitemap
    assert re.search(r'hreflang="en" href="[^"]*/en/ferien/"', sitemap)


def _redaktion(username):
    from community.accounts.roles_sync import roles_sync

    roles_sync()
    return UserFactory(username=username, roles=[REDAKTION])


def test_a_translation_waits_for_the_redaktion_and_readers_keep_the_german_text_until_then(client, about, languages):
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    translator, reviewer = _redaktion("uebersetzerin"), _redaktion("pruefer")
    english, _ = languages
    alias = about.get_translation(english)
    source, _created = TranslationSource.update_or_create_from_instance(about)
    Translation.objects.get_or_create(source=source, target_locale=english)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in ENGLISH:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=english,
                context=segment.context,
                data=ENGLISH[segment.string.data],
                translation_type="manual",
            )

    client.login(username=translator.username, password=PASSWORD)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[alias.pk]), {"action": "publish"}, follow=True)
    assert "wartet jetzt auf die Freigabe durch die Redaktion" in response.content.decode()
    page = Page.objects.get(pk=alias.pk)
    assert page.alias_of_id is None and page.workflow_in_progress
    assert PendingTranslation.objects.filter(page=page).exists()
    client.logout()
    html = client.get("/en/ferien/").content.decode()
    assert "translation-notice" in html and '<h1 lang="de" dir="ltr">Über die Ferien</h1>' in html

    client.login(username=reviewer.username, password=PASSWORD)
    task_state = page.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
    )
    client.logout()
    html = client.get("/en/ferien/").content.decode()
    assert "<h1>About the holidays</h1>" in html and "translation-notice" not in html
    assert not PendingTranslation.objects.exists()


def test_a_changed_german_source_marks_its_translation_outdated_for_readers_and_editors(client, about, languages):
    demo.translate_instance(about, "en", ENGLISH)
    translated = about.get_translation(Locale.objects.get(language_code="en"))
    Page.objects.filter(pk=translated.pk).update(
        last_published_at=translated.last_published_at - datetime.timedelta(days=1)
    )
    about.intro = "Was Familien in den Herbstferien erwartet."
    about.save_revision().publish()

    html = client.get("/en/ferien/").content.decode()
    assert "translation-notice--outdated" in html and 'href="/de/ferien/"' in html
    assert [page.pk for page, _source in selectors.outdated_translations()] == [translated.pk]
    editor = _redaktion("redakteur")
    client.login(username=editor.username, password=PASSWORD)
    report = client.get(reverse("translations_report")).content.decode()
    assert "About the holidays" in report
    assert "1 veraltete Übersetzung" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_parents_cannot_open_the_translation_report(client, about):
    from tests.factories import ParentFactory

    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    assert client.get(reverse("translations_report")).status_code in (302, 403)


def test_categories_chosen_on_the_german_page_reach_its_translations(home_page):
    from home.offers.models import OfferCategory

    offers = offer_index(home_page)
    offer = make_offer(offers, title="Ferienspiele", categories=("sport",))
    services.locales_enable(["en"])
    demo.translate_instance(
        offer,
        "en",
        {"Ferienspiele": "Holiday games", "Ferienspiele: ein Angebot für Familien.": "Holiday games for families."},
    )
    offer.categories = list(OfferCategory.objects.filter(slug__in=["sport", "ferienbetreuung"]))
    offer.save_revision().publish()
    english = offer.get_translation(Locale.objects.get(language_code="en")).specific
    assert {c.slug for c in english.categories.all()} == {"sport", "ferienbetreuung"}


def test_the_language_links_lead_to_each_languages_own_page(client, about, languages):
    demo.translate_instance(about, "en", ENGLISH)
    english = about.get_translation(languages[0])
    english.slug = "holidays"
    english.save_revision().publish()
    html = client.get("/de/ferien/").content.decode()
    assert 'href="/en/holidays/" hreflang="en"' in html
    assert 'href="/uk/ferien/" hreflang="uk"' in html


def test_machine_prefill_is_off_unless_a_self_hosted_libretranslate_is_configured():
    assert settings.LIBRETRANSLATE_URL == "" and not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
    probe = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='portal.settings.test'; django.setup();"
        "from django.conf import settings; print(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['OPTIONS']['LIBRETRANSLATE_URL'])"
    )
    root = str(settings.BASE_DIR)
    env = {
        "PORTAL_LIBRETRANSLATE_URL": "http://translate.intern:5000",
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": f"{root}:{root}/site",
    }
    result = subprocess.run([sys.executable, "-c", probe], env=env, cwd=root, capture_output=True, text=True)
    assert result.stdout.strip() == "http://translate.intern:5000", result.stderr[-2000:]
