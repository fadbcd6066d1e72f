"""Thin views of the family wiki: reading, editing with preview and conflict view, history, diff, watch, discussion."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from community.wiki import markup, services
from community.wiki.diff import text_diff
from community.wiki.forms import EditForm, PreviewForm, ProposeForm
from community.wiki.models import WikiArticlePage, WikiCategory, WikiDiscussion
from community.wiki.selectors import (
    article_history as article_history_of,
)
from community.wiki.selectors import (
    article_title_suggestions,
    articles_linking,
    contributors,
    edit_refusal,
    edit_source,
    is_editor,
    is_protected,
    is_watching,
    pending_edits,
    published_revision_ids,
    visible_revision,
)
from community.wiki.services import EditConflict
from core.page_cache import cached_fragment
from core.restrictions import public
from core.submit_once import submit_once
from core.translatable import localized_sorted

SAVED_SESSION_KEY = "wiki_saved_article"


def _index_of(article):
    return article.get_parent().specific


def render_body(*, text: str, index) -> markup.Rendered:
    links = articles_linking(titles=markup.wiki_link_titles(text), index=index)
    propose_url = index.url + index.reverse_subpage("propose")
    return markup.render(
        text,
        resolve=lambda title: links.get(title.lower()),
        missing_url=lambda title: f"{propose_url}?titel={quote(title)}",
    )


def wiki_index_context(*, request: HttpRequest, index) -> dict:
    categories = localized_sorted(WikiCategory.objects.originals())
    articles = public(WikiArticlePage.objects.live()).child_of(index).prefetch_related("categories").order_by("title")
    selected = next((category for category in categories if category.slug == request.GET.get("kategorie")), None)
    if selected:
        articles = articles.filter(categories=selected)
    recent = public(WikiArticlePage.objects.live()).child_of(index).order_by("-last_published_at")[:6]
    return {
        "categories": categories,
        "selected_category": selected,
        "articles": articles,
        "recent_articles": recent,
        "propose_url": index.url + index.reverse_subpage("propose"),
        "saved_article": request.session.pop(SAVED_SESSION_KEY, None) if request.user.is_authenticated else None,
    }


def _article_facts(article) -> dict:
    """What every reader of the article sees: its text, its authors, edits waiting, protection, discussion."""
    rendered = render_body(text=article.body, index=_index_of(article))
    discussion = WikiDiscussion.objects.filter(article_id=article.pk).select_related("topic__forum").first()
    return {
        "body_html": rendered.html,
        "toc": rendered.toc,
        "contributors": contributors(article=article),
        "pending_count": len(pending_edits(article=article)),
        "protected": is_protected(article=article),
        "discussion_url": _topic_url(discussion.topic) if discussion else None,
    }


def article_context(*, request: HttpRequest, article) -> dict:
    if getattr(request, "is_preview", False):
        facts = _article_facts(article)  # a draft's text
    else:  # kept until anything changes (an edit, a review, a new discussion): core/page_cache.py
        facts = cached_fragment("wiki-article", lambda: _article_facts(article), parts=(article.pk,))
    member = request.user.is_authenticated
    return {
        **facts,
        "edit_refusal": edit_refusal(user=request.user, article=article, protected=facts["protected"])
        if member
        else None,
        "watching": is_watching(user=request.user, article=article),
        "saved_article": request.session.pop(SAVED_SESSION_KEY, None) if member else None,
    }


def _topic_url(topic) -> str:
    return reverse(
        "forum_conversation:topic",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum.pk, "slug": topic.slug, "pk": topic.pk},
    )


def _refuse(request: HttpRequest, article, refusal: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(request, "wiki/refused.html", {"page": article, "refusal": refusal}, status=403)


def editor_urls(*, index) -> dict[str, str]:
    """Where the editor's script asks for a preview and for article titles: the wiki of the reader's language."""
    return {
        "preview_url": index.url + index.reverse_subpage("preview"),
        "titles_url": index.url + index.reverse_subpage("titles"),
    }


def _form_preview(*, form, index) -> markup.Rendered | None:
    """The preview button without JavaScript: only the text has to be valid; a missing summary is asked for on saving,
    so its error would only distract here."""
    form.is_valid()
    if "body" in form.errors:
        return None
    for name in [name for name in form.errors if name != "body"]:
        del form.errors[name]
    return render_body(text=form.cleaned_data["body"], index=index)


def article_preview(request: HttpRequest, *, index) -> JsonResponse:
    """The editor's live preview: the same rendering and sanitizer as the article page, for members who may edit."""
    if request.method != "POST":
        response = JsonResponse({"error": _("Die Vorschau wird nur über das Formular abgerufen.")}, status=405)
        response["Allow"] = "POST"
        return response
    refusal = edit_refusal(user=request.user)
    if refusal:
        return JsonResponse({"error": refusal}, status=401 if not request.user.is_authenticated else 403)
    if not services.preview_allowed(user=request.user):
        return JsonResponse(
            {"error": _("Sie haben sehr viele Vorschauen in kurzer Zeit abgerufen. Bitte warten Sie eine Minute.")},
            status=429,
        )
    form = PreviewForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": " ".join(form.errors["body"])}, status=400)
    rendered = render_body(text=form.cleaned_data["body"], index=index)
    return JsonResponse({"html": rendered.html})


