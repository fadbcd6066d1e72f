"""Wiki categories are snippets the Redaktion translates with wagtail-localize ("Übersetzen" in the admin's wiki
menu); readers see names and descriptions in their language, articles keep their German categories."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.admin.menu import admin_menu
from wagtail.models import Locale

from community.accounts.roles import REDAKTION
from community.wiki.models import WikiArticlePage, WikiCategory
from community.wiki.search_documents import wiki_article_document
from tests.factories import PASSWORD, ParentFactory, UserFactory, make_article, wiki_category, wiki_index
from tests.factories.localize import translate_snippet

pytestmark = pytest.mark.django_db


def wiki_menu_urls(user) -> list[str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    with translation.override("de"):
        group = next(item for item in admin_menu.menu_items_for_request(request) if item.label == "Familien-Wiki")
        return [item.url for item in group.menu.menu_items_for_request(request)]


@pytest.fixture
def index(home_page):
    return wiki_index(home_page)


@pytest.fixture
def health():
    category = wiki_category()
    category.description = "Ärztinnen, Vorsorge und Notdienste"
    category.save()
    return category


@pytest.fixture
def school():
    return wiki_category(name="Schule", slug="schule")


@pytest.fixture
def article(index, health, school):
    return make_article(index, categories=[health, school])


@pytest.fixture
def health_in_english(health):
    return translate_snippet(health, "en", name="Health", description="Doctors, check-ups and emergency services")


def test_the_index_names_categories_in_english_and_filters_by_the_same_slug(client, index, article, health_in_english):
    english = client.get("/en/wiki/", {"kategorie": "gesundheit"})
    html = english.content.decode()
    assert '?kategorie=gesundheit" aria-current="page">Health</a>' in html
    assert '<h2 id="wiki-articles-title">Health</h2>' in html
    assert "<p>Doctors, check-ups and emergency services</p>" in html
    assert '<span class="tag">Health</span>' in html
    assert '<span class="tag"><span lang="de" dir="ltr">Schule</span></span>' in html
    assert [a.title for a in english.context["articles"]] == ["Kinderarzt finden"]
    # One entry per category: the translation is no second one.
    assert [c.slug for c in english.context["categories"]] == ["gesundheit", "schule"]

    german = client.get("/de/wiki/", {"kategorie": "gesundheit"})
    assert [a.title for a in german.context["articles"]] == ["Kinderarzt finden"]
    assert "<p>Ärztinnen, Vorsorge und Notdienste</p>" in german.content.decode()
    assert "Health" not in german.content.decode()


def test_the_categories_are_listed_alphabetically_in_the_readers_language(client, index, article, school):
    translate_snippet(school, "en", name="Childcare and school")
    listed = client.get("/en/wiki/").context["categories"]
    with translation.override("en"):
        assert [c.localized_name for c in listed] == ["Childcare and school", "Gesundheit"]


def test_the_article_page_links_localized_categories(client, article, health_in_english):
    html = client.get("/en" + article.url[3:]).content.decode()
    assert '?kategorie=gesundheit">Health</a>' in html
    assert '?kategorie=schule"><span lang="de" dir="ltr">Schule</span></a>' in html


def test_the_proposal_form_offers_the_originals_in_the_readers_language(client, index, health_in_english, school):
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    form = client.get("/en" + index.url[3:] + "neu/")
    html = form.content.decode()
    assert list(form.context["form"].fields["categories"].queryset) == [
        WikiCategory.objects.originals().get(slug="gesundheit"),
        school,
    ]
    assert '">Health</label>' in html
    assert '"><span lang="de" dir="ltr">Schule</span></label>' in html


def test_the_page_editor_offers_only_the_originals(health_in_english):
    form = WikiArticlePage.get_edit_handler().get_form_class()()
    assert health_in_english not in form.fields["categories"].queryset
    assert set(form.fields["categories"].queryset.values_list("locale__language_code", flat=True)) == {"de"}


def test_search_documents_name_categories_in_the_articles_language(article, health_in_english):
    with translation.override("en"):  # whoever triggers the indexing: a German article has German categories
        assert wiki_article_document(article).categories == ["Gesundheit", "Schule"]


def test_the_redaktion_translates_categories_from_the_wiki_menu(client, health):
    redaktion = UserFactory(roles=[REDAKTION])
    client.force_login(redaktion)
    listing = reverse("wagtailsnippets_wiki_wikicategory:list")
    assert listing == "/admin/snippets/wiki/wikicategory/"
    assert listing in wiki_menu_urls(redaktion)  # the entry stays in the "Familien-Wiki" menu group
    assert client.get(listing).status_code == 200

    translator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(translator)
    submit = reverse("wagtail_localize:submit_snippet_translation", args=["wiki", "wikicategory", health.pk])
    assert submit in client.get(listing).content.decode()  # the "Übersetzen" button
    english = Locale.objects.get(language_code="en")
    response = client.post(submit, {"locales": [english.pk]})
    assert response.status_code == 302
    translated = WikiCategory.objects.get(translation_key=health.translation_key, locale=english)
    assert translated.slug == "gesundheit"
    assert response.url == reverse("wagtailsnippets_wiki_wikicategory:edit", args=[translated.pk])
    assert client.get(response.url).status_code == 200  # wagtail-localize's translation editor
