"""Thin views of the Kita directory: search context, staff report form, place-alert sign-up and links."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.geo import has_map_points, map_points_response, result_page
from core.page_cache import Deferred
from core.submit_once import SUBMIT_KEY_FIELD, submit_once
from home.kita.forms import DaycareFilterForm
from home.kita.models.pages import AgeGroup
from home.kita.selectors import DaycareFilters, daycare_search, daycares_for_staff, stale_before
from home.kita.services import alert_confirm, alert_create, alert_unsubscribe, places_report

PER_PAGE = 20


class AlertForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Ihre E-Mail-Adresse"))


def filters_from_request(request: HttpRequest) -> tuple[DaycareFilterForm, DaycareFilters]:
    form = DaycareFilterForm(request.GET)
    form.is_valid()
    return form, DaycareFilters.from_form(form.cleaned_data)


def daycare_search_context(*, request: HttpRequest, index) -> dict:
    """What the search shows is worked out at its first use: the page keeps the filters and results as one fragment
    per query string and day, so a kept search costs neither the form nor a query (only the alert form, which
    carries the visitor's CSRF token, is rendered each time)."""

    def work_out() -> dict:
        form, filters = filters_from_request(request)
        results = daycare_search(filters=filters, index=index)
        page = result_page(results, number=request.GET.get("seite"), origin=filters.origin, per_page=PER_PAGE)
        return {"form": form, "filters": filters, "results": results, "page": page}

    state = Deferred(work_out)
    params = request.GET.copy()
    params.pop("seite", None)
    query = params.urlencode()
    return {
        "filter_form": SimpleLazyObject(lambda: state()["form"]),
        "daycares": SimpleLazyObject(lambda: state()["page"]),
        "result_count": SimpleLazyObject(lambda: state()["page"].paginator.count),
        "today": timezone.localdate(),
        "page_query": query,
        "age_group": Deferred(lambda: state()["filters"].age_group),
        "start_date": Deferred(lambda: state()["filters"].start_date),
        "stale_before": stale_before(),
        "alert_form": AlertForm(),
        "map_located": Deferred(lambda: has_map_points(state()["results"])),
        "map_points_url": f"{index.url}karte/" + (f"?{query}" if query else ""),
    }


def daycare_map_points(*, request: HttpRequest, index) -> HttpResponse:
    """The map's markers for the search (same parameters as the page), fetched after "Karte laden"."""
    _form, filters = filters_from_request(request)
    return map_points_response(daycare_search(filters=filters, index=index), base_url=index.url)


@submit_once
def report_places(request: HttpRequest, *, index) -> HttpResponse:
    """The Kita-Leitung's form: free places per age group for the daycares this account is assigned to."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    daycares = list(daycares_for_staff(user=request.user))
    if not daycares:
        raise PermissionDenied
    errors: dict = {}
    if request.method == "POST":
        daycare = next((d for d in daycares if str(d.pk) == request.POST.get("einrichtung")), None)
        if daycare is None:
            raise PermissionDenied  # another Kita's id: not this account's to report
        counts, errors = {}, {}
        for capacity in daycare.capacities.all():
            raw = request.POST.get(f"frei_{capacity.group}", "").strip()
            try:
                counts[capacity.group] = int(raw)
            except ValueError:
                errors[capacity.group] = _("Bitte eine ganze Zahl angeben.")
        if not errors:
            try:
                places_report(daycare=daycare, user=request.user, free_by_group=counts)
            except ValidationError as error:
                errors = {group: messages_[0] for group, messages_ in error.message_dict.items()}
        if not errors:
            messages.success(
                request, _("Danke! Die freien Plätze für %(name)s sind gemeldet.") % {"name": daycare.title}
            )
            return redirect(request.path)
        errors = {"daycare": daycare.pk, **errors}
    for daycare in daycares:
        daycare.history = daycare.place_reports.select_related("reported_by")[:10]
    return TemplateResponse(
        request,
        "kita/report.html",
        {
            "page": index,
            "daycares": daycares,
            "errors": errors,
            "groups": AgeGroup,
            "stale_before": stale_before(),
        },
    )


@submit_once
def alert_signup(request: HttpRequest, *, index) -> HttpResponse:
    if request.method != "POST":
        return redirect(index.url)
    form = AlertForm(request.POST)
    query = request.POST.copy()
    query.pop(SUBMIT_KEY_FIELD, None)  # the form's key is not part of the search
    if form.is_valid():
        try:
            alert_create(email=form.cleaned_data["email"], query=query, index_url=index.url)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("Fast geschafft: Bitte bestätigen Sie die Benachrichtigung über den Link in der E-Mail.")
            )
    else:
        messages.error(request, _("Bitte geben Sie eine gültige E-Mail-Adresse an."))
    params = query
    for name in ("csrfmiddlewaretoken", "email"):
        params.pop(name, None)
    return redirect(f"{index.url}?{params.urlencode()}")


def alert_action(request: HttpRequest, *, index, action: str, token: str) -> HttpResponse:
    """Confirm or cancel by link; the page asks for a click (POST) so that mail scanners cannot do either."""
    if action not in ("bestaetigen", "abmelden"):
        raise Http404
    done = None
    if request.method == "POST":
        done = alert_confirm(token=token) is not None if action == "bestaetigen" else alert_unsubscribe(token=token)
    return TemplateResponse(request, "kita/alert_action.html", {"page": index, "action": action, "done": done})
