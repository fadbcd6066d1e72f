"""The portal's styles work in both reading directions: no physical left/right, arrows that turn round.

Arabic pages get dir="rtl". Logical properties (margin-inline-start, inset-inline-end, text-align: start …) follow
the direction by themselves; a single margin-left would put a gap on the wrong side in Arabic.
"""

import re
from pathlib import Path

from django.conf import settings

STYLES = Path(settings.BASE_DIR) / "home" / "static" / "portal"
TEMPLATES = Path(settings.BASE_DIR) / "templates"
PHYSICAL = re.compile(r"\b(left|right)\b", re.IGNORECASE)


def declarations(css: str):
    """(line, property, value) of every declaration; comments and quoted strings (content: "…") left out."""
    css = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), css, flags=re.S)
    css = re.sub(r"\"[^\"]*\"|'[^']*'", '""', css)
    for block in re.finditer(r"\{([^{}]*)\}", css):
        line = css.count("\n", 0, block.start()) + 1
        for declaration in block.group(1).split(";"):
            name, sep, value = declaration.partition(":")
            if sep:
                yield line + css.count("\n", block.start(), block.start(1)), name.strip().lower(), value.strip()


def physical_declarations(css: str) -> list[str]:
    return [
        f"line {line}: {name}: {value}"
        for line, name, value in declarations(css)
        if PHYSICAL.search(name) or PHYSICAL.search(value)
    ]


def test_the_check_finds_physical_properties_and_values():
    sample = """
    .a { margin-left: 1rem; }
    .b { padding-right: 0; border-top-left-radius: 2px; }
    .c { text-align: left; float: right; }
    .d { position: absolute; left: 0; right: 0; }
    .e { clear: left; background-position: right top; }
    .ok { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; float: inline-start; content: "left"; }
    /* margin-left in a comment is fine */
    """
    found = physical_declarations(sample)
    assert len(found) == 9, found
    assert not [f for f in found if "inline" in f or "content" in f]


def test_portal_css_uses_logical_properties_only():
    sheets = sorted(STYLES.rglob("*.css"))
    assert sheets, STYLES
    problems = [
        f"{sheet.relative_to(STYLES)} {finding}"
        for sheet in sheets
        for finding in physical_declarations(sheet.read_text())
    ]
    assert not problems, (
        "physical left/right in the portal CSS (use *-inline-start/end, inset-inline-*, start/end):\n"
        + "\n".join(problems)
    )


def test_direction_arrows_are_markup_the_stylesheet_mirrors():
    """← and → are not mirrored by the browser in Arabic text; the stylesheet turns .arrow round for dir="rtl"."""
    css = (STYLES / "css" / "portal.css").read_text()
    assert re.search(r'\[dir="rtl"\]\s*\.arrow\s*\{[^}]*transform:\s*scaleX\(-1\)', css)
    stray = []
    for template in sorted(TEMPLATES.rglob("*.html")):
        text = re.sub(r'<span class="arrow"[^>]*>[←→]</span>', "", template.read_text())
        for glyph in "←→«»":
            if glyph in text:
                stray.append(f"{template.relative_to(TEMPLATES)}: {glyph}")
    assert not stray, 'arrows outside <span class="arrow"> do not turn round in Arabic:\n' + "\n".join(stray)
