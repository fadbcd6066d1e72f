from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from community.notifications.selectors import notifications_of
from community.notifications.services import notifications_mark_read


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        notifications_mark_read(user=request.user)
        return redirect("notifications")
    return render(request, "community/notifications.html", {"notifications": notifications_of(user=request.user)})
