"""The family wiki: parents edit on the site, the Redaktion approves in the admin; nothing is lost or leaks."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState

from community.accounts.roles import REDAKTION
from community.notifications.models import Notification
from community.wiki import services
from community.wiki.models import (
    WikiAccountStatus,
    WikiArticlePage,
    WikiDiscussion,
    WikiEdit,
    WikiProtection,
    WikiWatch,
)
from tests.factories import PASSWORD, ParentFactory, UserFactory, make_article, wiki_category, wiki_index

pytestmark = pytest.mark.django_db
NEW_TEXT = "## Suchen\nFrüh anrufen, am besten ab der 30. Woche.\n\n## Tipp\nIn der Klinik fragen."


@pytest.fixture
def index(home_page):
    return wiki_index(home_page)


@pytest.fixture
def article(index):
    return make_article(index, categories=[wiki_category()])


@pytest.fixture
def editor():
    return UserFactory(roles=[REDAKTION])


def _edit(client, article, **data):
    form = client.get(article.url + "bearbeiten/")
    base = form.context["form"]["base_revision"].value()
    payload = {"body": NEW_TEXT, "summary": "Woche ergänzt", "watch": "on", "base_revision": base, "save": "1"}
    payload.update(data)
    return client.post(article.url + "bearbeiten/", payload)


def _task_state(article):
    return TaskState.objects.get(workflow_state__object_id=str(article.pk), status=TaskState.STATUS_IN_PROGRESS)


def _approve(client, editor, article):
    client.login(username=editor.username, password=PASSWORD)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", _task_state(article).pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    client.logout()


def _reject(client, editor, article, reason):
    client.login(username=editor.username, password=PASSWORD)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "reject", _task_state(article).pk]),
        {"comment": reason},
    )
    assert response.status_code in (200, 302)
    client.logout()


def test_article_page_shows_toc_categories_last_edit_and_contributors(client, index, article):
    html = client.get(article.url).content.decode()
    assert '<a href="#suchen"><bdi>Suchen</bdi></a>' in html and '<h2 id="suchen">' in html
    assert "Gesundheit" in html and "Zuletzt geändert:" in html
    assert client.get(index.url).status_code == 200
    assert "Kinderarzt finden" in client.get(index.url + "?kategorie=gesundheit").content.decode()


def test_parent_edit_waits_for_approval_then_goes_live(client, django_capture_on_commit_callbacks, article, editor):
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        response = _edit(client, article)
    assert response.status_code == 302
    edit = WikiEdit.objects.get()
    assert (edit.state, edit.author, edit.summary) == (WikiEdit.State.PENDING, parent, "Woche ergänzt")
    assert _task_state(article).workflow_state.workflow.name == "Wiki-Freigabe"
    client.logout()
    # Readers still see the approved text, and a note that a change waits.
    html = client.get(article.url).content.decode()
    assert "30. Woche" not in html and "Änderung wartet auf die Freigabe" in html

    # The Redaktion sees the diff against the live version in the admin, then approves.
    client.login(username=editor.username, password=PASSWORD)
    compare = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, "live", "latest"]))
    assert "30. Woche" in compare.content.decode()
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert (
        "Freigeben und Veröffentlichen" in edit_page and "Eltern bearbeiten diesen Artikel auf der Website" in edit_page
    )
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 Eintrag wartet auf Ihre Entscheidung" in dashboard
    inbox = client.get(reverse("review_inbox")).content.decode()
    assert "Wiki-Änderung" in inbox and "Woche ergänzt" in inbox
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        _approve(client, editor, article)
    assert "30. Woche" in client.get(article.url).content.decode()
    edit.refresh_from_db()
    assert edit.state == WikiEdit.State.PUBLISHED
    assert Notification.objects.get(user=parent).kind == "wiki.approved"
    assert parent.get_display_name() in client.get(article.url).content.decode()  # now a contributor


def test_rejected_edit_never_appears_and_the_author_learns_why(
    client, django_capture_on_commit_callbacks, article, editor
):
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    _edit(client, article, body=NEW_TEXT + "\n\nWerbung: Firma XY hilft für 49 Euro.")
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        _reject(client, editor, article, "Bitte keine Werbung.")
    edit = WikiEdit.objects.get()
    assert (edit.state, edit.reason) == (WikiEdit.State.REJECTED, "Bitte keine Werbung.")
    notice = Notification.objects.get(user=parent)
    assert notice.kind == "wiki.rejected" and "Bitte keine Werbung." in notice.body
    # One mail to the author, from the portal (Wagtail's own mail would link into the admin a parent cannot open).
    assert [message.subject for message in mail.outbox if message.to == [parent.email]] == [
        "[Familienportal] Ihre Änderung an „Kinderarzt finden“ wurde nicht übernommen"
    ]
    client.login(username=parent.username, password=PASSWORD)
    assert "nicht übernommen: <bdi>Bitte keine Werbung.</bdi>" in client.get(reverse("profile")).content.decode()
    client.logout()
    article.refresh_from_db()
    assert "Firma XY" not in client.get(article.url).content.decode()
    assert "Firma XY" not in client.get(article.url + "versionen/").content.decode()
    # The next edit starts from the live text, not from the declined one, and the workflow starts afresh.
    client.login(username=ParentFactory().username, password=PASSWORD)
    assert "Firma XY" not in client.get(article.url + "bearbeiten/").context["form"]["body"].value()
    _edit(client, article, body=article.body + "\n\nNeu.")
    assert _task_state(article).status == TaskState.STATUS_IN_PROGRESS
    # Publishing later never brings the declined text back.
    client.logout()
    _approve(client, editor, article)
    assert "Firma XY" not in WikiArticlePage.objects.get(pk=article.pk).body


def test_pending_edits_stack_rather_than_overwrite(client, article, editor):
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    _edit(client, article, body=article.body + "\n\nErster Zusatz.", summary="eins")
    # The second edit opens with the first one's text and adds to it.
    assert "Erster Zusatz." in client.get(article.url + "bearbeiten/").context["form"]["body"].value()
    _edit(client, article, body=article.body + "\n\nErster Zusatz.\n\nZweiter Zusatz.", summary="zwei")
    other = ParentFactory()
    client.login(username=other.username, password=PASSWORD)
    _edit(client, article, body=article.body + "\n\nErster Zusatz.\n\nZweiter Zusatz.\n\nDritter.", summary="drei")
    client.logout()
    assert WikiEdit.objects.filter(state=WikiEdit.State.PENDING).count() == 3
    _approve(client, editor, article)
    body = WikiArticlePage.objects.get(pk=article.pk).body
    assert all(text in body for text in ("Erster Zusatz.", "Zweiter Zusatz.", "Dritter."))
    assert set(WikiEdit.objects.values_list("state", flat=True)) == {WikiEdit.State.PUBLISHED}


def test_second_editor_gets_a_merge_view_and_loses_nothing(client, article):
    first, second = ParentFactory(), ParentFactory()
    client.login(username=second.username, password=PASSWORD)
    stale_base = client.get(article.url + "bearbeiten/").context["form"]["base_revision"].value()
    # Meanwhile the first parent saves a change at the end.
    services.article_edit(
        user=first,
        article=article,
        body=article.body + "\n\nVom ersten Elternteil.",
        summary="ergänzt",
        base_revision_id=stale_base,
    )
    mine = article.body.replace("Früh anrufen.", "Früh anrufen, gleich nach der Geburt.")
    response = client.post(
        article.url + "bearbeiten/", {"body": mine, "summary": "präzisiert", "base_revision": stale_base, "save": "1"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Der Artikel wurde inzwischen geändert" in html
    assert response.context["conflict"]["mine"] == mine  # the parent's own text, in full
    merged = response.context["form"]["body"].value()
    assert "gleich nach der Geburt" in merged and "Vom ersten Elternteil." in merged
    assert WikiEdit.objects.count() == 1  # nothing saved over the other change
    # Saving the merged text now succeeds on top of the first edit.
    response = client.post(
        article.url + "bearbeiten/",
        {
            "body": merged,
            "summary": "präzisiert",
            "base_revision": response.context["form"]["base_revision"].value(),
            "save": "1",
        },
    )
    assert response.status_code == 302
    assert WikiEdit.objects.count() == 2


def test_colliding_edits_must_be_resolved_before_saving(client, article):
    first, second = ParentFactory(), ParentFactory()
    base = article.get_latest_revision().pk
    services.article_edit(
        user=first,
        article=article,
        body=article.body.replace("Früh anrufen.", "Sofort anrufen."),
        summary="a",
        base_revision_id=base,
    )
    client.login(username=second.username, password=PASSWORD)
    response = client.post(
        article.url + "bearbeiten/",
        {
            "body": article.body.replace("Früh anrufen.", "Rechtzeitig anrufen."),
            "summary": "b",
            "base_revision": base,
            "save": "1",
        },
    )
    merged = response.context["form"]["body"].value()
    assert "<<<<<<< Ihre Fassung\nRechtzeitig anrufen.\n=======\nSofort anrufen.\n>>>>>>>" in merged
    response = client.post(
        article.url + "bearbeiten/",
        {
            "body": merged,
            "summary": "b",
            "base_revision": response.context["form"]["base_revision"].value(),
            "save": "1",
        },
    )
    assert response.status_code == 200 and "entfernen Sie die Markierungen" in response.content.decode()
    assert WikiEdit.objects.count() == 1


def test_failed_save_keeps_the_text_and_a_preview_saves_nothing(client, article):
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    base = article.get_latest_revision().pk
    preview = client.post(
        article.url + "bearbeiten/",
        {"body": "## Neu\n**wichtig**", "summary": "x", "base_revision": base, "preview": "1"},
    )
    assert "<strong>wichtig</strong>" in preview.content.decode() and WikiEdit.objects.count() == 0
    missing_summary = client.post(
        article.url + "bearbeiten/",
        {"body": "Mein langer Text, mühsam getippt.", "summary": "", "base_revision": base, "save": "1"},
    )
    assert missing_summary.status_code == 200
    assert missing_summary.context["form"]["body"].value() == "Mein langer Text, mühsam getippt."
    for number in range(services.MAX_EDITS_PER_HOUR):
        WikiEdit.objects.create(
            article=article,
            revision=article.save_revision(user=parent),
            author=parent,
            summary=str(number),
            state=WikiEdit.State.REJECTED,
        )
    limited = client.post(
        article.url + "bearbeiten/",
        {
            "body": "Mein langer Text, mühsam getippt.",
            "summary": "s",
            "base_revision": article.get_latest_revision().pk,
            "save": "1",
        },
    )
    assert "in der letzten Stunde schon 10 Änderungen" in limited.content.decode()
    assert limited.context["form"]["body"].value() == "Mein langer Text, mühsam getippt."
    assert 'data-wiki-draft-key="wiki-draft-' in limited.content.decode()  # the local draft script is on


@pytest.mark.parametrize("who", ["anonymous", "unconfirmed", "blocked"])
def test_who_may_not_edit(client, article, who):
    if who == "unconfirmed":
        client.login(username=UserFactory(verified=False).username, password=PASSWORD)
    if who == "blocked":
        parent = ParentFactory()
        WikiAccountStatus.objects.create(user=parent, status=WikiAccountStatus.Status.BLOCKED, reason="Spam")
        client.login(username=parent.username, password=PASSWORD)
    response = client.get(article.url + "bearbeiten/")
    posted = client.post(
        article.url + "bearbeiten/",
        {"body": "Spam", "summary": "x", "base_revision": article.get_latest_revision().pk, "save": "1"},
    )
    if who == "anonymous":
        assert response.status_code == 302 and "/konto/login/" in response.url
    else:
        assert response.status_code == 403 and posted.status_code == 403
        assert ("bestätigen Sie zuerst" if who == "unconfirmed" else "gesperrt") in response.content.decode()
    assert WikiEdit.objects.count() == 0


def test_block_with_an_end_date_expires(article):
    parent = ParentFactory()
    WikiAccountStatus.objects.create(
        user=parent, status=WikiAccountStatus.Status.BLOCKED, until=datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    )
    result = services.article_edit(
        user=parent, article=article, body=NEW_TEXT, summary="s", base_revision_id=article.get_latest_revision().pk
    )
    assert result.edit.state == WikiEdit.State.PENDING


def test_protected_article_is_closed_to_parents_but_not_to_the_redaktion(client, article, editor):
    WikiProtection.objects.create(article=article, reason="Notrufnummern")
    client.login(username=ParentFactory().username, password=PASSWORD)
    response = client.get(article.url + "bearbeiten/")
    assert response.status_code == 403 and "geschützt" in response.content.decode()
    assert (
        "bearbeiten/"
        not in client.get(article.url).content.decode().split('class="wiki-actions"')[1].split("</nav>")[0]
    )
    result = services.article_edit(
        user=editor,
        article=article,
        body=NEW_TEXT,
        summary="Redaktion",
        base_revision_id=article.get_latest_revision().pk,
    )
    assert result.published and "30. Woche" in WikiArticlePage.objects.get(pk=article.pk).body


def test_trusted_account_publishes_at_once_and_is_checked_afterwards(client, article, editor):
    parent = ParentFactory()
    WikiAccountStatus.objects.create(user=parent, status=WikiAccountStatus.Status.TRUSTED)
    result = services.article_edit(
        user=parent, article=article, body=NEW_TEXT, summary="s", base_revision_id=article.get_latest_revision().pk
    )
    assert result.published and result.edit.direct and result.edit.state == WikiEdit.State.PUBLISHED
    assert "30. Woche" in client.get(article.url).content.decode()
    client.login(username=editor.username, password=PASSWORD)
    assert "Wiki: nachprüfen" in client.get(reverse("wagtailadmin_home")).content.decode()
    [item] = client.get(reverse("review_inbox") + "?art=wiki-nachpruefen").context["items"]
    assert item.url == reverse("wikiedit:edit", args=[result.edit.pk])
    response = client.post(item.url, {"checked": "on"})
    assert response.status_code == 302
    result.edit.refresh_from_db()
    assert result.edit.checked_by == editor


def test_trusted_edit_waits_when_others_edits_are_pending(article):
    services.article_edit(
        user=ParentFactory(),
        article=article,
        body=NEW_TEXT,
        summary="s",
        base_revision_id=article.get_latest_revision().pk,
    )
    trusted = ParentFactory()
    WikiAccountStatus.objects.create(user=trusted, status=WikiAccountStatus.Status.TRUSTED)
    latest = WikiArticlePage.objects.get(pk=article.pk).get_latest_revision()
    result = services.article_edit(
        user=trusted, article=article, body=NEW_TEXT + "\nmehr", summary="t", base_revision_id=latest.pk
    )
    assert not result.published and "30. Woche" not in WikiArticlePage.objects.get(pk=article.pk).body


def test_history_lists_published_versions_only_and_compares_two(client, article, editor):
    parent = ParentFactory(display_name="Julia aus Saarn")
    services.article_edit(
        user=parent,
        article=article,
        body=NEW_TEXT,
        summary="Woche ergänzt",
        base_revision_id=article.get_latest_revision().pk,
    )
    _approve(client, editor, article)
    pending = services.article_edit(
        user=ParentFactory(),
        article=article,
        body=NEW_TEXT + "\n\nGeheim, noch nicht geprüft.",
        summary="wartet",
        base_revision_id=WikiArticlePage.objects.get(pk=article.pk).get_latest_revision().pk,
    )
    html = client.get(article.url + "versionen/").content.decode()
    assert "Julia aus Saarn" in html and "Woche ergänzt" in html and "wartet auf die Freigabe" in html
    assert "Geheim" not in html and f'value="{pending.edit.revision_id}"' not in html
    compare = client.get(article.url + "vergleich/").content.decode()
    assert "Früh <del>anrufen.</del>" in compare and "Früh <ins>anrufen, am besten ab der 30. Woche.</ins>" in compare
    # A pending revision's id does not open it for the public.
    assert (
        client.get(article.url + f"vergleich/?von={article.live_revision_id}&zu={pending.edit.revision_id}").status_code
        == 404
    )


def test_redaktion_reverts_to_an_earlier_version(client, article, editor):
    first_revision = article.live_revision_id
    parent = ParentFactory()
    services.article_edit(
        user=parent, article=article, body=NEW_TEXT, summary="s", base_revision_id=article.get_latest_revision().pk
    )
    _approve(client, editor, article)
    client.login(username=parent.username, password=PASSWORD)
    assert client.post(article.url + "versionen/", {"revision": first_revision}).status_code == 403
    client.login(username=editor.username, password=PASSWORD)
    assert "Diese Fassung wiederherstellen" in client.get(article.url + "versionen/").content.decode()
    response = client.post(article.url + "versionen/", {"revision": first_revision})
    assert response.status_code == 302
    assert "30. Woche" not in WikiArticlePage.objects.get(pk=article.pk).body


def test_watchers_are_notified_once_by_site_and_mail(client, django_capture_on_commit_callbacks, article, editor):
    watcher, author = ParentFactory(), ParentFactory()
    client.login(username=watcher.username, password=PASSWORD)
    client.post(article.url + "beobachten/", {"watch": "1"})
    assert WikiWatch.objects.filter(user=watcher, article=article).exists()
    client.logout()
    services.article_edit(
        user=author,
        article=article,
        body=NEW_TEXT,
        summary="Woche ergänzt",
        base_revision_id=article.get_latest_revision().pk,
    )
    with django_capture_on_commit_callbacks(execute=True):
        _approve(client, editor, article)
    notice = Notification.objects.get(user=watcher)
    assert notice.kind == "wiki.changed" and "Woche ergänzt" in notice.body
    to_watcher = [message for message in mail.outbox if message.to == [watcher.email]]
    assert len(to_watcher) == 1 and article.title in to_watcher[0].subject
    assert "/konto/benachrichtigungen/" in to_watcher[0].body
    # A second run of the mail task for the same notice sends nothing.
    from community.notifications.tasks import send_notification_mail

    assert send_notification_mail(notice.pk) is False
    assert len([message for message in mail.outbox if message.to == [watcher.email]]) == 1
    # On the site: a counter in the header, the list, and marking as read.
    client.login(username=watcher.username, password=PASSWORD)
    assert '<span class="count">1' in client.get(article.url).content.decode()
    assert "wurde geändert" in client.get(reverse("notifications")).content.decode()
    client.post(reverse("notifications"))
    assert '<span class="count">' not in client.get(article.url).content.decode()
    client.post(article.url + "beobachten/", {"watch": "0"})
    assert not WikiWatch.objects.filter(user=watcher).exists()


def test_parent_proposes_a_new_article_that_appears_after_approval(client, index, editor):
    parent = ParentFactory()
    wiki_category()
    client.login(username=parent.username, password=PASSWORD)
    assert client.get(index.url + "neu/?titel=Deutschkurse").context["form"]["title"].value() == "Deutschkurse"
    response = client.post(
        index.url + "neu/",
        {
            "title": "Deutschkurse mit Kinderbetreuung",
            "teaser": "",
            "body": "## Kurse\nMit Betreuung.",
            "summary": "Neuer Artikel",
            "save": "1",
        },
    )
    assert response.status_code == 302
    article = WikiArticlePage.objects.get(title="Deutschkurse mit Kinderbetreuung")
    assert not article.live
    client.logout()
    assert client.get(index.url).content.decode().count("Deutschkurse") == 0
    _approve(client, editor, article)
    assert "Deutschkurse mit Kinderbetreuung" in client.get(index.url).content.decode()
    client.login(username=parent.username, password=PASSWORD)
    duplicate = client.post(
        index.url + "neu/", {"title": "deutschkurse mit kinderbetreuung", "body": "x", "summary": "y", "save": "1"}
    )
    assert "gibt es schon" in duplicate.content.decode()


def test_discussion_topic_is_created_once_on_first_use(client, article):
    parent = ParentFactory()
    client.login(username=parent.username, password=PASSWORD)
    first = client.post(article.url + "diskussion/")
    assert first.status_code == 302 and "/forum/" in first.url
    second = client.post(article.url + "diskussion/")
    assert second.url == first.url and WikiDiscussion.objects.count() == 1
    topic = WikiDiscussion.objects.get().topic
    assert topic.subject == f"Wiki: {article.title}" and topic.forum.name == "Wiki-Diskussionen"
    client.logout()
    assert 'href="' + first.url + '"' in client.get(article.url).content.decode()


def test_article_page_query_count_does_not_grow_with_links_and_categories(client, index, django_assert_max_num_queries):
    for number in range(5):
        make_article(index, title=f"Artikel {number}", body="x")
    links = " ".join(f"[[Artikel {number}]]" for number in range(5))
    many = make_article(
        index,
        title="Viele Links",
        body=f"## A\n{links}\n\n## B\ntext",
        categories=[wiki_category(), wiki_category("Geld", "geld")],
    )
    few = make_article(index, title="Ein Link", body="## A\n[[Artikel 1]]")
    # Both pages once first: the shared caches (menu, locale and category-name maps) are filled by whichever page
    # needs them first, which is not what this test compares.
    client.get(few.url)
    client.get(many.url)
    with django_assert_max_num_queries(30) as few_queries:
        client.get(few.url)
    with django_assert_max_num_queries(len(few_queries.captured_queries)):
        html = client.get(many.url).content.decode()
    assert html.count('class="wiki-link"') == 5


def test_redaktion_blocks_an_account_and_protects_an_article_in_the_admin(client, article, editor):
    parent = ParentFactory()
    client.login(username=editor.username, password=PASSWORD)
    response = client.post(
        reverse("wikiaccountstatus:add"), {"user": parent.pk, "status": "gesperrt", "reason": "Werbung", "until": ""}
    )
    assert response.status_code == 302
    assert WikiAccountStatus.objects.get(user=parent).set_by == editor
    response = client.post(reverse("wikiprotection:add"), {"article": article.pk, "reason": "Notrufnummern"})
    assert response.status_code == 302
    assert WikiProtection.objects.get(article=article).protected_by == editor
    assert client.get(reverse("wikiedit:index")).status_code == 200
    client.logout()
    client.login(username=parent.username, password=PASSWORD)
    assert "gesperrt" in client.get(article.url + "bearbeiten/").content.decode()


def test_parents_have_no_access_to_the_wiki_admin(client):
    client.login(username=ParentFactory().username, password=PASSWORD)
    assert client.get(reverse("wikiaccountstatus:index")).status_code == 302


@pytest.mark.parametrize("path", ["", "versionen/"])
def test_index_and_history_query_counts_do_not_grow(client, index, django_assert_max_num_queries, path, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # counts what rendering costs; the page cache has its own tests
    from wagtail.models import Page

    def grow(count):
        for number in range(count):
            article = make_article(index, title=f"Thema {Page.objects.count()}-{number}", categories=[wiki_category()])
            services.article_edit(
                user=ParentFactory(),
                article=article,
                body=NEW_TEXT + str(number),
                summary="s",
                base_revision_id=article.get_latest_revision().pk,
                watch=False,
            )
            article.get_latest_revision().publish()
        return article

    def queries(url):
        for _ in range(2):  # warm: the first request of a test creates the site settings row (a write)
            client.get(url)
        with django_assert_max_num_queries(60) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    first = grow(1)
    few = queries(index.url if not path else first.url + path)
    last = grow(6)
    if path:  # the same article, with six more versions
        for number in range(6):
            services.article_edit(
                user=ParentFactory(),
                article=last,
                body=NEW_TEXT + f"v{number}",
                summary="s",
                base_revision_id=WikiArticlePage.objects.get(pk=last.pk).get_latest_revision().pk,
                watch=False,
            )
            WikiArticlePage.objects.get(pk=last.pk).get_latest_revision().publish()
    many = queries(index.url if not path else last.url + path)
    assert many == few
