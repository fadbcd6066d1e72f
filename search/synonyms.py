"""Words that mean the same thing to the search: the shipped list (search/dictionary/synonyms_de.txt) and the groups
the Redaktion keeps in the admin (`SearchSynonym`).

The query analysis asks for them on every search, so they are kept in this process's memory and read again only when
the version in the shared cache changes: every save or delete of a group sets a new one after its commit."""

from __future__ import annotations

import functools
import logging
import time
import uuid
from pathlib import Path

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.page_cache import forget_for_request, once_per_request

logger = logging.getLogger(__name__)

SHIPPED_PATH = Path(__file__).parent / "dictionary" / "synonyms_de.txt"
# The portal's family terms in the readers' languages: for German originals nobody translated yet.
GLOSSARY_PATH = Path(__file__).parent / "dictionary" / "glossary.txt"
VERSION_KEY = "portal:search:synonyms-version"
MIN_TERM_LENGTH = 2
MAX_TERM_LENGTH = 60
MAX_TERMS = 20
# Without a reachable cache there is no version to compare: the groups are then read at most this often.
UNKNOWN_VERSION_SECONDS = 60

Groups = tuple[tuple[str, ...], ...]
# (version, when it was read, groups): replaced as a whole, so a reader in another thread never sees half of it.
_kept: tuple[object, float, Groups | None] = (None, 0.0, None)


def split_terms(text: str) -> tuple[str, ...]:
    """The terms of a comma-separated group as written, stripped and with inner spaces collapsed; a term repeated in
    other capitals counts once (its first spelling is kept)."""
    seen: set[str] = set()
    terms = []
    for raw in text.split(","):
        term = " ".join(raw.split())
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return tuple(terms)


def term_problems(terms: tuple[str, ...]) -> list[str]:
    """What is wrong with a group, in words for the Redaktion (empty: it is fine)."""
    problems = []
    if len(terms) < 2:
        problems.append(_("Bitte geben Sie mindestens zwei verschiedene Begriffe an, durch Kommas getrennt."))
    if len(terms) > MAX_TERMS:
        problems.append(
            ngettext(
                "Bitte geben Sie höchstens %(limit)d Begriff an.",
                "Bitte geben Sie höchstens %(limit)d Begriffe an; teilen Sie längere Listen auf mehrere Gruppen auf.",
                MAX_TERMS,
            )
            % {"limit": MAX_TERMS}
        )
    for term in terms:
        if not MIN_TERM_LENGTH <= len(term) <= MAX_TERM_LENGTH:
            problems.append(
                _("„%(term)s“: Jeder Begriff muss %(min)d bis %(max)d Zeichen lang sein.")
                % {"term": term[:80], "min": MIN_TERM_LENGTH, "max": MAX_TERM_LENGTH}
            )
    return problems


def _valid(terms: tuple[str, ...]) -> bool:
    return not term_problems(terms)


@functools.cache
def shipped_groups() -> Groups:
    """The groups of the shipped list; a line that is not a valid group is skipped with a warning, never a crash."""
    return _file_groups(SHIPPED_PATH)


@functools.cache
def glossary_groups() -> Groups:
    """The shipped glossary's groups (a German term with its names in the readers' languages), read the same way."""
    return _file_groups(GLOSSARY_PATH)


def _file_groups(path: Path) -> Groups:
    groups = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        terms = split_terms(line)
        if _valid(terms):
            groups.append(terms)
        else:
            logger.warning("%s:%s is not a synonym group and is skipped: %r", path.name, number, line)
    return tuple(groups)


def _admin_groups() -> list[tuple[str, ...]]:
    from search.models import SearchSynonym

    texts = SearchSynonym.objects.filter(active=True).order_by("pk").values_list("terms", flat=True)
    return [terms for terms in map(split_terms, texts) if _valid(terms)]


def _read() -> Groups:
    """Shipped groups, then the Redaktion's; a group with the same terms as an earlier one is left out."""
    seen: set[frozenset[str]] = set()
    groups = []
    for terms in (*shipped_groups(), *glossary_groups(), *_admin_groups()):
        key = frozenset(term.casefold() for term in terms)
        if key not in seen:
            seen.add(key)
            groups.append(terms)
    return tuple(groups)


def _current_version():
    def read():
        try:
            version = cache.get(VERSION_KEY)
            if version is None:
                cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
                version = cache.get(VERSION_KEY)
            return version
        except Exception:  # noqa: BLE001 - any backend's connection error: the groups are read by time instead
            logger.warning("Cache unavailable; synonyms are read again every %s s", UNKNOWN_VERSION_SECONDS)
            return None

    return once_per_request(VERSION_KEY, read)


def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """Every synonym group the search uses: the shipped list and the Redaktion's active groups, terms as written."""
    global _kept
    # The version is read before the groups: a change committed in between leaves a newer version, so it is read then.
    version = _current_version()
    kept_version, read_at, groups = _kept
    fresh = version is not None or time.monotonic() - read_at < UNKNOWN_VERSION_SECONDS
    if groups is not None and kept_version == version and fresh:
        return groups
    groups = _read()
    _kept = (version, time.monotonic(), groups)
    return groups


def synonyms_changed() -> None:
    """A group was saved or deleted: after the commit every process reads the groups again, and the search forgets the
    results it kept (they were found with the old groups)."""
    from search.services import index_changed

    def after_commit() -> None:
        try:
            cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        except Exception:  # noqa: BLE001 - without a cache every process reads them again within a minute
            logger.warning("Cache unavailable; the new synonyms count within %s s", UNKNOWN_VERSION_SECONDS)
        forget_for_request(VERSION_KEY)
        index_changed()

    transaction.on_commit(after_commit)
