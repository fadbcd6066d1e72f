from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community.accounts.forms import ProfileForm
from community.accounts.selectors import profile_summary
from community.wiki.selectors import edits_of, watches_of
from home.changing_places.selectors import suggestions_of
from home.contact_points.selectors import signups_of


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ihr Profil wurde gespeichert."))
        return redirect("profile")
    return render(
        request, "community/profile.html", {"form": form, **profile_summary(user=request.user), "volunteer_signups": signups_of(user=request.user),
         "place_suggestions": suggestions_of(user=request.user), "wiki_edits": edits_of(user=request.user),
         "wiki_watches": watches_of(user=request.user)}
    )
