"""The portal's forum views: machina's post forms with spam guards and the post's language, reporting, the one
moderation queue, following."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post
from machina.apps.forum_conversation.views import (
    PostCreateView,
    PostUpdateView,
    TopicCreateView,
    TopicUpdateView,
    TopicView,
)
from machina.apps.forum_moderation.views import PostDisapproveView, TopicMoveView

from community.forum import selectors, services
from community.forum.forms import (
    DecisionReasonForm,
    PortalPostForm,
    PortalPostUpdateForm,
    PortalTopicForm,
    PortalTopicMoveForm,
    PortalTopicUpdateForm,
    ReportForm,
    SanctionForm,
)
from community.forum.models import MemberSanction
from community.forum.permissions import current_sanction
from core.submit_once import submit_once


class PostingMessages:
    # machina says "posted successfully" even when the post waits; say what happens instead.
    success_message = gettext_lazy("Ihr Beitrag ist gespeichert.")
    approval_required_message = gettext_lazy(
        "Die Moderation liest ihn, bevor er im Forum erscheint. Wir sagen Ihnen Bescheid, sobald er freigegeben ist."
    )


@method_decorator(submit_once, name="post")
class PortalTopicCreateView(PostingMessages, TopicCreateView):
    post_form_class = PortalTopicForm


@method_decorator(submit_once, name="post")
class PortalPostCreateView(PostingMessages, PostCreateView):
    post_form_class = PortalPostForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The posts shown below the form carry their language too: one query with them, not one per post.
        context["previous_posts"] = context["previous_posts"].select_related("portal_language")
        return context


class PortalTopicUpdateView(TopicUpdateView):
    post_form_class = PortalTopicUpdateForm


class PortalPostUpdateView(PostUpdateView):
    post_form_class = PortalPostUpdateForm


class PortalTopicView(TopicView):
    def get_queryset(self):
        return super().get_queryset().select_related("portal_language")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A silenced member reads why the reply button is missing, and until when.
        context["forum_sanction"] = current_sanction(self.request.user)
        # Members share the rendered posts with every reader who would see the same links under them.
        context["posts_viewer"] = self.request.forum_permission_handler.posts_viewer(
            context["topic"], self.request.user
        )
        return context


class PortalPostDisapproveView(PostDisapproveView):
    """Declining a waiting post needs a reason, which its author receives."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", DecisionReasonForm())
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = DecisionReasonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.post_disapprove(post=self.object, moderator=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Der Beitrag wurde abgelehnt; die Verfasserin oder der Verfasser erfährt es."))
        return redirect("forum-moderation")


class PortalTopicMoveView(TopicMoveView):
    form_class = PortalTopicMoveForm


@login_required
@submit_once
def post_report(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("topic__forum", "poster"), pk=pk)
    handler = request.forum_permission_handler
    if not handler.can_read_forum(post.topic.forum, request.user):
        raise Http404
    if not handler.can_report_post(post, request.user):
        messages.error(
            request,
            _(
                "Diesen Beitrag können Sie nicht melden. Melden dürfen Mitglieder mit bestätigter E-Mail-Adresse, eigene Beiträge nicht."
            ),
        )
        return redirect(services.post_url(post))
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_report(
                post=post, reporter=request.user, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Danke für Ihre Meldung. Die Moderation sieht sie sich an."))
        return redirect(services.topic_url(post.topic))
    return render(
        request,
        "forum_moderation/post_report.html",
        {"post": post, "topic": post.topic, "forum": post.topic.forum, "form": form},
    )


def _moderated_forums(request: HttpRequest):
    if not request.user.is_authenticated:
        raise PermissionDenied
    forums = request.forum_permission_handler.get_moderation_queue_forums(request.user)
    if not forums:
        raise PermissionDenied
    return forums


def moderation_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    forums = _moderated_forums(request)
    return render(
        request,
        "forum_moderation/moderation_queue/list.html",
        {
            "reported": selectors.reported_posts(forums=forums),
            "waiting": selectors.waiting_posts(forums=forums),
            "removed": selectors.removed_posts(forums=forums, since=timezone.now() - services.REMOVAL_UNDO_PERIOD),
            "undo_hours": int(services.REMOVAL_UNDO_PERIOD.total_seconds() // 3600),
        },
    )


@require_POST
def reports_decide(request: HttpRequest, pk: int) -> HttpResponse:
    forums = _moderated_forums(request)
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=pk, topic__forum__in=forums)
    decision = request.POST.get("entscheidung")
    if decision not in ("behalten", "entfernen"):
        messages.error(request, _("Bitte wählen Sie „Beitrag behalten“ oder „entfernen“. Es wurde nichts geändert."))
        return redirect("forum-moderation")
    if decision == "entfernen":
        # Removing asks first, with the reason the author will read.
        return redirect("forum-post-remove", pk=post.pk)
    services.reports_decide(post=post, moderator=request.user, keep=True)
    messages.success(request, _("Der Beitrag ist wieder sichtbar."))
    return redirect("forum-moderation")


def post_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Beitrag entfernen": a confirmation page with the reason; the removal can be undone for a while."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    forums = _moderated_forums(request)
    post = get_object_or_404(Post.objects.select_related("topic__forum", "poster"), pk=pk, topic__forum__in=forums)
    form = DecisionReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_remove(post=post, moderator=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _("Der Beitrag wurde entfernt. Sie können das %(hours)s Stunden lang rückgängig machen.")
            % {"hours": int(services.REMOVAL_UNDO_PERIOD.total_seconds() // 3600)},
        )
        return redirect("forum-moderation")
    return render(
        request,
        "forum_moderation/post_remove.html",
        {
            "post": post,
            "topic": post.topic,
            "forum": post.topic.forum,
            "form": form,
            "undo_hours": int(services.REMOVAL_UNDO_PERIOD.total_seconds() // 3600),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def post_restore(request: HttpRequest, pk: int) -> HttpResponse:
    forums = _moderated_forums(request)
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=pk, topic__forum__in=forums)
    try:
        services.post_restore(post=post, moderator=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Der Beitrag ist wieder sichtbar."))
    return redirect("forum-moderation")


@submit_once
def member_history(request: HttpRequest, pk: int) -> HttpResponse:
    """A member seen by the moderation: posts, reports, decisions; silencing or suspending with a reason."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _moderated_forums(request)
    member = get_object_or_404(get_user_model(), pk=pk)
    form = SanctionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_sanction(
                member=member,
                moderator=request.user,
                kind=form.cleaned_data["kind"],
                days=form.cleaned_data["days"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Maßnahme gilt ab sofort; das Mitglied erfährt sie mit der Begründung."))
            return redirect("forum-member", pk=member.pk)
    return render(
        request,
        "forum_moderation/member.html",
        {"member": member, "form": form, "now": timezone.now(), **selectors.member_history(member=member)},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def sanction_lift(request: HttpRequest, pk: int) -> HttpResponse:
    _moderated_forums(request)
    sanction = get_object_or_404(MemberSanction, pk=pk, lifted_at__isnull=True)
    services.sanction_lift(sanction=sanction, moderator=request.user)
    messages.success(request, _("Die Maßnahme ist aufgehoben."))
    return redirect("forum-member", pk=sanction.member_id)


@login_required
@require_POST
def forum_follow(request: HttpRequest, forum_slug: str, forum_pk: int) -> HttpResponse:
    forum = get_object_or_404(Forum, pk=forum_pk)
    if not request.forum_permission_handler.can_read_forum(forum, request.user):
        raise Http404
    follow = request.POST.get("folgen") == "1"
    services.forum_follow(user=request.user, forum=forum, follow=follow)
    messages.success(
        request,
        _("Sie folgen jetzt diesem Forum: neue Themen melden wir Ihnen.")
        if follow
        else _("Sie folgen diesem Forum nicht mehr."),
    )
    return redirect("forum:forum", slug=forum.slug, pk=forum.pk)


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """From a mail, without logging in; GET asks, POST acts (mail scanners follow links but do not submit forms)."""
    parsed = services.unsubscribe_token_read(token)
    user = get_user_model().objects.filter(pk=parsed[0], is_active=True).first() if parsed else None
    if user is None:
        return render(request, "forum_portal/unsubscribe.html", {"invalid": True}, status=400)
    done = services.unsubscribe(user=user, scope=parsed[1]) if request.method == "POST" else None
    return render(request, "forum_portal/unsubscribe.html", {"done": done, "scope": parsed[1]})
