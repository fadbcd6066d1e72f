"""The Redaktion's and administrators' view of login lockouts ("Gesperrte Zugänge"), with a way to lift one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from community.accounts import lockout

UNLOCK_PERMISSION = "axes.delete_accessattempt"


@require_http_methods(["GET", "POST"])
def lockouts(request):
    """Accounts and addresses with failed logins in the lockout period; POST lifts one lockout at once."""
    if not request.user.has_perm(UNLOCK_PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        kind, value = request.POST.get("kind", ""), request.POST.get("value", "").strip()
        if kind not in (lockout.ACCOUNT, lockout.ADDRESS) or not value:
            messages.error(request, _("Bitte wählen Sie ein Konto oder eine Adresse aus der Liste."))
        else:
            lockout.lockout_release(kind=kind, value=value)
            messages.success(request, _("„%(value)s“ kann sich wieder anmelden.") % {"value": value})
        return redirect("accounts_lockouts")
    return TemplateResponse(
        request,
        "accounts/admin/lockouts.html",
        {
            "lockouts": lockout.lockouts_current(),
            "lockout_minutes": lockout.lockout_minutes(),
            "account_kind": lockout.ACCOUNT,
        },
    )
