"""What a search asks and what it answers, the same for every engine."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

PER_PAGE = 10
SIBLINGS_SHOWN = 10  # near-identical siblings listed under a result (the rest are counted)
MAX_QUERY_LENGTH = 200

# Age facet: a document counts in a band when its age range (in months) overlaps it.
AGE_BANDS = [
    ("0-1", 0, 11, _("unter 1 Jahr")),
    ("1-3", 12, 35, _("1 bis 3 Jahre")),
    ("3-6", 36, 71, _("3 bis 6 Jahre")),
    ("6-10", 72, 119, _("6 bis 10 Jahre")),
    ("10-18", 120, 215, _("10 bis 18 Jahre")),
]
AGE_BAND_RANGES = {key: (low, high) for key, low, high, _label in AGE_BANDS}
FILTER_NAMES = ("typ", "stadtteil", "kategorie", "alter", "kostenlos")


@dataclass
class SearchQuery:
    text: str
    language: str = "de"
    audience: str = "public"  # "members" also sees members-only forums
    kind: str = ""
    district: str = ""
    category: str = ""
    age: str = ""  # a key of AGE_BANDS
    free: bool = False
    page: int = 1
    per_page: int = PER_PAGE
    prefix: bool = True  # the last word may be unfinished (autocomplete)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def visibilities(self) -> list[str]:
        return ["public", "members"] if self.audience == "members" else ["public"]

    def filters(self) -> dict:
        return {
            name: value
            for name, value in (
                ("typ", self.kind),
                ("stadtteil", self.district),
                ("kategorie", self.category),
                ("alter", self.age),
                ("kostenlos", "1" if self.free else ""),
            )
            if value
        }


@dataclass
class Hit:
    key: str
    kind: str
    title: str
    url: str
    title_html: str
    snippet_html: str
    district: str = ""
    categories: list[str] = field(default_factory=list)
    date_start: datetime.date | None = None
    date_end: datetime.date | None = None
    language: str = "de"
    score: float = 0.0
    # Set when the text is not in the reader's language (a German original): its `lang` and `dir` attributes.
    content_lang: str = ""
    content_dir: str = ""
    # Query words this hit does not contain: set when no document had them all and the results are the documents
    # that match most of them (`SearchResults.partial`); the page shows them struck through.
    missing: list[str] = field(default_factory=list)
    # Near-identical siblings that matched too (search.documents.sibling_key), shown under this hit: the first
    # SIBLINGS_SHOWN by date, and how many there are in all.
    siblings: list[Hit] = field(default_factory=list)
    sibling_count: int = 0

    def sibling_order(self) -> tuple:
        """Siblings by their first date (those without one last), then by key (as the cluster sorts them)."""
        return (self.date_start is None, self.date_start or datetime.date.min, self.key)

    @property
    def kind_label(self) -> str:
        from search.documents import kind_labels

        return kind_labels().get(self.kind, self.kind)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    query: SearchQuery
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str = ""  # "did you mean"
    engine: str = ""
    notice: str = ""
    # No document matched every word: the hits match most of them (each says which words it lacks).
    partial: bool = False
    # The database engine counted a bounded set of matches: `total` is a lower bound ("mehr als …").
    more: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))
