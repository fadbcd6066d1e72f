"""The Redaktion's review inbox: everything waiting for a decision, collected from the apps' `review_sources`, and
the one decision screen for pages in an approval workflow (diff, approve, decline with a reason).

It names no feature: each app registers what waits in it (core/registry.py), so an app left out simply adds nothing.
Pages (offers, events, place suggestions, wiki articles, translations) wait in Wagtail workflows; the helpers here
turn those into ReviewItems, so every app tells its waiting pages the same way."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Subquery
from django.db.models.functions import Cast
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import get_edit_handler
from wagtail.admin.ui.components import Component
from wagtail.forms import TaskStateCommentForm
from wagtail.models import GroupApprovalTask, Locale, Page, TaskState

from core.registry import ReviewItem, ReviewSource, review_sources

REASON_MISSING = gettext_lazy("Bitte geben Sie eine Begründung an.")


def display_name(user) -> str:
    """The name members know someone by (the portal's user model has a display name; others have their full name)."""
    if user is None:
        return ""
    named = getattr(user, "get_display_name", None)
    return (named() if named else user.get_full_name()) or user.get_username()


# --- the inbox --------------------------------------------------------------------------------------------------
def sources_for(user) -> list[ReviewSource]:
    """The kinds this user decides (Redaktion: content; Moderation: forum posts)."""
    if not user.is_authenticated:
        return []
    return [source for source in review_sources if source.allowed(user)]


def inbox_counts(user) -> list[tuple[ReviewSource, int]]:
    return [(source, source.count(user)) for source in sources_for(user)]


def inbox_items(*, user, kind: str = "") -> list[ReviewItem]:
    """Oldest first: what has waited longest is decided first."""
    items = [item for source in sources_for(user) if kind in ("", source.key) for item in source.items(user)]
    return sorted(items, key=lambda item: item.created_at)


def review_inbox(request: HttpRequest) -> HttpResponse:
    counts = inbox_counts(request.user)
    if not counts:
        raise PermissionDenied
    kind = request.GET.get("art", "")
    if kind not in {source.key for source, _count in counts}:
        kind = ""
    return TemplateResponse(
        request,
        "review/inbox.html",
        {
            "counts": counts,
            "total": sum(count for _source, count in counts),
            "kind": kind,
            "items": inbox_items(user=request.user, kind=kind),
            "now": timezone.now(),
            "page_title": _("Zu prüfen"),
        },
    )


class ReviewInboxPanel(Component):
    """Dashboard: how much waits, per kind, each linking to the inbox's tab."""

    name = "review_inbox"
    order = 50
    template_name = "review/panel.html"

    def __init__(self, counts):
        self.counts = counts

    def get_context_data(self, parent_context=None):
        return {"counts": self.counts, "total": sum(count for _source, count in self.counts)}


# --- pages waiting in a workflow --------------------------------------------------------------------------------
def reviews_pages(user) -> bool:
    """Whether `user` decides pages in an approval workflow (a member of a task's groups, e.g. the Redaktion)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return GroupApprovalTask.objects.filter(active=True, groups__in=user.groups.all()).exists()


def _waiting_task_states(*, user, page_model, pages=None, translations: bool | None = None):
    """Task states in progress that `user` may decide, for pages of `page_model` (Page: any type), optionally only
    for the pages in the query set `pages` (one subquery, however many pages); `translations` False keeps the
    pages in the default language, True the others (a translation is reviewed as a translation, not as an offer)."""
    if translations is not None:
        pages = page_model.objects.all() if pages is None else pages
        default = Locale.get_default()
        pages = pages.exclude(locale=default) if translations else pages.filter(locale=default)
    states = TaskState.objects.reviewable_by(user).filter(status=TaskState.STATUS_IN_PROGRESS)
    if page_model is Page:
        states = states.filter(workflow_state__base_content_type=ContentType.objects.get_for_model(Page))
    else:
        states = states.filter(workflow_state__content_type=ContentType.objects.get_for_model(page_model))
    if pages is not None:
        states = states.filter(
            workflow_state__object_id__in=Subquery(pages.annotate(key=Cast("pk", CharField())).values("key"))
        )
    return states


def page_review_count(*, user, page_model, pages=None, translations: bool | None = None) -> int:
    """How many pages of `page_model` (optionally only those in the query set `pages`) wait for `user`'s decision."""
    return _waiting_task_states(user=user, page_model=page_model, pages=pages, translations=translations).count()


def page_review_items(
    *,
    user,
    page_model,
    kind: str,
    kind_label,
    pages=None,
    translations: bool | None = None,
    label_for=None,
    note_for=None,
) -> list[ReviewItem]:
    """ReviewItems for the pages of `page_model` waiting for `user`; `label_for(page)` may name a page's kind
    more precisely (e.g. a suggested new place), `note_for(pages)` a line per page id (e.g. the authors' summaries)."""
    states = list(
        _waiting_task_states(user=user, page_model=page_model, pages=pages, translations=translations).select_related(
            "workflow_state__requested_by"
        )
    )
    page_ids = [int(state.workflow_state.object_id) for state in states]
    pages_by_id = {page.pk: page for page in page_model.objects.filter(pk__in=page_ids).select_related("locale")}
    notes = note_for(list(pages_by_id.values())) if note_for else {}
    items = []
    for state in states:
        page = pages_by_id.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        requester = state.workflow_state.requested_by
        items.append(
            ReviewItem(
                kind=kind,
                kind_label=label_for(page) if label_for else kind_label,
                title=page.get_admin_display_title(),
                author=display_name(requester),
                created_at=state.workflow_state.created_at,
                url=reverse("review_page", args=[page.pk]),
                note=notes.get(page.pk) or ("" if page.live else _("neu, noch nie veröffentlicht")),
            )
        )
    return items


def page_review_source(
    *,
    key: str,
    label,
    page_model,
    kind_label,
    order: int,
    translations: bool = False,
    allowed=None,
    label_for=None,
    note_for=None,
) -> ReviewSource:
    """The ReviewSource for pages of `page_model` in an approval workflow: what each app registers for its pages
    (offers, events, place suggestions, wiki articles, translations), told once here."""
    return ReviewSource(
        key=key,
        label=label,
        allowed=allowed or reviews_pages,
        items=lambda user: page_review_items(
            user=user,
            page_model=page_model,
            kind=key,
            kind_label=kind_label,
            translations=translations,
            label_for=label_for,
            note_for=note_for,
        ),
        count=lambda user: page_review_count(user=user, page_model=page_model, translations=translations),
        order=order,
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("freigeben", "freigeben"), ("ablehnen", "ablehnen")])
    reason = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        label=gettext_lazy("Begründung (bei Ablehnung nötig; die Verfasserin oder der Verfasser liest sie)"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "ablehnen" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", REASON_MISSING)
        return cleaned


class DeclineReasonForm(TaskStateCommentForm):
    """Wagtail's comment box for "Änderungen anfordern", with the reason required: the author reads it."""

    comment = forms.CharField(
        label=gettext_lazy("Begründung für die Verfasserin oder den Verfasser"),
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": REASON_MISSING},
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(REASON_MISSING)
        return comment


def page_comparison(*, page, request) -> list:
    """Field by field, what the waiting revision changes against the live page (a page never published: against an
    empty one, so all of it shows as new)."""
    latest = page.get_latest_revision_as_object()
    before = page.specific_class.objects.get(pk=page.pk) if page.live else page.specific_class()
    if page.live and page.live_revision is not None:
        before = page.live_revision.as_object()
    panel = get_edit_handler(page.specific_class).get_bound_panel(instance=page, request=request, form=None)
    return [
        comparison for comparison in (cls(before, latest) for cls in panel.get_comparison()) if comparison.has_changed()
    ]


def page_decision(request: HttpRequest, page_id: int) -> HttpResponse:
    """The diff and the decision on one screen; declining needs a reason, which goes to the author with the
    workflow's rejection (the apps' `workflow_rejected` receivers tell them)."""
    page = get_object_or_404(Page, pk=page_id).specific
    workflow_state = page.current_workflow_state
    task_state = workflow_state.current_task_state if workflow_state else None
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        messages.info(request, _("Zu „%(title)s“ wartet nichts mehr auf eine Entscheidung.") % {"title": page.title})
        return redirect("review_inbox")
    task = task_state.task.specific
    actions = {name for name, _label, _data in task.get_actions(page, request.user)}
    if not {"approve", "reject"} <= actions:
        raise PermissionDenied
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["decision"] == "freigeben":
            task.on_action(task_state, request.user, "approve")
            messages.success(request, _("„%(title)s“ ist freigegeben.") % {"title": page.title})
        else:
            task.on_action(task_state, request.user, "reject", comment=form.cleaned_data["reason"].strip())
            messages.success(
                request,
                _("„%(title)s“ ist abgelehnt; die Begründung geht an die Verfasserin oder den Verfasser.")
                % {"title": page.title},
            )
        return redirect("review_inbox")
    if request.method == "POST":
        messages.error(request, _("Bitte prüfen Sie Ihre Eingabe."))
    return TemplateResponse(
        request,
        "review/page_decision.html",
        {
            "page": page,
            "form": form,
            "comparison": page_comparison(page=page, request=request),
            "author": display_name(workflow_state.requested_by),
            "waiting_since": workflow_state.created_at,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "page_title": _("Prüfen: %(title)s") % {"title": page.get_admin_display_title()},
        },
        status=400 if request.method == "POST" else 200,
    )
