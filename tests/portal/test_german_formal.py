"""The portal addresses parents as "Sie", also where django-machina and django-allauth bring their own German.

Both ship German catalogues that partly say "du"; locale/de/LC_MESSAGES/django.po overrides those messages. The
test reads every message id of their compiled catalogues and asks Django for the German the visitor actually gets.
"""

import gettext as gettext_module
import importlib.util
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext, npgettext, pgettext

INFORMAL = re.compile(
    r"\b(du|dich|dir|dein\w*|euch|euer|eure\w*|bist|hast|kannst|musst|willst|möchtest|solltest|wirst|darfst"
    r"|erhältst|siehst|sendest|verwendest)\b",
    re.IGNORECASE,
)
# machina calls following a topic "abonnieren"; the portal says "folgen" everywhere.
SUBSCRIBE = re.compile(r"abonn", re.IGNORECASE)


def catalogue_ids(package: str) -> list[tuple[str | None, str, str | None]]:
    """(context, msgid, msgid_plural) of the package's compiled German catalogue."""
    root = Path(importlib.util.find_spec(package).submodule_search_locations[0])
    with open(root / "locale" / "de" / "LC_MESSAGES" / "django.mo", "rb") as file:
        catalogue = gettext_module.GNUTranslations(file)._catalog
    plurals = {key[0]: None for key in catalogue if isinstance(key, tuple)}
    ids = []
    for key in catalogue:
        if isinstance(key, tuple) or not key:
            continue
        context, _sep, msgid = key.rpartition("\x04")
        ids.append((context or None, msgid, None))
    for key in plurals:
        context, _sep, msgid = key.rpartition("\x04")
        ids.append((context or None, msgid, msgid + "s"))  # the plural id itself is not stored; any text will do
    return ids


def effective(context, msgid, plural) -> list[str]:
    """What Django shows for this message in the active language (both forms for a plural)."""
    if plural is None:
        return [pgettext(context, msgid) if context else gettext(msgid)]
    if context:
        return [npgettext(context, msgid, plural, n) for n in (1, 2)]
    return [ngettext(msgid, plural, n) for n in (1, 2)]


def problems_in(package: str, language: str, pattern: re.Pattern) -> list[str]:
    found = []
    with translation.override(language):
        for context, msgid, plural in catalogue_ids(package):
            for text in effective(context, msgid, plural):
                if pattern.search(text):
                    found.append(f"{msgid!r} -> {text!r}")
                    break
    return found


@pytest.mark.parametrize("package", ["machina", "allauth"])
@pytest.mark.parametrize("language", ["de", settings.EASY_GERMAN])
def test_machina_and_allauth_speak_formally(package, language):
    ids = catalogue_ids(package)
    assert len(ids) > 100, f"{package}'s German catalogue was not found"
    problems = problems_in(package, language, INFORMAL)
    assert not problems, (
        f"informal German from {package} (override it in locale/de/LC_MESSAGES/django.po, then msgfmt):\n"
        + "\n".join(problems)
    )


def test_machina_follows_instead_of_subscribing():
    problems = problems_in("machina", "de", SUBSCRIBE)
    assert not problems, "the portal says folgen, not abonnieren:\n" + "\n".join(problems)


def test_the_check_recognises_informal_german():
    for informal in (
        "Du hast nun das Thema abonniert.",
        "Bitte prüfe deine Eingabe.",
        "Bist du sicher?",
        "Wir melden uns bei dir.",
    ):
        assert INFORMAL.search(informal), informal
    for formal in ("Sie folgen jetzt diesem Thema.", "Bitte prüfen Sie Ihre Eingabe.", "Durchsuchen", "Dirigent"):
        assert not INFORMAL.search(formal), formal


def test_arabic_pages_fall_back_to_the_formal_german_of_machina():
    """machina has no Arabic catalogue: its messages fall back to German, and that German is the formal one."""
    with translation.override("ar"):
        assert gettext("You subscribed to this topic successfully.") == "Sie folgen jetzt diesem Thema."
