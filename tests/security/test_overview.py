"""The overview of the security tests in docs/testing.md stays true: every test it names exists and is driven by a
table (parametrized), except where the row says there is none (one test that compares everything at once)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs" / "testing.md"
ROW = re.compile(r"^\| (?P<what>[^|]+) \| (?P<table>[^|]+) \| `(?P<test>tests/[\w/]+\.py::\w+)` \|$", re.MULTILINE)


def rows() -> list[dict[str, str]]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Security and operations tests", 1)[1].split("\n## ", 1)[0]
    return [match.groupdict() for match in ROW.finditer(section)]


def test_the_overview_covers_what_the_issue_asks_for():
    named = " ".join(row["what"] for row in rows())
    for topic in ("lockout", "proxy", "second factor", "headers", "dead cache", "health", "twice", "backup", "upload"):
        assert topic in named, f"docs/testing.md names no security test for {topic!r}"


@pytest.mark.parametrize("row", rows(), ids=lambda row: row["test"].rpartition("::")[2])
def test_each_test_named_in_the_overview_exists_and_walks_its_table(row):
    path, _, name = row["test"].partition("::")
    module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
    test = getattr(module, name, None)
    assert callable(test), f"{row['test']} is named in docs/testing.md but does not exist"
    parametrized = any(mark.name == "parametrize" for mark in getattr(test, "pytestmark", []))
    assert parametrized == (row["table"].strip() != "—"), f"{row['test']}: the table column says {row['table']!r}"
