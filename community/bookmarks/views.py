from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from community.bookmarks import selectors, services
from core.ical import ics_response
from core.submit_once import submit_once


def _back(request: HttpRequest):
    return redirect(_back_url(request))


def _back_url(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("bookmarks:list")


def bookmark_list(request: HttpRequest) -> HttpResponse:
    """/de/merkliste/: a member's list from the database; a guest's is filled in from the device by bookmarks.js."""
    context = {"groups": [], "feed": None}
    if request.user.is_authenticated:
        feed = selectors.feed_of(user=request.user)
        context = {
            "groups": selectors.bookmark_groups_of(user=request.user),
            "feed": feed,
            "feed_url": settings.PORTAL_BASE_URL + reverse("bookmarks:feed", args=[feed.token]) if feed else "",
        }
    return render(request, "bookmarks/bookmark_list.html", context)


@require_GET
def guest_items(request: HttpRequest) -> HttpResponse:
    """The groups of a guest's list (translation keys from the device), as the HTML the list page inserts."""
    keys = selectors.parse_keys(request.GET.getlist("key"))
    return render(request, "bookmarks/items.html", {"groups": selectors.guest_groups(keys=keys), "guest": True})


@login_required
@require_POST
@submit_once(back=_back_url)
def bookmark_save(request: HttpRequest) -> HttpResponse:
    page = get_object_or_404(Page, pk=request.POST.get("page") or 0, live=True)
    try:
        _bookmark, created = services.bookmark_add(user=request.user, page=page)
    except services.BookmarkRefused as refused:
        raise Http404(_("Diese Seite kann nicht gemerkt werden.")) from refused
    if created:
        messages.success(request, _("„%(title)s“ steht jetzt auf Ihrer Merkliste.") % {"title": page.title})
    return _back(request)


@login_required
@require_POST
def bookmark_delete(request: HttpRequest) -> HttpResponse:
    keys = selectors.parse_keys([request.POST.get("key", "")])
    if keys and services.bookmark_remove(user=request.user, translation_key=keys[0]):
        messages.success(request, _("Der Eintrag ist von Ihrer Merkliste entfernt."))
    return _back(request)


@login_required
@require_POST
def bookmarks_take_over(request: HttpRequest) -> JsonResponse:
    """Called by bookmarks.js once a guest has logged in: the list from the device joins the account's."""
    added = services.bookmarks_merge(user=request.user, keys=selectors.parse_keys(request.POST.getlist("key")))
    return JsonResponse({"added": added})


@login_required
@require_POST
def feed_reset(request: HttpRequest) -> HttpResponse:
    had_feed = selectors.feed_of(user=request.user) is not None
    services.feed_token_reset(user=request.user)
    if had_feed:
        messages.success(request, _("Ihr Kalender hat eine neue Adresse. Die alte Adresse funktioniert nicht mehr."))
    else:
        messages.success(request, _("Ihr Kalender ist eingerichtet. Tragen Sie die Adresse in Ihre Kalender-App ein."))
    return redirect(reverse("bookmarks:list") + "#kalender")


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    user = selectors.feed_owner(token=token)
    if user is None:
        raise Http404(_("Diesen Kalender gibt es nicht (mehr)."))
    content = selectors.feed_calendar(user=user, name=_("Meine Merkliste"), base_url=settings.PORTAL_BASE_URL)
    return ics_response(content, "merkliste.ics")