def article_titles(request: HttpRequest, *, index) -> JsonResponse:
    """Titles for [[wiki links]] while typing: live articles of this language's wiki."""
    titles = article_title_suggestions(index=index, query=request.GET.get("q", "")[:120])
    return JsonResponse({"titles": titles})


@submit_once
def article_edit(request: HttpRequest, *, article) -> HttpResponse:
    refusal = edit_refusal(user=request.user, article=article)
    if refusal:
        return _refuse(request, article, refusal)
    latest, draft = edit_source(article=article)
    form = EditForm(
        request.POST or None,
        initial={"body": draft.body, "base_revision": latest.pk if latest else None, "watch": True},
    )
    context = {
        "page": article,
        "form": form,
        "pending": pending_edits(article=article),
        "conflict": None,
        "preview": None,
        **editor_urls(index=_index_of(article)),
    }
    if request.method == "POST" and "preview" in request.POST:
        context["preview"] = _form_preview(form=form, index=_index_of(article))
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = services.article_edit(
                user=request.user,
                article=article,
                body=data["body"],
                summary=data["summary"],
                base_revision_id=data.get("base_revision"),
                watch=data.get("watch", False),
            )
        except EditConflict as conflict:
            context["conflict"] = _conflict_context(form=form, conflict=conflict, mine=data["body"])
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
        else:
            request.session[SAVED_SESSION_KEY] = article.pk
            if result.published:
                messages.success(request, _("Danke! Ihre Änderung ist online."))
            else:
                messages.success(
                    request,
                    _(
                        "Danke! Ihre Änderung wartet auf die Freigabe durch die Redaktion. Wir benachrichtigen Sie, sobald sie online ist."
                    ),
                )
            return redirect(article.url)
    return TemplateResponse(request, "wiki/edit.html", context)


def _conflict_context(*, form, conflict: EditConflict, mine: str) -> dict:
    """Offer the merged text in the form (based on the newest revision) and keep the author's own text beside it."""
    data = form.data.copy()
    data["body"] = conflict.merge.text
    data["base_revision"] = conflict.latest.pk
    form.data = data
    return {
        "merge": conflict.merge,
        "mine": mine,
        "their_changes": text_diff(conflict.base_text, conflict.latest_text),
        "my_changes": text_diff(conflict.base_text, mine),
    }


