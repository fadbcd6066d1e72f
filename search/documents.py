"""What the portal search indexes, and the registry of per-type adapters that build it.

Adding a searchable type is one declared step: a `search_documents.py` next to the model with a function
decorated by `@adapter(Model, kind=…)` that returns a `SearchDocument` (or None when nobody may see it).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.html import strip_tags

from core.registry import Registry

ADAPTER_MODULE = "search_documents"


@dataclass
class SearchDocument:
    key: str
    kind: str
    title: str
    url: str
    text: str = ""
    language: str = "de"
    translated_to: list[str] = field(default_factory=list)
    district: str = ""
    categories: list[str] = field(default_factory=list)
    age_min_months: int | None = None
    age_max_months: int | None = None
    free_of_charge: bool | None = None
    latitude: float | None = None
    longitude: float | None = None
    date_start: datetime.date | None = None
    date_end: datetime.date | None = None
    visibility: str = "public"
    boost: float = 1.0
    # Documents with the same key are near-identical siblings (one provider's course on other days, in other groups
    # or districts): a search shows the best of them with the others under it (`sibling_key()`); "" stands alone.
    sibling_key: str = ""


@dataclass(frozen=True)
class Adapter:
    model: type
    kind: str
    label: str | Promise
    build: Callable[[object], SearchDocument | None]
    queryset: Callable[[], Iterable]
    key_prefix: str


_adapters: dict[type, Adapter] = {}


def adapter(model, *, kind: str, label, queryset: Callable[[], Iterable] | None = None, key_prefix: str = "page"):
    """Declare `build(obj) -> SearchDocument | None` as the way `model` objects enter the portal search."""

    def register(build):
        _adapters[model] = Adapter(
            model=model,
            kind=kind,
            label=label,
            build=build,
            key_prefix=key_prefix,
            queryset=queryset or (lambda: model.objects.all()),
        )
        return build

    return register


def autodiscover() -> None:
    """Import the `search_documents` module of every installed app, so their adapters register (an app left out
    of INSTALLED_APPS contributes no documents)."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules(ADAPTER_MODULE)


def adapters() -> list[Adapter]:
    return list(_adapters.values())


def adapter_for(obj) -> Adapter | None:
    for cls in type(obj).__mro__:
        if cls in _adapters:
            return _adapters[cls]
    return None


def kind_labels() -> dict[str, str]:
    return {a.kind: str(a.label) for a in _adapters.values()}


# --- Translations -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TranslationsUnderReview:
    """Live pages of a translated locale whose first translation still waits for review: readers get the source's
    text there, so search treats them like aliases (never indexed, not a translation of their original).
    `page_ids()` reads them fresh (it runs in index updates); saving or deleting a row of `model` (with a
    `page_id`) re-indexes that page and its translations."""

    page_ids: Callable[[], Collection[int]]
    model: type | None = None


class _ReviewRegistry(Registry[TranslationsUnderReview]):
    def register(self, item: TranslationsUnderReview) -> TranslationsUnderReview:
        if item.model is not None:
            from search.signals import follow_review_model

            follow_review_model(item.model)
        return super().register(item)


# Filled by the app that runs the translation review (home.translations); without it, no page is under review.
translations_under_review: Registry[TranslationsUnderReview] = _ReviewRegistry("translations under review")


def pages_under_review() -> frozenset[int]:
    ids: set[int] = set()
    for source in translations_under_review:
        ids.update(source.page_ids())
    return frozenset(ids)


def own_text_pages(queryset):
    """The pages of `queryset` that show their own text: no aliases (their original is indexed) and no copies
    whose translation is still under review."""
    return queryset.filter(alias_of__isnull=True).exclude(pk__in=list(pages_under_review()))


# --- Helpers for adapters -----------------------------------------------------------------------------


