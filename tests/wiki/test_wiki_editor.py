"""The wiki editor's server side: the live preview renders exactly what the article page would (same sanitizer), only
for members who may edit and only with the CSRF token; article titles for [[wiki links]]; the preview without
JavaScript; the compare view keeps empty lines (paragraph breaks)."""

import re

import pytest
from django.test import Client
from wagtail.models import Page

from community.wiki import services
from community.wiki.models import WikiArticlePage, WikiEdit
from community.wiki.selectors import fold_title
from community.wiki.views import render_body
from tests.factories import PASSWORD, ParentFactory, make_article, wiki_index

pytestmark = pytest.mark.django_db

HOSTILE = (
    "## Tipp\n"
    "Die **Terminservicestelle** hilft. [[Kinderarzt finden]] und [[Hebamme suchen]].\n\n"
    "<script>alert('x')</script>\n\n"
    '<img src="x" onerror="alert(1)">\n\n'
    "[Klick](javascript:alert(2)) und [Stadt](https://www.muelheim-ruhr.de)"
)


@pytest.fixture
def index(home_page):
    return wiki_index(home_page)


@pytest.fixture
def article(index):
    return make_article(index)


@pytest.fixture
def parent(client):
    member = ParentFactory()
    client.login(username=member.username, password=PASSWORD)
    return member


def preview_url(index) -> str:
    return index.url + index.reverse_subpage("preview")


def titles_url(index) -> str:
    return index.url + index.reverse_subpage("titles")


def test_preview_is_sanitized_and_the_same_html_as_the_saved_article(client, index, article, parent):
    response = client.post(preview_url(index), {"body": HOSTILE})
    assert response.status_code == 200
    html = response.json()["html"]
    # Typed HTML is shown as text, never as an element; the javascript: link loses its address.
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;" in html and "<p><a>Klick</a>" in html
    assert "<strong>Terminservicestelle</strong>" in html
    assert f'<a class="wiki-link" href="{article.url}">Kinderarzt finden</a>' in html
    assert "wiki-link--missing" in html and "neu/?titel=Hebamme%20suchen" in html  # an article still to be written
    # The article page shows the very same HTML once the text is saved.
    saved = make_article(index, title="Gespeichert", body=HOSTILE)
    assert html == render_body(text=saved.body, index=index).html
    assert html in client.get(saved.url).content.decode()


def test_preview_needs_a_login_and_a_confirmed_address_and_says_so_in_german(client, index):
    anonymous = client.post(preview_url(index), {"body": "**fett**"})
    assert anonymous.status_code == 401
    assert anonymous.json() == {"error": "Bitte melden Sie sich an, um im Wiki mitzuschreiben."}
    unconfirmed = ParentFactory(verified=False)
    client.login(username=unconfirmed.username, password=PASSWORD)
    refused = client.post(preview_url(index), {"body": "**fett**"})
    assert refused.status_code == 403
    assert "bestätigen Sie zuerst Ihre E-Mail-Adresse" in refused.json()["error"]


def test_preview_needs_the_csrf_token(index, article):
    member = ParentFactory()
    browser = Client(enforce_csrf_checks=True)
    browser.login(username=member.username, password=PASSWORD)
    assert browser.post(preview_url(index), {"body": "**fett**"}).status_code == 403
    browser.get(article.url + "bearbeiten/")  # sets the CSRF cookie, as the edit page does for the script
    token = browser.cookies["csrftoken"].value
    response = browser.post(preview_url(index), {"body": "**fett**"}, headers={"X-CSRFToken": token})
    assert response.status_code == 200 and response.json()["html"] == "<p><strong>fett</strong></p>"


def test_preview_refuses_get_too_long_texts_and_floods_in_german(client, index, parent, settings):
    refused = client.get(preview_url(index))
    assert refused.status_code == 405 and refused["Allow"] == "POST"
    assert refused.json()["error"] == "Die Vorschau wird nur über das Formular abgerufen."
    too_long = client.post(preview_url(index), {"body": "x" * 30_001})
    assert too_long.status_code == 400
    assert too_long.json()["error"] == "Der Text ist zu lang für die Vorschau (höchstens 30000 Zeichen)."
    for _ in range(services.PREVIEWS_PER_MINUTE - 1):
        assert client.post(preview_url(index), {"body": "Hallo"}).status_code == 200
    flooded = client.post(preview_url(index), {"body": "Hallo"})
    assert flooded.status_code == 429
    assert "Bitte warten Sie eine Minute" in flooded.json()["error"]


