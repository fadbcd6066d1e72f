from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community.notifications.forms import ForumMailForm
from community.notifications.selectors import notifications_of
from community.notifications.services import notifications_mark_read


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    form = ForumMailForm(request.POST if "einstellung" in request.POST else None, user=request.user)
    if request.method == "POST":
        if "einstellung" not in request.POST:
            notifications_mark_read(user=request.user)
            return redirect("notifications")
        if form.is_valid():
            request.user.forum_mail = form.cleaned_data["forum_mail"]
            request.user.save(update_fields=["forum_mail"])
            messages.success(request, _("Ihre E-Mail-Einstellung ist gespeichert."))
            return redirect("notifications")
    return render(
        request,
        "notifications/notifications.html",
        {"notifications": notifications_of(user=request.user), "forum_mail_form": form},
    )