def plain(*parts) -> str:
    """Plain text from strings, rich text and Markdown: tags and markup characters out, blank parts skipped."""
    text = " ".join(str(p) for p in parts if p)
    text = strip_tags(text)
    text = re.sub(r"[#*_>`|~\[\]]+|\]\([^)]*\)", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def stream_text(value) -> str:
    """The words of a StreamField without rendering it (no templates, no image lookups)."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for name, item in node.items():
                if name not in ("type", "id", "image", "page", "document", "url", "embed"):
                    walk(item)
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item)

    walk(getattr(value, "raw_data", value) or [])
    return plain(*found)


def page_document(page, *, kind: str, **fields) -> SearchDocument | None:
    """A document for a Wagtail page, or None unless it is live, public, reachable under a site and shows its own
    text (an alias or a copy under review shows its original's, which is indexed instead)."""
    from wagtail.models import Page

    if page.alias_of_id or page.pk in pages_under_review():
        return None
    if not page.live or page.expired or not Page.objects.filter(pk=page.pk).public().exists():
        return None
    url = page.get_url()
    if not url:
        return None
    language = page.locale.language_code if page.locale_id else "de"
    translated_to = []
    if language == "de":
        # Only real translations count: readers of a language with just an alias get this German original.
        translated_to = sorted(
            set(
                own_text_pages(Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk))
                .live()
                .values_list("locale__language_code", flat=True)
            )
        )
    return SearchDocument(
        key=f"page:{page.pk}",
        kind=kind,
        title=page.title,
        url=url,
        language=language,
        translated_to=translated_to,
        **fields,
    )


# Words that tell one provider's near-identical offers apart (the day, the month, the season, the time), not what
# they are; numbers, single letters and whatever stands in brackets do the same ("Gruppe 2", "Kurs B", "(montags)").
SIBLING_NOISE = frozenset(
    """
    montag dienstag mittwoch donnerstag freitag samstag sonntag montags dienstags mittwochs donnerstags freitags
    samstags sonntags mo di mi do fr sa so wochenende werktags januar februar marz april mai juni juli august
    september oktober november dezember jan feb mar apr jun jul aug sep sept okt nov dez fruhjahr fruhling sommer
    herbst winter vormittag vormittags nachmittag nachmittags abend abends morgens morgen mittags uhr ab bis und
    monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays
    saturdays sundays morning mornings afternoon afternoons evening evenings spring summer autumn fall
    """.split()
)
SIBLING_LABELS = frozenset(
    "gruppe gruppen kurs kurse termin block teil durchgang staffel einheit stufe level group session part class".split()
)
SIBLING_KEY_LENGTH = 200


def sibling_key(owner: str, title: str, *, language: str = "de", drop: Iterable[str] = ()) -> str:
    """The key that makes one owner's documents whose titles differ only in when, where or which group they are
    siblings: "Schwimmkurs Seepferdchen (montags)" and "… (freitags)" of one provider share it. `drop`: words of
    this document's own place (its Stadtteil, its venue) that siblings elsewhere do not have. "" (standing alone)
    without an owner or when nothing but such words is left."""
    from search.analysis import fold

    if not owner:
        return ""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", title)
    dropped = {fold(word) for place in drop if place for word in re.findall(r"\w+", place)}
    folded = [fold(raw) for raw in re.findall(r"\w+", text)]
    counters = {n for n, word in enumerate(folded) if any(char.isdigit() for char in word) or len(word) == 1}
    counters |= {n for n, word in enumerate(folded) if re.fullmatch(r"[ivx]+", word) and n}
    # "Gruppe 2", "Kurs B", "Teil II": the label of a counter goes with it.
    counters |= {n for n, word in enumerate(folded) if word in SIBLING_LABELS and n + 1 in counters}
    words = [
        word for n, word in enumerate(folded) if n not in counters and word not in SIBLING_NOISE and word not in dropped
    ]
    if not words:
        return ""
    return f"{owner}|{language}|{' '.join(words)}"[:SIBLING_KEY_LENGTH]


def decimal(value) -> float | None:
    return float(value) if value is not None else None
