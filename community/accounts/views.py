from allauth.account.views import signup as allauth_signup
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community.accounts.forms import AccountDeleteForm, ProfileForm
from community.accounts.selectors import profile_sections_of, profile_summary
from community.accounts.services import account_data, account_delete
from core.submit_once import submit_once

# allauth's sign-up, sent once per form: a double click or a resent form asks for one account and sends one mail.
signup = submit_once(allauth_signup)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ihr Profil wurde gespeichert."))
        return redirect("profile")
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            **profile_summary(user=request.user),
            "profile_sections": profile_sections_of(user=request.user),
        },
    )


@login_required
def data_export(request: HttpRequest) -> HttpResponse:
    data = account_data(user=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="familienportal-daten-{request.user.username}.json"'
    return response


@login_required
def account_delete_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_superuser:
        messages.error(
            request,
            _(
                "Ein Administrationskonto kann sich nicht selbst löschen. Bitte wenden Sie sich an eine andere Administratorin."
            ),
        )
        return redirect("profile")
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user=user)
        messages.success(
            request, _("Ihr Konto ist gelöscht. Ihre Forenbeiträge bleiben lesbar, als „gelöschtes Mitglied“.")
        )
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})
