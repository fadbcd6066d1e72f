"""Admin: owners add their feed addresses; proposals are listed and decided (übernehmen / ablehnen)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from core.registry import calendar_targets
from home.calendar_feeds.models import CalendarFeed, FeedProposal
from home.calendar_feeds.selectors import feeds_for, proposals_for, reviews_all_feeds
from home.calendar_feeds.services import proposal_apply, proposal_decline
from home.directory.models import Provider


class ScopedFeedViews:
    """The Redaktion sees every feed; an owner only its own, and chooses only its own providers and pages."""

    def get_base_queryset(self):
        return feeds_for(user=self.request.user)

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not feeds_for(user=self.request.user).filter(pk=instance.pk).exists():
            raise PermissionDenied
        return instance

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        user = self.request.user
        targets = {target.key: target for target in calendar_targets}
        if reviews_all_feeds(user):
            providers = Provider.objects.all()
            offer_ids = contact_point_ids = None
        else:
            providers = user.maintained_providers.all()
            offer_ids = list(targets["angebot"].owned(user)) if "angebot" in targets else []
            contact_point_ids = list(targets["familienpunkt"].owned(user)) if "familienpunkt" in targets else []
        form.fields["provider"].queryset = providers
        for name, key, ids in (("offer", "angebot", offer_ids), ("contact_point", "familienpunkt", contact_point_ids)):
            if key not in targets:
                form.fields[name].queryset = Page.objects.none()
                continue
            app_label, model = targets[key].model.lower().split(".")
            pages = Page.objects.filter(content_type__app_label=app_label, content_type__model=model)
            form.fields[name].queryset = pages if ids is None else pages.filter(pk__in=ids)
        return form


def _scoped(base):
    return type(f"Scoped{base.__name__}", (ScopedFeedViews, base), {})


class FeedIndexView(ScopedFeedViews, generic.IndexView):
    pass


class CalendarFeedViewSet(ModelViewSet):
    model = CalendarFeed
    icon = "calendar-alt"
    menu_label = gettext_lazy("Kalender-Abos")
    menu_name = "kalender-abos"
    menu_order = 275
    add_to_admin_menu = True
    form_fields = ["name", "url", "provider", "offer", "contact_point", "active"]
    list_display = ["__str__", "url", "last_success_at", "last_error"]
    search_fields = ["name", "url"]
    index_view_class = FeedIndexView
    add_view_class = _scoped(generic.CreateView)
    edit_view_class = _scoped(generic.EditView)
    delete_view_class = _scoped(generic.DeleteView)


def _decidable(user) -> bool:
    return user.is_authenticated and feeds_for(user=user).exists()


def proposal_list(request: HttpRequest) -> HttpResponse:
    if not _decidable(request.user):
        raise PermissionDenied
    proposals = list(proposals_for(user=request.user))
    return TemplateResponse(
        request,
        "calendar_feeds/proposal_list.html",
        {"proposals": proposals, "page_title": _("Terminvorschläge aus Kalendern")},
    )


@require_POST
def proposal_decide(request: HttpRequest, proposal_id: int, decision: str) -> HttpResponse:
    if decision not in ("uebernehmen", "ablehnen"):
        raise Http404
    proposal = get_object_or_404(FeedProposal, pk=proposal_id)
    try:
        if decision == "uebernehmen":
            page = proposal_apply(proposal=proposal, user=request.user)
            messages.success(
                request,
                _("„%(title)s“ ist als Entwurf gespeichert und wartet auf die Freigabe durch die Redaktion.")
                % {"title": page.title},
            )
        else:
            proposal_decline(proposal=proposal, user=request.user)
            messages.success(request, _("Der Vorschlag wurde abgelehnt."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("calendar_feed_proposals")
