"""The import pages in the Wagtail admin (the Redaktion's and a provider's "Meine Angebote"): upload, a background
run whose progress the page shows, its report, and the real run of a file whose dry run passed."""

from __future__ import annotations

import json

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.snippets.views.snippets import SnippetViewSet

from home.offers.exchange import offers_to_csv
from home.offers.hsds import services_export
from home.offers.models import HolidayPeriod, OfferCategory, OfferImport, OfferIndexPage
from home.offers.selectors import (
    offer_import_holds_file,
    offer_import_progress,
    offer_import_visible_to,
    offer_import_waits_too_long,
    offer_imports_recent,
    offers_of_maintainer,
    offers_review_status,
    sees_all_offers,
)
from home.offers.services import ImportReport, offer_import_confirm, offer_import_start

MAX_UPLOAD = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Datei (CSV oder HSDS-JSON)"))
    dry_run = forms.BooleanField(
        required=False, initial=True, label=gettext_lazy("Nur prüfen (Probelauf, nichts wird gespeichert)")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("Die Datei ist größer als 5 MB."))
        if not upload.name.lower().endswith((".csv", ".json")):
            raise forms.ValidationError(_("Bitte laden Sie eine .csv- oder .json-Datei hoch."))
        return upload


def _start_import(request: HttpRequest, form: ImportForm, *, for_providers=None) -> HttpResponse:
    upload = form.cleaned_data["file"]
    run = offer_import_start(
        user=request.user,
        file_name=upload.name,
        content=upload.read(),
        dry_run=form.cleaned_data["dry_run"],
        for_providers=for_providers,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    return redirect("offers_import_run", run.pk)


def import_offers_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("offers.import_offers"):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    index = OfferIndexPage.objects.first()
    if request.method == "POST" and form.is_valid() and index is not None:
        return _start_import(request, form)
    return render(
        request,
        "offers/admin_import.html",
        {
            "form": form,
            "index": index,
            "runs": offer_imports_recent(user=request.user, review=False),
            "page_title": _("Angebote importieren"),
        },
        status=400 if request.method == "POST" else 200,
    )


def _visible_run(request: HttpRequest, pk: int) -> OfferImport:
    # The file (up to 5 MB) is read only where it is used: not for the status the page asks for every 1.5 s.
    run = get_object_or_404(OfferImport.objects.select_related("user").defer("content"), pk=pk)
    if not offer_import_visible_to(run=run, user=request.user):
        raise PermissionDenied
    return run


def import_run_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One import: its progress while it runs (the page asks `import_run_status_view`), then its report."""
    run = _visible_run(request, pk)
    report = ImportReport.from_data(run.report) if run.report else None
    return render(
        request,
        "offers/admin_import_run.html",
        {
            "run": run,
            "progress": offer_import_progress(run=run),
            "report": report,
            "waits_too_long": offer_import_waits_too_long(run=run),
            # Only the uploader turns their checked file into the real run (a provider's within their organizations).
            "may_confirm": bool(
                report
                and report.ok
                and run.dry_run
                and run.user_id == request.user.pk
                and offer_import_holds_file(run=run)
            ),
            "back_url": reverse("offers_mine" if run.review else "offers_import"),
            "page_title": run.file_name,
        },
    )


def import_run_status_view(request: HttpRequest, pk: int) -> JsonResponse:
    run = _visible_run(request, pk)
    progress = offer_import_progress(run=run)
    return JsonResponse(
        {
            "state": run.state,
            "state_label": run.get_state_display(),
            "finished": run.finished,
            "done": progress.done,
            "total": progress.total,
            "percent": progress.percent,
        },
        headers={"Cache-Control": "no-store"},
    )


def import_run_report_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The run's report as CSV, for the officer to fix the source file row by row."""
    run = _visible_run(request, pk)
    if not run.report:
        raise Http404(_("Dieser Import hat noch keinen Bericht."))
    # The byte order mark makes spreadsheet programs read the umlauts as UTF-8.
    response = HttpResponse(
        "\ufeff" + ImportReport.from_data(run.report).as_csv(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="importbericht-{run.pk}.csv"'
    return response


@require_POST
def import_run_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Jetzt importieren" on a passed dry run: the same file, for real, without a second upload."""
    run = _visible_run(request, pk)
    if run.user_id != request.user.pk:
        raise PermissionDenied
    if run.review:
        providers = list(request.user.maintained_providers.all())
        if not providers:
            raise PermissionDenied
    elif not request.user.has_perm("offers.import_offers"):
        raise PermissionDenied
    else:
        providers = None
    try:
        confirmed = offer_import_confirm(run=run, user=request.user, for_providers=providers)
    except ValueError:
        messages.error(
            request,
            _(
                "Diese Datei kann nicht mehr importiert werden (schon importiert oder nicht fehlerfrei). "
                "Bitte laden Sie sie erneut hoch."
            ),
        )
        return redirect("offers_import_run", run.pk)
    return redirect("offers_import_run", confirmed.pk)


# --- "Meine Angebote": a provider's own offers, their state, export and an import that goes to review ------------
def may_see_own_offers(user) -> bool:
    """Provider accounts (maintainers of an organization) and the Redaktion, who sees every organization's offers."""
    return user.is_authenticated and (sees_all_offers(user) or user.maintained_providers.exists())


class ProviderImportForm(ImportForm):
    dry_run = forms.BooleanField(
        required=False,
        initial=True,
        label=gettext_lazy("Nur prüfen (Probelauf, nichts wird eingereicht)"),
    )


def own_offers_view(request: HttpRequest) -> HttpResponse:
    if not may_see_own_offers(request.user):
        raise PermissionDenied
    providers = list(request.user.maintained_providers.order_by("name"))
    index = OfferIndexPage.objects.first()
    form = ProviderImportForm(request.POST or None, request.FILES or None) if providers else None
    if request.method == "POST" and form is not None and form.is_valid() and index is not None:
        return _start_import(request, form, for_providers=providers)
    statuses = offers_review_status(offers=offers_of_maintainer(user=request.user))
    return render(
        request,
        "offers/admin_own_offers.html",
        {
            "statuses": statuses,
            "providers": providers,
            "sees_all": sees_all_offers(request.user),
            "form": form,
            "runs": offer_imports_recent(user=request.user, review=True) if providers else [],
            "page_title": _("Meine Angebote"),
        },
        status=400 if request.method == "POST" else 200,
    )


def own_offers_export_view(request: HttpRequest, format: str) -> HttpResponse:
    """The published state of the user's offers, in the open-data export's own formats (re-importable here)."""
    if not may_see_own_offers(request.user):
        raise PermissionDenied
    if format not in ("csv", "hsds"):
        raise Http404
    offers = (
        offers_of_maintainer(user=request.user)
        .live()
        .select_related("district")
        .prefetch_related("categories", "dates", "languages")
    )
    base_url = settings.PORTAL_BASE_URL
    if format == "csv":
        # The byte order mark makes spreadsheet programs read the umlauts as UTF-8; the import skips it.
        response = HttpResponse(
            "\ufeff" + offers_to_csv(offers, base_url=base_url), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="meine-angebote.csv"'
    else:
        services = services_export(offers, base_url=base_url)
        response = HttpResponse(
            json.dumps(services, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="meine-angebote.hsds.json"'
    return response


class OfferCategoryViewSet(SnippetViewSet):
    model = OfferCategory
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class HolidayPeriodViewSet(SnippetViewSet):
    model = HolidayPeriod
    icon = "date"
    list_display = ["name", "start", "end"]