def test_title_suggestions_are_live_articles_matching_without_regard_to_case_or_umlauts(client, index):
    make_article(index, title="Kinderärzte am Wochenende")
    make_article(index, title="Notdienst der Kinderärzte")
    make_article(index, title="Übergang in die Grundschule")
    draft = make_article(index, title="Kinderärzte in Styrum")
    draft.unpublish()

    def titles(query):
        response = client.get(titles_url(index), {"q": query})
        assert response.status_code == 200
        return [item["title"] for item in response.json()["titles"]]

    # Title starts first, then the rest alphabetically; the unpublished article is never offered.
    assert titles("KINDERÄRZTE") == ["Kinderärzte am Wochenende", "Notdienst der Kinderärzte"]
    assert titles("kinderaerzte") == titles("kinderarzte") == titles("KINDERÄRZTE")
    assert titles("uebergang") == ["Übergang in die Grundschule"] == titles("übergang")
    assert titles("k") == [] and titles("Zahnarzt") == []
    item = client.get(titles_url(index), {"q": "wochenende"}).json()["titles"][0]
    assert item["url"] == WikiArticlePage.objects.get(title="Kinderärzte am Wochenende").url


def test_title_suggestions_are_limited(client, index):
    for number in range(12):
        make_article(index, title=f"Spielplatz {number:02d}")
    response = client.get(titles_url(index), {"q": "spielplatz"})
    assert [item["title"] for item in response.json()["titles"]] == [f"Spielplatz {n:02d}" for n in range(8)]


def test_title_suggestions_come_from_the_readers_language(client, index, article):
    from home.translations.services import locales_enable

    locales_enable(["en"])
    english_index = Page.objects.get(locale__language_code="en", translation_key=index.translation_key).specific
    english = client.get(titles_url(english_index), {"q": "kinderarzt"}).json()["titles"]
    assert [item["url"] for item in english] == [f"/en/{index.slug}/{article.slug}/"]


def test_fold_title_treats_umlauts_spelled_out_and_sharp_s_alike():
    assert fold_title("Straße") == fold_title("STRASSE")
    assert fold_title("Größe") == fold_title("groesse") == fold_title("grosse")


def test_preview_without_javascript_needs_no_summary_and_saves_nothing(client, article, parent):
    response = client.post(
        article.url + "bearbeiten/", {"body": "## Neu\nDie **Terminservicestelle** hilft.", "preview": "1"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<section class="wiki-preview"' in html and "<strong>Terminservicestelle</strong>" in html
    assert "Dieses Feld ist zwingend erforderlich" not in html  # the summary is only needed for saving
    assert "Die **Terminservicestelle** hilft." in html  # the text stays in the text area
    assert not WikiEdit.objects.exists()


def test_preview_without_javascript_of_a_new_article(client, index, parent):
    response = client.post(index.url + "neu/", {"title": "Hebamme suchen", "body": "- eins\n- zwei", "preview": "1"})
    html = response.content.decode()
    assert "<li>eins</li>" in html and 'value="Hebamme suchen"' in html
    assert not WikiEdit.objects.exists()


def test_the_edit_page_carries_the_toolbar_template_and_the_editor_addresses(client, index, article, parent):
    html = client.get(article.url + "bearbeiten/").content.decode()
    assert "<template data-wiki-toolbar" in html and 'role="toolbar" aria-label="Formatierung"' in html
    assert f'data-wiki-preview-url="{preview_url(index)}"' in html
    assert f'data-wiki-titles-url="{titles_url(index)}"' in html
    assert "wiki/wiki-editor.css" in html
    # Without JavaScript the page-reload preview is there.
    assert '<button type="submit" name="preview" value="1"' in html


def test_compare_view_keeps_line_and_paragraph_breaks(client, article, parent):
    old = article.body
    article.body = old + "\n\nNeuer Absatz.\nZweite Zeile."
    article.save_revision().publish()
    html = client.get(article.url + "vergleich/").content.decode()
    rows = re.findall(r'<div class="(diff__line[^"]*)" role="row">(.*?)</div>', html, flags=re.S)
    # "In der Klinik fragen." / new empty line / "Neuer Absatz." / "Zweite Zeile.": each its own row, ending in <br>.
    assert [("blank" if "diff__line--blank" in classes else "text") for classes, _ in rows[-4:]] == [
        "text",
        "blank",
        "text",
        "text",
    ]
    (blank_classes, blank), (_, first), (_, second) = rows[-3:]
    assert "diff__line--added" in blank_classes and "<br>" in blank and "Leerzeile (neuer Absatz)" in blank
    assert "<ins>Neuer Absatz.</ins><br>" in first and "<ins>Zweite Zeile.</ins><br>" in second


def test_admin_comparison_for_the_redaktion_keeps_line_breaks(client, article):
    from django.urls import reverse

    from community.accounts.roles import REDAKTION
    from tests.factories import UserFactory

    article.body = article.body + "\n\n- Neuer Punkt\n- Zweiter Punkt"
    article.save_revision()  # waiting, as a parent's edit would
    editor = UserFactory(roles=[REDAKTION])
    client.login(username=editor.username, password=PASSWORD)
    html = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, "live", "latest"])).content
    html = html.decode()
    assert "## Suchen<br>\nFrüh anrufen.<br>\n<br>\n## Tipp" in html
    assert 'In der Klinik fragen.<span class="addition"><br>\n<br>\n- Neuer Punkt<br>\n- Zweiter Punkt</span>' in html
