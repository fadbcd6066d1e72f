"""Search quality on material the search was not written next to (issue 21): top-1, top-3 and zero-result rates of
the judged queries in bench/evaluation/ over the evaluation corpus (bench/evaluation/corpus.py).

    .venv/bin/python bench/relevance.py                         # the development half, the embedded engine
    .venv/bin/python bench/relevance.py --half heldout          # the held-out half: for the final report only
    .venv/bin/python bench/relevance.py --database postgres://portal:portal@127.0.0.1:5432/portal_eval
    .venv/bin/python bench/relevance.py --search-url http://127.0.0.1:9200   # OpenSearch beside the database

Builds the evaluation city once in its own database (SQLite in bench/.work/eval/, or the empty database `--database`
names): migrate, the German demo city for its structure, every searchable object of the demo deleted, the corpus
loaded. `--fresh` builds the SQLite one again. Prints the rates per kind of query and language;
for the development half also each query that missed (for the held-out half only the rates, so that nobody tunes
the search to its queries).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / ".work" / "eval"


def _setup(database: str, search_url: str) -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": database,
            "SEARCH_URL": search_url,
            "PORTAL_MAIL": "off",
            "CACHE_URL": "locmemcache://evaluation",
        }
    )
    os.environ.pop("CELERY_BROKER_URL", None)
    import django

    django.setup()
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the demo's workflow mails


def _build(ids_file: Path) -> dict[int, str]:
    from django.core.management import call_command

    from bench.evaluation import corpus

    call_command("migrate", verbosity=0, interactive=False)
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", german_only=True, stdout=quiet)
    ids = corpus.load()
    ids_file.write_text(json.dumps(ids), encoding="utf-8")
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=["dev", "heldout"], default="dev")
    parser.add_argument("--database", help="a database URL of its own (default: SQLite in bench/.work/eval/)")
    parser.add_argument("--search-url", default="", help="an OpenSearch/Elasticsearch URL (default: none)")
    parser.add_argument("--fresh", action="store_true", help="build the evaluation city again")
    args = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    sqlite = WORK / "portal.sqlite3"
    database = args.database or f"sqlite:///{sqlite}"
    name = "".join(char if char.isalnum() else "-" for char in database.rsplit("/", 1)[-1])
    ids_file = WORK / f"corpus-ids-{name}.json"
    _setup(database, args.search_url)

    from bench.evaluation import corpus

    if args.fresh and not args.database:
        sqlite.unlink(missing_ok=True)
        ids_file.unlink(missing_ok=True)
    elif args.fresh:
        raise SystemExit("--fresh baut nur die SQLite-Datenbank neu; für eine andere legen Sie eine leere an.")
    if not ids_file.exists():
        print("Die Auswertungsstadt wird aufgebaut (einige Minuten) …", flush=True)
        ids = _build(ids_file)
    else:
        ids = {int(pk): corpus_id for pk, corpus_id in json.loads(ids_file.read_text(encoding="utf-8")).items()}
    from django.core.management import call_command

    from search.services import index_rebuild

    call_command("migrate", verbosity=0, interactive=False)  # a city built by an older checkout
    index_rebuild()  # the index as the search code of this checkout analyses it (and the cluster, if any)
    report = corpus.evaluate(args.half, ids)
    from django.db import connection

    print(report.summary() + f" — {connection.vendor}")
    counts = {name: sum(getattr(outcome, name) for outcome in report.outcomes) for name in ("top1", "top3", "zero")}
    print(f"  queries: top-1 {counts['top1']}, top-3 {counts['top3']}, zero results {counts['zero']}")
    for attribute in ("kind", "language"):
        for value, outcomes in report.by(attribute).items():
            print(
                f"  {attribute} {value:<10} {len(outcomes):3d} queries: top-1 {report.rate('top1', outcomes):4.0%}  "
                f"top-3 {report.rate('top3', outcomes):4.0%}  zero {report.rate('zero', outcomes):4.0%}"
            )
    if args.half == "dev":
        for outcome in report.outcomes:
            if not outcome.top3:
                query = outcome.query
                print(
                    f"  miss {query.id} [{query.language}, {query.kind}] {query.text!r}: want {query.relevant[:3]}, "
                    f"got {outcome.found[:3]}"
                )


if __name__ == "__main__":
    main()
