"""The interface catalogues: complete, reviewed (nothing fuzzy), compiled, and covering every string of our code."""

import os
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ["en", "tr", "ar", "uk", "ru"]
PLURAL_FORMS = {"en": 2, "tr": 2, "ar": 6, "uk": 3, "ru": 3}
# What holds our code; makemessages walks a temporary folder that links to these (it writes next to the code
# it finds, so it must not run in the checkout itself).
CODE = ["core", "community", "search", "home", "templates", "site"]
IGNORED = ["site/opensearch*", "*/static/vendor/*"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")


def catalogue(language: str, domain: str = "django") -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / f"{domain}.po"))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, set[tuple[str | None, str]]]:
    """Every (context, msgid) that makemessages finds in our templates, Python and JavaScript, per domain."""
    from django.test.utils import override_settings

    work = tmp_path_factory.mktemp("extract")
    for name in CODE:
        (work / name).symlink_to(ROOT / name)
    (work / "locale").mkdir()
    found = {}
    here = os.getcwd()
    os.chdir(work)
    try:
        for domain in ("django", "djangojs"):
            with override_settings(LOCALE_PATHS=[str(work / "locale")]):
                call_command(
                    "makemessages", locale=["xx"], domain=domain, symlinks=True, ignore_patterns=IGNORED, verbosity=0
                )
            path = work / "locale" / "xx" / "LC_MESSAGES" / f"{domain}.po"
            found[domain] = {(e.msgctxt, e.msgid) for e in polib.pofile(str(path))} if path.exists() else set()
    finally:
        os.chdir(here)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_and_reviewed(language):
    po = catalogue(language)
    assert po.metadata.get("Language") == language
    assert f"nplurals={PLURAL_FORMS[language]};" in po.metadata["Plural-Forms"].replace(" ", "")
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            if sorted(forms) != list(range(PLURAL_FORMS[language])) or not all(forms.values()):
                problems.append(f"plural forms missing: {entry.msgid!r}")
            translations = list(forms.values())
        else:
            if not entry.msgstr:
                problems.append(f"untranslated: {entry.msgid!r}")
            translations = [entry.msgstr]
        wanted = {m.group(0) for m in PLACEHOLDER.finditer(entry.msgid)}
        if "python-format" in entry.flags or "python-brace-format" in entry.flags:
            for text in translations:
                named = {m.group(0) for m in PLACEHOLDER.finditer(text)}
                if {p for p in wanted if "(" in p} - named:
                    problems.append(f"placeholder lost: {entry.msgid!r} → {text!r}")
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural for entry in mo}
    source = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in po.translated_entries()
        if not entry.obsolete
    }
    stale = [key for key, value in source.items() if compiled.get(key) != value]
    assert not stale, f"django.mo is older than django.po (run `make messages`): {stale[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_of_our_code_is_in_the_catalogue(extracted, language):
    for domain, wanted in extracted.items():
        path = ROOT / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
        have = (
            {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}
            if path.exists()
            else set()
        )
        missing = sorted(wanted - have, key=str)
        assert not missing, f"{language}/{domain}.po lacks {len(missing)} strings (run `make messages`): {missing[:15]}"


def test_extraction_sees_templates_python_and_javascript(extracted):
    # Guards the test above against an extraction that silently finds nothing.
    assert (None, "Zum Inhalt springen") in extracted["django"]  # templates/base.html
    assert (None, "Übersetzungen") in extracted["django"]  # home/translations/apps.py
    assert len(extracted["django"]) > 900
