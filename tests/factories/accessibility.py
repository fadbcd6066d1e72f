import datetime

from wagtail.rich_text import RichText

from home.accessibility.models import AccessibilityStatementPage, EasyLanguageGuidePage

from .pages import section


def statement_page(home_page, **fields) -> AccessibilityStatementPage:
    fields = {
        "title": "Erklärung zur Barrierefreiheit",
        "slug": "barrierefreiheit",
        "status": AccessibilityStatementPage.Status.PARTIAL,
        "created_on": datetime.date(2026, 1, 15),
        "reviewed_on": datetime.date(2026, 6, 1),
        "assessment": "Selbstbewertung der Redaktion",
        "barriers": [
            (
                "barrier",
                {
                    "title": "Karten",
                    "reason": "Karten lassen sich nicht vollständig mit der Tastatur bedienen.",
                    "alternative": "Jede Adresse steht auch als Text auf der Seite.",
                },
            )
        ],
        "feedback_intro": "Schreiben Sie uns, wenn Ihnen eine Barriere auffällt.",
        "enforcement": "<p>Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen</p>",
        **fields,
    }
    return section(home_page, AccessibilityStatementPage, **fields)


def easy_guide(home_page, **fields) -> EasyLanguageGuidePage:
    fields = {
        "title": "So nutzen Sie das Familienportal",
        "slug": "so-nutzen-sie-das-familienportal",
        "intro": "Was Sie hier finden.",
        "sections": [
            (
                "section",
                {"heading": "Was finden Sie hier?", "text": RichText("<p>Kitas und Angebote.</p>"), "image": None},
            )
        ],
        **fields,
    }
    return section(home_page, EasyLanguageGuidePage, **fields)
