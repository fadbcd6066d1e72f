"""Portal search benchmark: indexing throughput and query latency for generated documents.

    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal_bench \\
      .venv/bin/python bench/search_bench.py --docs 100000 [--engine opensearch://127.0.0.1:9200]

Fills the database engine (SearchEntry + full-text index) with --docs generated German documents, then, when
--engine is given, the search cluster from the same entries. Runs the relevance table's queries plus
generated ones against each engine and prints p50/p95 latency, then the same for the multilingual evaluation
set's queries in their readers' languages (two analyses per query: theirs and German). The database is emptied of search entries
first: use a database of its own (migrated), never one with real content.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import override_settings  # noqa: E402

from search.documents import SearchDocument, sibling_key  # noqa: E402
from search.models import SearchEntry, SearchWord  # noqa: E402
from search.query import SearchQuery  # noqa: E402
from search.services import cluster_engine, database_engine, engine_resume, entry_fields  # noqa: E402
from search.services import search_uncached as search  # noqa: E402  (the engine itself, nothing kept)
from search.suggest import vocabulary_add  # noqa: E402

DISTRICTS = [
    "Altstadt I",
    "Altstadt II",
    "Broich",
    "Dümpten",
    "Eppinghofen",
    "Fulerum",
    "Heißen",
    "Holthausen",
    "Menden-Holthausen",
    "Mintard",
    "Raadt",
    "Saarn",
    "Selbeck",
    "Speldorf",
    "Styrum",
    "Winkhausen",
]
KINDS = [
    "angebot",
    "angebot",
    "angebot",
    "kita",
    "tagespflege",
    "veranstaltung",
    "wiki",
    "forum",
    "forum",
    "wickelplatz",
]
TOPICS = [
    "Babyschwimmen",
    "Krabbelgruppe",
    "PEKiP-Kurs",
    "Kinderturnen",
    "Ferienbetreuung",
    "Vorlesestunde",
    "Musikgarten",
    "Erziehungsberatung",
    "Schwangerschaftsberatung",
    "Rückbildungsgymnastik",
    "Babymassage",
    "Elterncafé",
    "Sprachcafé",
    "Hausaufgabenhilfe",
    "Waldspielgruppe",
    "Kinderflohmarkt",
    "Kinderyoga",
    "Schwimmkurs",
    "Erste Hilfe am Kind",
    "Elternkurs",
    "Stilltreff",
    "Familienwanderung",
    "Kindertheater",
    "Kita-Platz",
    "Tagesmutter",
    "Wickeltisch",
    "Spielplatz",
    "Elterngeld",
    "Kindergeld",
    "Eingewöhnung",
]
WORDS = (
    "Kinder Eltern Familie Woche Termin Anmeldung kostenlos Gruppe Treffen Fragen Beratung Betreuung Angebot "
    "Stadtteil Mülheim Ruhr Sommer Herbst Winter Frühling Ferien Schule Kita Baby Kleinkind Mutter Vater "
    "spielen lernen singen turnen schwimmen basteln lesen essen schlafen Hilfe Tipps Erfahrung Alltag "
    "Nachmittag Vormittag Samstag Sonntag Montag Dienstag Mittwoch Donnerstag Freitag Halle Raum Garten "
    "Wald Park Spielplatz Bibliothek Zentrum Verein Kirche Gemeinde Träger Plätze frei Warteliste"
).split()
QUERIES = [
    "schwimmkurs baby saarn",
    "kitaplatz u3",
    "wickeltisch innenstadt",
    "ferienbetreuung styrum",
    "babyschwimen",
    "elterngeld antrag",
    "kita heissen",
    "tagesmutter raadt",
    "krabbelgruppe",
    "beratung",
    "kinderturnen samstag",
    "vorlesestunde dümpten",
    "erste hilfe kind",
    "musikgarten",
    "spielplatz park",
]


PROVIDERS = 2000  # offers of one provider and topic are siblings (search.documents.sibling_key): ~1.5 per result


def generate(count: int, seed: int = 42):
    rng = random.Random(seed)
    providers = random.Random(seed + 1)  # its own stream: the documents are those of earlier runs, plus the key
    for number in range(count):
        kind, topic, district = rng.choice(KINDS), rng.choice(TOPICS), rng.choice(DISTRICTS)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 80)))
        age_min = rng.choice([None, 0, 6, 12, 36, 72])
        owner = f"provider:{providers.randrange(PROVIDERS)}" if kind == "angebot" else ""
        yield SearchDocument(
            key=f"bench:{number}",
            kind=kind,
            title=f"{topic} {district} {number}",
            url=f"/bench/{number}/",
            text=f"{topic} in {district}. {text}",
            district=district,
            categories=[rng.choice(TOPICS)],
            age_min_months=age_min,
            age_max_months=None if age_min is None else age_min + rng.choice([12, 24, 36]),
            free_of_charge=rng.random() < 0.4,
            visibility="public" if rng.random() < 0.95 else "members",
            sibling_key=sibling_key(owner, f"{topic} {district} {number}", drop=[district]),
        )


def fill_database(count: int) -> float:
    started = time.perf_counter()
    db = database_engine()
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        db.clear()
        SearchWord.objects.all().delete()
    batch: list[SearchDocument] = []
    for document in generate(count):
        batch.append(document)
        if len(batch) == 1000:
            _write(batch, db)
            batch = []
    if batch:
        _write(batch, db)
    return time.perf_counter() - started


def _write(documents, db) -> None:
    with transaction.atomic():
        created = SearchEntry.objects.bulk_create([SearchEntry(key=d.key, **entry_fields(d)) for d in documents])
        if not all(e.pk for e in created):
            created = list(SearchEntry.objects.filter(key__in=[d.key for d in documents]))
        db.index_entries(created)
        vocabulary_add(" ".join(d.title + " " + d.text for d in documents))


def _typo(word: str, rng: random.Random) -> str:
    """The word as a hurried thumb types it: a letter left out, doubled or swapped with the next."""
    position = rng.randrange(1, len(word) - 1)
    how = rng.choice(("drop", "double", "swap"))
    if how == "drop":
        return word[:position] + word[position + 1 :]
    if how == "double":
        return word[:position] + word[position] + word[position:]
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


def query_mix(seed: int = 7) -> list[str]:
    """A realistic mix of what parents type, from the generated documents' words: single words that occur,
    typos of them, and two- and three-word queries (a topic with a Stadtteil or an everyday word)."""
    rng = random.Random(seed)
    topics = [topic.split()[0].replace("-", "") for topic in TOPICS]
    words = [word for word in WORDS if len(word) > 3]
    mix = [rng.choice(topics + words).lower() for _ in range(20)]
    mix += [_typo(rng.choice(topics + words).lower(), rng) for _ in range(15)]
    mix += [f"{rng.choice(topics)} {rng.choice(DISTRICTS).split()[0]}".lower() for _ in range(10)]
    mix += [f"{rng.choice(topics)} {rng.choice(words)}".lower() for _ in range(5)]
    mix += [f"{rng.choice(topics)} {rng.choice(words)} {rng.choice(DISTRICTS).split()[0]}".lower() for _ in range(10)]
    return mix


def latencies(runs: int, *, languages: bool = False, slowest: list | None = None) -> list[float]:
    """Search times in ms: German queries (the fixed list, the relevance table's and `query_mix`), or
    (`languages`) the multilingual set's queries in their readers' languages, which search two analyses at once
    (theirs for translations, German for the originals). `slowest` collects (ms, query) of each search."""
    from tests.search.multilingual_table import HELD_OUT, TUNING
    from tests.search.relevance_table import RELEVANCE

    if languages:
        queries = [(language, q) for language, q, _expected in TUNING + HELD_OUT]
    else:
        queries = [("de", q) for q in QUERIES + [q for q, _expected in RELEVANCE] + query_mix()]
    timings = []
    for number in range(runs):
        language, text = queries[number % len(queries)]
        query = SearchQuery(text=text, language=language, page=1 + number % 3)
        started = time.perf_counter()
        search(query)
        timings.append((time.perf_counter() - started) * 1000)
        if slowest is not None:
            slowest.append((timings[-1], language, text))
    return timings


def _slowest(found: list) -> str:
    return "  slowest: " + ", ".join(f"{text!r} ({language}) {ms:.0f} ms" for ms, language, text in sorted(found)[-5:])


def describe(name: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"{name}: p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms over {len(ordered)} searches"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--engine", default="", help="e.g. opensearch://127.0.0.1:9200")
    parser.add_argument("--keep", action="store_true", help="search the documents a previous run left")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}, {args.docs} documents")
    with override_settings(SEARCH_URL=""):
        if not args.keep or SearchEntry.objects.count() != args.docs:
            seconds = fill_database(args.docs)
            print(f"database index: {args.docs / seconds:.0f} documents/s ({seconds:.1f} s)")
        latencies(10)  # warm-up
        slowest: list = []
        print(describe(f"database engine ({connection.vendor})", latencies(args.runs, slowest=slowest)))
        print(_slowest(slowest))
        print(describe("  in other languages", latencies(args.runs, languages=True)))
    if args.engine:
        # A bulk rebuild of 100,000 documents on a small machine takes longer than a search may (3 s).
        with override_settings(SEARCH_URL=args.engine, SEARCH_INDEX_PREFIX="bench", SEARCH_TIMEOUT=120):
            engine_resume()
            engine = cluster_engine()
            started = time.perf_counter()
            engine.rebuild(SearchEntry.objects.order_by("pk").iterator(chunk_size=2000))
            seconds = time.perf_counter() - started
            print(f"{engine.name} index: {args.docs / seconds:.0f} documents/s ({seconds:.1f} s, bulk of 500)")
            latencies(20)
            slowest = []
            print(describe(engine.name, latencies(args.runs, slowest=slowest)))
            print(_slowest(slowest))
            print(describe("  in other languages", latencies(args.runs, languages=True)))


if __name__ == "__main__":
    main()
