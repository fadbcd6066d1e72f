"""Parents' place suggestions (pages in the approval workflow) and reports (notes on a place) in the review inbox."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.registry import ReviewItem, ReviewSource, review_sources
from core.review import display_name, page_review_source
from home.changing_places.models import ChangingPlacePage, ChangingPlaceReport
from home.changing_places.selectors import open_report_count


def _label(page):
    return _("Wickelort (Änderung)") if page.live else _("Wickelort (Vorschlag)")


def _reports_allowed(user) -> bool:
    return user.has_perm("changing_places.change_changingplacereport")


def _report_items(user) -> list[ReviewItem]:
    reports = (
        ChangingPlaceReport.objects.filter(resolved_at__isnull=True)
        .select_related("place", "reported_by")
        .order_by("created_at")
    )
    return [
        ReviewItem(
            kind="wickelort-hinweise",
            kind_label=_("Hinweis zu einem Wickelort"),
            title=report.place.title,
            author=display_name(report.reported_by),
            created_at=report.created_at,
            url=reverse("changingplacereport:edit", args=[report.pk]),
            note=f"{report.get_reason_display()}: {report.comment}".strip(": "),
        )
        for report in reports
    ]


review_sources.register(
    page_review_source(
        key="wickelorte",
        label=_("Wickelort-Vorschläge"),
        page_model=ChangingPlacePage,
        kind_label=_("Wickelort"),
        label_for=_label,
        order=30,
    )
)
review_sources.register(
    ReviewSource(
        key="wickelort-hinweise",
        label=_("Hinweise zu Wickelorten"),
        allowed=_reports_allowed,
        items=_report_items,
        count=lambda user: open_report_count(),
        order=31,
    )
)
