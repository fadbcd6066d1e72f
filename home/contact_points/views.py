"""Thin views of the contact points: pages' context, the events calendar, feeds and volunteer sign-up."""

from __future__ import annotations

import calendar
import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.ical import ics_response
from core.page_cache import Deferred
from core.submit_once import submit_once
from home.contact_points import services
from home.contact_points.calendar import events_calendar
from home.contact_points.models import ContactPointPage, EventPage, VolunteerShift, VolunteerSignup
from home.contact_points.selectors import contact_points, live_events, occurrences, volunteer_board
from home.contact_points.services import can_volunteer, volunteer_cancel
from home.district_selectors import district_url

UPCOMING_DAYS = 28


class SignupForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Nachricht an das Team (freiwillig)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


def _map_point(point: ContactPointPage, url: str) -> dict | None:
    if point.latitude is None or point.longitude is None:
        return None
    return {"title": point.title, "url": url, "lat": float(point.latitude), "lon": float(point.longitude)}


def contact_point_index_context(*, request: HttpRequest, index) -> dict:
    today = timezone.localdate()
    # Read only when the list is rendered anew: the template keeps it until content changes or the day ends.
    points = SimpleLazyObject(lambda: list(contact_points().filter(path__startswith=index.path)))
    upcoming = SimpleLazyObject(
        lambda: occurrences(
            start=today,
            end=today + datetime.timedelta(days=UPCOMING_DAYS),
            events=live_events(start=today, under=index),
            points=list(points),
            limit=12,
        )
    )
    return {
        "contact_points": points,
        "upcoming": upcoming,
        "map_points": Deferred(lambda: [p for p in (_map_point(point, point.url) for point in points) if p]),
        "calendar_url": index.url + index.reverse_subpage("calendar"),
        "events_url": index.url + index.reverse_subpage("events"),
    }


def contact_point_context(*, request: HttpRequest, contact_point: ContactPointPage) -> dict:
    today = timezone.localdate()
    events = list(live_events(start=today, under=contact_point))
    for event in events:
        event.next_dates = event.upcoming_dates(limit=4)
    events = [event for event in events if event.next_dates]
    events.sort(key=lambda event: (event.next_dates[0], event.start_time))
    point = _map_point(contact_point, contact_point.url)
    return {
        "events": events,
        "volunteer_roles": volunteer_board(contact_point=contact_point, user=request.user, today=today),
        "can_volunteer": can_volunteer(request.user),
        "signup_form": SignupForm(),
        "calendar_url": contact_point.url + contact_point.reverse_subpage("calendar"),
        "district_url": district_url(contact_point.district),
        "map_points": [point] if point else [],
    }


def _month(value: str | None) -> tuple[datetime.date, bool]:
    """The first day of the requested month (?monat=2026-12); the current month for a missing or bad value."""
    today = timezone.localdate()
    if value:
        try:
            parsed = datetime.datetime.strptime(value, "%Y-%m").date()
            if 2000 <= parsed.year <= 2100:
                return parsed, True
        except ValueError:
            pass
        return today.replace(day=1), False
    return today.replace(day=1), True


def event_calendar_page(request: HttpRequest, *, index) -> HttpResponse:
    first, valid = _month(request.GET.get("monat"))
    if not valid:
        messages.warning(request, _("Diesen Monat kennen wir nicht. Wir zeigen Ihnen den aktuellen Monat."))
    points = list(contact_points().filter(path__startswith=index.path))
    chosen = next((point for point in points if point.slug == request.GET.get("familienpunkt")), None)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    found = occurrences(
        start=first,
        end=last,
        events=live_events(start=first, under=chosen or index),
        points=points,
    )
    by_day: dict[datetime.date, list] = {}
    for occurrence in found:
        by_day.setdefault(occurrence.date, []).append(occurrence)
    weeks = [
        [(day, by_day.get(day, []), day.month == first.month) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = last + datetime.timedelta(days=1)
    query = f"&familienpunkt={chosen.slug}" if chosen else ""
    # Not index.get_context(): that reads the list page's points and events again, which this page does not show.
    context = {"page": index, "self": index, "request": request}
    context.update(
        {
            "month": first,
            "weeks": weeks,
            "days": sorted(by_day.items()),
            "contact_points": points,
            "chosen": chosen,
            "previous_url": f"?monat={previous:%Y-%m}{query}",
            "next_url": f"?monat={following:%Y-%m}{query}",
            "today": timezone.localdate(),
        }
    )
    return TemplateResponse(request, "contact_points/event_calendar.html", context)


def events_ics(request: HttpRequest, *, index, contact_point: ContactPointPage | None) -> HttpResponse:
    today = timezone.localdate()
    under = contact_point or index
    points = [contact_point] if contact_point else list(contact_points().filter(path__startswith=index.path))
    events = live_events(start=today - datetime.timedelta(days=90), under=under)
    name = (
        _("Termine im Familienpunkt %(name)s") % {"name": contact_point.title}
        if contact_point
        else _("Termine der Familienpunkte")
    )
    content = events_calendar(events=events, points=points, name=name, base_url=request.build_absolute_uri("/")[:-1])
    return ics_response(content, f"{slugify(under.title) or 'familienpunkte'}.ics")


@submit_once(back=lambda request, *, contact_point, shift_id: contact_point.url + "#helfen")
def volunteer_signup(request: HttpRequest, *, contact_point: ContactPointPage, shift_id: int) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    back = contact_point.url + "#helfen"
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    shift = VolunteerShift.objects.filter(pk=shift_id, role__contact_point=contact_point).first()
    if shift is None:
        raise Http404
    form = SignupForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Die Nachricht ist zu lang (höchstens 300 Zeichen)."))
        return redirect(back)
    try:
        services.volunteer_signup(user=request.user, shift=shift, comment=form.cleaned_data["comment"])
    except PermissionDenied as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Danke! Sie sind angemeldet. Eine Bestätigung kommt per E-Mail."))
    return redirect(back)


def volunteer_withdraw(request: HttpRequest, signup_id: int) -> HttpResponse:
    """/konto/helfen/<id>/absagen/: a parent withdraws from a shift (POST from the profile page)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    signup = VolunteerSignup.objects.filter(pk=signup_id, user=request.user).select_related("shift__role").first()
    if signup is None:
        raise Http404
    volunteer_cancel(signup=signup, by=request.user)
    messages.success(request, _("Sie haben sich von „%(role)s“ abgemeldet.") % {"role": signup.shift.role.title})
    return redirect("profile")


def event_context(*, event: EventPage) -> dict:
    return {"next_dates": event.upcoming_dates(limit=10), "contact_point": event.contact_point}
