"""The Redaktion's import page in the Wagtail admin: upload, dry run with a report, then the real run."""

from __future__ import annotations

import json

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.snippets.views.snippets import SnippetViewSet

from home.offers.exchange import ParsedRow, offers_to_csv, parse_csv, parse_hsds
from home.offers.hsds import services_export
from home.offers.models import HolidayPeriod, OfferCategory, OfferIndexPage
from home.offers.selectors import offers_of_maintainer, offers_review_status, sees_all_offers
from home.offers.services import ImportReport, offers_import

MAX_UPLOAD = 5 * 1024 * 1024
REPORT_SESSION_KEY = "offers_import_report"  # the last report of this session, until the next upload


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


def parse_upload(*, name: str, content: bytes) -> list[ParsedRow]:
    """Turn an uploaded or given file into rows; undecodable input becomes one error, not an exception."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [ParsedRow(position=_("Datei"), errors=[_("Die Datei ist nicht in UTF-8 kodiert.")])]
    if name.lower().endswith(".json"):
        try:
            return parse_hsds(json.loads(text))
        except json.JSONDecodeError as error:
            return [
                ParsedRow(
                    position=_("Zeile %(line)s") % {"line": error.lineno},
                    errors=[_("Kein gültiges JSON: %(msg)s") % {"msg": error.msg}],
                )
            ]
    return parse_csv(text)


def import_offers_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("offers.import_offers"):
        raise PermissionDenied
    report: ImportReport | None = None
    form = ImportForm(request.POST or None, request.FILES or None)
    index = OfferIndexPage.objects.first()
    if request.method == "POST" and form.is_valid() and index is not None:
        upload = form.cleaned_data["file"]
        rows = parse_upload(name=upload.name, content=upload.read())
        report = offers_import(rows=rows, index=index, user=request.user, dry_run=form.cleaned_data["dry_run"])
        # The report is kept for a download link: the upload cannot be asked for again by a plain GET.
        request.session[REPORT_SESSION_KEY] = report.as_csv()
    return render(
        request,
        "offers/admin_import.html",
        {
            "form": form,
            "report": report,
            "index": index,
            "page_title": _("Angebote importieren"),
        },
    )


def import_offers_report_view(request: HttpRequest) -> HttpResponse:
    """The last import's report as CSV, for the officer to fix the source file row by row."""
    if not request.user.has_perm("offers.import_offers"):
        raise PermissionDenied
    text = request.session.get(REPORT_SESSION_KEY)
    if text is None:
        raise Http404(_("Es gibt noch keinen Importbericht."))
    # The byte order mark makes spreadsheet programs read the umlauts as UTF-8.
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="importbericht.csv"'
    return response


# --- "Meine Angebote": a provider's own offers, their state, export and an import that goes to review ------------
MINE_REPORT_SESSION_KEY = "offers_mine_import_report"


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
    report: ImportReport | None = None
    if request.method == "POST" and form is not None and form.is_valid() and index is not None:
        upload = form.cleaned_data["file"]
        rows = parse_upload(name=upload.name, content=upload.read())
        report = offers_import(
            rows=rows,
            index=index,
            user=request.user,
            dry_run=form.cleaned_data["dry_run"],
            for_providers=providers,
        )
        request.session[MINE_REPORT_SESSION_KEY] = report.as_csv()
    statuses = offers_review_status(offers=offers_of_maintainer(user=request.user))
    return render(
        request,
        "offers/admin_own_offers.html",
        {
            "statuses": statuses,
            "providers": providers,
            "sees_all": sees_all_offers(request.user),
            "form": form,
            "report": report,
            "page_title": _("Meine Angebote"),
        },
        status=400 if request.method == "POST" and (form is None or not form.is_valid()) else 200,
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


def own_offers_report_view(request: HttpRequest) -> HttpResponse:
    if not may_see_own_offers(request.user):
        raise PermissionDenied
    text = request.session.get(MINE_REPORT_SESSION_KEY)
    if text is None:
        raise Http404(_("Es gibt noch keinen Importbericht."))
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="importbericht.csv"'
    return response


class OfferCategoryViewSet(SnippetViewSet):
    model = OfferCategory
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class HolidayPeriodViewSet(SnippetViewSet):
    model = HolidayPeriod
    icon = "date"
    list_display = ["name", "start", "end"]
