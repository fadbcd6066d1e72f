"""The search evaluation corpus (issue 21): offers, Kitas and wiki articles written apart from the demo city, with
translations and judged queries (bench/evaluation/content/, queries-*.tsv; README.md there says who wrote what).

`load()` turns a seeded demo city into the evaluation city: every object the search indexes is deleted (the demo's
offers, Kitas, articles, topics, places …: their texts were written next to the search's word lists), the corpus is
created through the portal's own paths (offers through the CSV import, translations through wagtail-localize as the
demo's), and the index is rebuilt, so it holds the corpus and nothing else. `evaluate()` runs a half of the queries
and scores the hits against the judgments. The held-out half is for the final report only: look at the development
half while working on the search, never at the held-out queries (bench/relevance.py prints only their rates).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "content"
HALVES = ("dev", "heldout")
LANGUAGES = ("en", "tr", "ar", "uk", "ru")
KITA_SUMMARY_MAX = 400  # a Kita page has a summary only: the corpus's description goes into it as far as it fits


@dataclass(frozen=True)
class Query:
    id: str
    language: str
    text: str
    relevant: tuple[str, ...]  # corpus ids, best first
    kind: str


def queries(half: str) -> list[Query]:
    if half not in HALVES:
        raise ValueError(f"half: one of {HALVES}")
    with (HERE / f"queries-{half}.tsv").open(encoding="utf-8", newline="") as file:
        return [
            Query(row["id"], row["language"], row["query"], tuple(row["relevant"].split()), row["kind"])
            for row in csv.DictReader(file, delimiter="\t")
        ]


def _json(name: str):
    return json.loads((CONTENT / name).read_text(encoding="utf-8"))


# --- building the evaluation city ----------------------------------------------------------------------------------


def _clear_searchable() -> int:
    """Delete everything the search indexes (the demo's content), whatever app registered it."""
    from wagtail.models import Page

    from search.documents import adapters, autodiscover

    autodiscover()
    removed = 0
    for registered in adapters():
        model = registered.model
        if issubclass(model, Page):
            for page in model.objects.all().order_by("-depth"):
                if Page.objects.filter(pk=page.pk).exists():  # not gone with an ancestor already
                    page.delete()
                    removed += 1
        else:
            removed += model.objects.all().delete()[0]
    return removed


def _provider_kind(name: str) -> str:
    lowered = name.lower()
    if "stadt" in lowered or "amt" in lowered:
        return "staedtisch"
    if any(word in lowered for word in ("kirch", "pfarr", "ev.", "kath.")):
        return "kirche"
    if "e. v." in lowered or "verein" in lowered or "awo" in lowered or "initiative" in lowered:
        return "verein"
    return "freier-traeger"


def _provider(name: str):
    from django.utils.text import slugify

    from home.directory.models import Provider

    return Provider.objects.get_or_create(
        name=name, defaults={"slug": slugify(name)[:200], "kind": _provider_kind(name)}
    )[0]


def _offers() -> dict[str, int]:
    from home.offers.exchange import parse_csv
    from home.offers.models import OfferIndexPage, OfferPage
    from home.offers.services import offers_import

    for provider in _json("providers.json"):
        _provider(provider["name"])
    index = OfferIndexPage.objects.filter(locale__language_code="de").first()
    report = offers_import(
        rows=parse_csv((CONTENT / "offers.csv").read_text(encoding="utf-8")), index=index, dry_run=False
    )
    if report.errors:
        raise RuntimeError(f"the corpus's offers do not import: {report.errors[:5]}")
    return {offer.external_id: offer.pk for offer in OfferPage.objects.filter(external_id__startswith="eval-")}


def _kita_summary(summary: str, description: str) -> str:
    text = f"{summary.strip()} {description.strip()}".strip()
    if len(text) <= KITA_SUMMARY_MAX:
        return text
    cut = text[: KITA_SUMMARY_MAX - 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…"


def _kitas() -> dict[str, int]:
    from django.utils.text import slugify
    from wagtail.models import Site

    from home.directory.models import Language
    from home.kita.demo import ensure_index
    from home.kita.models import AgeGroupCapacity, KitaFocus, KitaPage
    from home.models import District

    index = ensure_index(Site.objects.get(is_default_site=True).root_page)
    districts = {district.slug: district for district in District.objects.all()}
    focus = {item.name: item for item in KitaFocus.objects.originals()}
    languages = {language.code: language for language in Language.objects.originals()}
    created = {}
    for item in _json("kitas.json"):
        kita = KitaPage(
            title=item["name"],
            slug=slugify(item["name"].replace("ß", "ss").replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")),
            carrier=_provider(item["carrier"]) if item.get("carrier") else None,
            district=districts.get(item["district"]),
            summary=_kita_summary(item["summary"], item.get("description", "")),
            street=item["street"],
            postcode=item["postcode"],
            latitude=Decimal(str(item["latitude"])),
            longitude=Decimal(str(item["longitude"])),
            lunch=bool(item.get("lunch", True)),
            open_days=item.get("open_days", "")[:300],
        )
        kita.capacities = [
            AgeGroupCapacity(group=group["group"], places=group["places"], min_age_months=group["min_age_months"])
            for group in item["groups"]
        ]
        kita.focus = [focus[name] for name in item.get("focus", [])]
        kita.languages = [languages[code] for code in item.get("languages", []) if code in languages]
        index.add_child(instance=kita)
        kita.save_revision().publish()
        created[item["external_id"]] = kita.pk
    return created


def _wiki() -> dict[str, int]:
    from django.utils.text import slugify

    from community.wiki.models import WikiArticlePage, WikiIndexPage

    index = WikiIndexPage.objects.filter(locale__language_code="de").first()
    created = {}
    for item in _json("wiki.json"):
        article = WikiArticlePage(title=item["title"], slug=slugify(item["title"])[:200], body=item["body"])
        index.add_child(instance=article)
        article.save_revision().publish()
        created[item["external_id"]] = article.pk
    return created


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def _strings(german: dict[str, str], translated: dict[str, str]) -> dict[str, str]:
    """German text → its translation, field by field and paragraph by paragraph."""
    strings = {}
    for name, text in german.items():
        if name not in translated:
            continue
        ours, theirs = _paragraphs(text), _paragraphs(translated[name])
        if len(ours) == len(theirs):
            strings.update(zip(ours, theirs, strict=True))
        strings[text.strip()] = translated[name].strip()
    return strings


def _translate(page, language: str, strings: dict[str, str]) -> bool:
    """Through the demo's own path (wagtail-localize segments): a segment the corpus has no translation for (a
    venue, a street) stays German, as a translator leaves names."""
    from html import unescape

    from wagtail_localize.models import TranslationSource

    from home.translations.demo import _text_segments, translate_instance

    source, _created = TranslationSource.update_or_create_from_instance(page)
    segments = _text_segments(source)
    mapping = {}
    for segment in segments:
        text = segment.string.data
        plain = unescape(text).strip()
        mapping[text] = strings.get(plain, strings.get(text, text))
    return translate_instance(page, language, mapping, source=source, segments=segments)


def _translations(pages: dict[str, int]) -> int:
    from wagtail.models import Page

    from home.translations.services import locales_enable

    locales_enable(list(LANGUAGES))
    originals = {
        **{row["external_id"]: row for row in csv.DictReader((CONTENT / "offers.csv").open(encoding="utf-8"))},
        **{item["external_id"]: item for item in _json("kitas.json")},
        **{item["external_id"]: item for item in _json("wiki.json")},
    }
    done = 0
    for external_id, by_language in _json("translations.json").items():
        page = Page.objects.get(pk=pages[external_id]).specific
        original = originals[external_id]
        for language, fields in by_language.items():
            if external_id.startswith("eval-kita-"):
                german = {
                    "name": original["name"],
                    "summary": _kita_summary(original["summary"], original.get("description", "")),
                }
                fields = {
                    "name": fields["name"],
                    "summary": _kita_summary(fields["summary"], fields.get("description", "")),
                }
                german["title"], fields["title"] = german.pop("name"), fields.pop("name")
            elif external_id.startswith("eval-wiki-"):
                german = {"title": original["title"], "body": original["body"]}
            else:
                german = {key: original[key] for key in ("title", "summary", "description")}
            if _translate(page, language, _strings(german, fields)):
                done += 1
    return done


def load() -> dict[str, str]:
    """Make the seeded city the evaluation city; returns page id → corpus id for every language's page."""
    from wagtail.models import Page

    from search.services import index_rebuild
    from search.signals import search_updates_muted

    with search_updates_muted():
        _clear_searchable()
        pages = {**_offers(), **_kitas(), **_wiki()}
        _translations(pages)
    index_rebuild()
    by_key = {
        key: external_id
        for external_id, key in (
            (external_id, Page.objects.filter(pk=pk).values_list("translation_key", flat=True).first())
            for external_id, pk in pages.items()
        )
    }
    return {
        pk: by_key[key]
        for pk, key in Page.objects.filter(translation_key__in=list(by_key)).values_list("pk", "translation_key")
    }


# --- scoring -----------------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    query: Query
    # Corpus ids of the results, in order (a page in several languages counts once); each result's ids are its own
    # and those of the siblings listed under it (search.documents.sibling_key).
    found: list[tuple[str, ...]]

    @property
    def top1(self) -> bool:
        """The first result itself (not a sibling listed under it) is relevant."""
        return bool(self.found) and self.found[0][0] in self.query.relevant

    @property
    def top3(self) -> bool:
        """One of the first three results, or a sibling listed under one, is relevant."""
        return any(hit in self.query.relevant for result in self.found[:3] for hit in result)

    @property
    def zero(self) -> bool:
        return not self.found


@dataclass
class Report:
    half: str
    engine: str
    outcomes: list[Outcome] = field(default_factory=list)

    def rate(self, name: str, outcomes: list[Outcome] | None = None) -> float:
        chosen = self.outcomes if outcomes is None else outcomes
        return sum(getattr(outcome, name) for outcome in chosen) / len(chosen) if chosen else 0.0

    def by(self, attribute: str) -> dict[str, list[Outcome]]:
        groups: dict[str, list[Outcome]] = {}
        for outcome in self.outcomes:
            groups.setdefault(getattr(outcome.query, attribute), []).append(outcome)
        return dict(sorted(groups.items()))

    def summary(self) -> str:
        return (
            f"{self.engine}, {self.half} half ({len(self.outcomes)} queries): top-1 {self.rate('top1'):.0%}, "
            f"top-3 {self.rate('top3'):.0%}, zero results {self.rate('zero'):.0%}"
        )


def evaluate(half: str, corpus_ids: dict[int, str]) -> Report:
    from search.query import SearchQuery
    from search.services import resolve, search_uncached

    report = Report(half=half, engine="")
    for query in queries(half):
        results = search_uncached(SearchQuery(text=query.text, language=query.language))
        report.engine = results.engine
        found: list[tuple[str, ...]] = []
        seen: set[str] = set()
        for result in results.hits:
            ids = []
            for hit in (result, *result.siblings):
                corpus_id = corpus_ids.get(getattr(resolve(hit.key), "pk", None))
                if corpus_id and corpus_id not in seen:
                    seen.add(corpus_id)
                    ids.append(corpus_id)
            if ids:
                found.append(tuple(ids))
        report.outcomes.append(Outcome(query, found))
    return report
