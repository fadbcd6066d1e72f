from allauth.account.views import signup as allauth_signup
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from community.accounts.forms import AccountDeleteForm, ProfileForm
from community.accounts.mfa import continue_url
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


def admin_login(request: HttpRequest) -> HttpResponse:
    """/admin/login/ authenticates nobody: it hands over to allauth's login, which asks enrolled staff for the code.

    Wagtail sends every visitor without admin access here, also members who are logged in: allauth's login would
    send them straight back (a loop), so they learn why instead and may switch accounts."""
    wanted = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        wanted = reverse("wagtailadmin_home")
    if request.user.is_authenticated:
        if request.user.has_perm("wagtailadmin.access_admin"):
            return redirect(wanted)
        return render(request, "accounts/admin_no_access.html", {"wanted": wanted}, status=403)
    return redirect(f"{reverse('account_login')}?{urlencode({'next': wanted})}")


@login_required
def mfa_continue(request: HttpRequest) -> HttpResponse:
    """After enrolling (and noting the recovery codes): on to the page the member was sent away from."""
    return redirect(continue_url(request))
