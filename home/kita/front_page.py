"""The Kita search's panel for the front page: free places at a glance, from the Kitas' own current reports."""

from __future__ import annotations

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from core.registry import FrontPagePanel, front_page_panels
from core.restrictions import public
from home.front_page import section_page

NEWEST = 5


def free_places_at_a_glance(request, home) -> dict | None:
    """Per age group: free places and how many Kitas/childminders have them (recent reports only), and the newest
    reports with places; the reports belong to the German page, readers see the page in their own language tree."""
    from home.kita.models import DaycarePage, FreePlaces, KitaIndexPage
    from home.kita.models.pages import AgeGroup
    from home.kita.selectors import stale_before

    index = section_page(request, home, KitaIndexPage)
    if index is None:
        return None
    daycares = public(DaycarePage.objects.live()).child_of(index)
    current = FreePlaces.objects.filter(
        daycare__translation_key__in=daycares.values("translation_key"),
        daycare__live=True,
        free_places__gt=0,
        reported_at__gte=stale_before(),
    )
    totals = {
        row["group"]: row
        for row in current.values("group").annotate(places=Sum("free_places"), daycares=Count("daycare", distinct=True))
    }
    groups = [
        {
            "label": label,
            "places": totals.get(value, {}).get("places", 0),
            "daycares": totals.get(value, {}).get("daycares", 0),
        }
        for value, label in AgeGroup.choices
    ]
    newest = list(current.select_related("daycare").order_by("-reported_at")[:NEWEST])
    pages = {
        page.translation_key: page
        for page in daycares.filter(translation_key__in=[row.daycare.translation_key for row in newest])
    }
    reports = [
        {"daycare": pages[row.daycare.translation_key], "report": row}
        for row in newest
        if row.daycare.translation_key in pages
    ]
    childminders = current.filter(Q(daycare__childminderpage__isnull=False)).values("daycare").distinct().count()
    return {
        "groups": groups,
        "reports": reports,
        "childminders_with_places": childminders,
        "search_url": f"{index.url}?frei=1",
        "report_url": index.url + index.reverse_subpage("report"),
    }


front_page_panels.register(
    FrontPagePanel(
        key="kita_freie_plaetze",
        label=_("Freie Kita-Plätze auf einen Blick"),
        template="kita/front_page/free_places.html",
        context=free_places_at_a_glance,
        order=40,
    )
)