@submit_once
def article_propose(request: HttpRequest, *, index) -> HttpResponse:
    refusal = edit_refusal(user=request.user)
    if refusal:
        return _refuse(request, index, refusal)
    form = ProposeForm(request.POST or None, initial={"title": request.GET.get("titel", "")[:120]})
    context = {"page": index, "form": form, "preview": None, **editor_urls(index=index)}
    if request.method == "POST" and "preview" in request.POST:
        context["preview"] = _form_preview(form=form, index=index)
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = services.article_propose(
                user=request.user,
                index=index,
                title=data["title"],
                teaser=data["teaser"],
                body=data["body"],
                summary=data["summary"],
                categories=list(data["categories"]),
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, " ".join(getattr(error, "messages", [str(error)])))
        else:
            request.session[SAVED_SESSION_KEY] = "neu"
            if result.published:
                messages.success(request, _("Danke! Ihr Artikel ist online."))
                return redirect(result.edit.article.specific.url)
            messages.success(
                request,
                _("Danke! Die Redaktion prüft Ihren Artikel. Unter „Mein Konto“ sehen Sie, wann er online ist."),
            )
            return redirect(index.url)
    return TemplateResponse(request, "wiki/propose.html", context)


@submit_once
def article_history_view(request: HttpRequest, *, article) -> HttpResponse:
    if request.method == "POST":
        return _revert(request, article=article)
    return TemplateResponse(
        request,
        "wiki/history.html",
        {
            "page": article,
            "entries": article_history_of(article=article),
            "pending": pending_edits(article=article),
            "can_revert": is_editor(user=request.user, page=article),
        },
    )


def _revert(request: HttpRequest, *, article) -> HttpResponse:
    revision = visible_revision(article=article, revision_id=_int(request.POST.get("revision")), user=request.user)
    if revision is None:
        raise Http404
    try:
        services.article_revert(article=article, revision=revision, by=request.user)
    except PermissionDenied as error:
        return _refuse(request, article, str(error))
    messages.success(
        request,
        _("Die Fassung vom %(date)s ist wieder online.") % {"date": revision.created_at.strftime("%d.%m.%Y %H:%M")},
    )
    return redirect(article.url + article.reverse_subpage("history"))


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def article_compare(request: HttpRequest, *, article) -> HttpResponse:
    published = published_revision_ids(article=article)
    newer_id = _int(request.GET.get("zu")) or article.live_revision_id
    older_id = _int(request.GET.get("von"))
    if older_id is None:
        older_ids = [pk for pk in published if newer_id and pk < newer_id]
        older_id = older_ids[0] if older_ids else newer_id
    newer = visible_revision(article=article, revision_id=newer_id, user=request.user)
    older = visible_revision(article=article, revision_id=older_id, user=request.user)
    # "von" and "zu" may come in either order; the older revision goes first below.
    if newer is None or older is None:
        raise Http404
    if older.created_at > newer.created_at:
        older, newer = newer, older
    old_page, new_page = older.as_object(), newer.as_object()
    return TemplateResponse(
        request,
        "wiki/compare.html",
        {
            "page": article,
            "older": older,
            "newer": newer,
            "newer_edit": getattr(newer, "wiki_edit", None),
            "title_changed": old_page.title != new_page.title,
            "old_title": old_page.title,
            "new_title": new_page.title,
            "hunks": text_diff(old_page.body, new_page.body),
        },
    )


def article_watch(request: HttpRequest, *, article) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(article.url)
    if request.method == "POST":
        watching = services.article_watch(user=request.user, article=article, watch=request.POST.get("watch") == "1")
        messages.success(
            request,
            _("Sie beobachten diesen Artikel jetzt.") if watching else _("Sie beobachten diesen Artikel nicht mehr."),
        )
    return redirect(article.url)


@submit_once
def article_discussion(request: HttpRequest, *, article) -> HttpResponse:
    existing = WikiDiscussion.objects.filter(article_id=article.pk).select_related("topic__forum").first()
    if existing:
        return redirect(_topic_url(existing.topic))
    if request.method != "POST":
        return redirect(article.url)
    if not request.user.is_authenticated:
        return redirect_to_login(article.url)
    try:
        topic = services.discussion_open(article=article, user=request.user)
    except PermissionDenied as error:
        messages.warning(request, str(error))
        return redirect(article.url)
    return redirect(_topic_url(topic))
