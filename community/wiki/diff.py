"""Line diffs with the changed words marked, and the three-way merge behind the conflict view."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import merge3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "removed", "added"
    html: SafeString
    old_number: int | None = None
    new_number: int | None = None

    @property
    def blank(self) -> bool:
        """An empty line ends a paragraph in the wiki's Markdown: the diff has to show it, not fold it away."""
        return not re.sub(r"</?(ins|del)>|\s", "", str(self.html))


@dataclass
class DiffHunk:
    lines: list[DiffLine] = field(default_factory=list)


def _words(old: str, new: str) -> tuple[str, str]:
    old_words, new_words = WORDS.findall(old), WORDS.findall(new)
    old_html, new_html = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        old_part, new_part = escape("".join(old_words[i1:i2])), escape("".join(new_words[j1:j2]))
        if tag == "equal":
            old_html.append(old_part)
            new_html.append(new_part)
            continue
        if old_part:
            old_html.append(f"<del>{old_part}</del>")
        if new_part:
            new_html.append(f"<ins>{new_part}</ins>")
    return "".join(old_html), "".join(new_html)


def text_diff(old: str, new: str, *, context: int = 2) -> list[DiffHunk]:
    """Changed lines with `context` lines around them; a changed line pair shows which words differ."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    hunks = []
    for group in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_grouped_opcodes(context):
        hunk = DiffHunk()
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                hunk.lines += [
                    DiffLine("same", escape(old_lines[i]), i + 1, j + 1) for i, j in zip(range(i1, i2), range(j1, j2))
                ]
                continue
            removed, added = old_lines[i1:i2], new_lines[j1:j2]
            if tag == "replace" and len(removed) == len(added):
                pairs = [_words(a, b) for a, b in zip(removed, added)]
                hunk.lines += [DiffLine("removed", mark_safe(pair[0]), i1 + n + 1) for n, pair in enumerate(pairs)]
                hunk.lines += [DiffLine("added", mark_safe(pair[1]), None, j1 + n + 1) for n, pair in enumerate(pairs)]
                continue
            hunk.lines += [
                DiffLine("removed", mark_safe(f"<del>{escape(line)}</del>"), i1 + n + 1)
                for n, line in enumerate(removed)
            ]
            hunk.lines += [
                DiffLine("added", mark_safe(f"<ins>{escape(line)}</ins>"), None, j1 + n + 1)
                for n, line in enumerate(added)
            ]
        hunks.append(hunk)
    return hunks


@dataclass(frozen=True)
class Merge:
    text: str
    conflicts: int


def three_way_merge(*, base: str, mine: str, theirs: str) -> Merge:
    """Both sides' changes where they touch different lines; where they collide, both versions with markers."""
    merger = merge3.Merge3(_lines(base), _lines(mine), _lines(theirs))
    conflicts = sum(1 for region in merger.merge_regions() if region[0] == "conflict")
    text = "".join(
        merger.merge_lines(
            name_a=gettext("Ihre Fassung"),
            name_b=gettext("inzwischen gespeicherte Fassung"),
            start_marker="<<<<<<<",
            mid_marker="=======",
            end_marker=">>>>>>>",
        )
    )
    return Merge(text=text.rstrip("\n"), conflicts=conflicts)


def _lines(text: str) -> list[str]:
    return [line + "\n" for line in text.replace("\r\n", "\n").split("\n")]
