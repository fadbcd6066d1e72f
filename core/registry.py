"""Lists that feature apps fill from their own code and one collector reads.

A feature app registers what it contributes in its `registry.py` (imported by its AppConfig.ready), so the
collectors (role sync, data download, profile page, district pages, demo city, admin menu, footer) never name a
feature, and an app left out of INSTALLED_APPS simply contributes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """An ordered list of contributions; items with an `order` attribute are read in that order."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._items: list[T] = []

    def register(self, item: T) -> T:
        if item not in self._items:  # a module imported twice (tests, autoreload) registers once
            self._items.append(item)
        return item

    def __iter__(self) -> Iterator[T]:
        return iter(sorted(self._items, key=lambda item: getattr(item, "order", 0)))

    def __len__(self) -> int:
        return len(self._items)


@dataclass(frozen=True)
class RoleGrants:
    """Permissions a role gets for one app's models and pages (the roles themselves are declared by accounts)."""

    role: str
    model_permissions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "app.model": actions
    section_permissions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "app.PageModel": on each page
    collection_permissions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # on the root collection


@dataclass(frozen=True)
class PersonalData:
    """One app's part of a member's data (Art. 15/20 DSGVO) and of deleting the account.

    `models` names every model ("app_label.ModelName") with a link to the account that this entry accounts for:
    a test fails for any such model that no entry names. `export(user)` returns JSON-ready data under `key`;
    `before_delete(user)` runs before the account row goes (to keep what others still need, e.g. forum threads).
    An entry without `key` covers models that hold nothing personal beyond the link; `reason` says why."""

    models: tuple[str, ...]
    key: str | None = None
    export: Callable[[Any], Any] | None = None
    before_delete: Callable[[Any], None] | None = None
    reason: str = ""
    order: int = 100


@dataclass(frozen=True)
class ProfileSection:
    """A block on /konto/profil/: the template gets `context(user)` plus the page's own context."""

    template: str
    context: Callable[[Any], dict]
    order: int = 100


@dataclass(frozen=True)
class DistrictSection:
    """A part of a district page (/de/stadtteile/<slug>/): `context(district, today)` for `template`, which
    renders one <section> per entry of `links` (anchor, lazy German title) for the page's table of contents."""

    links: tuple[tuple[str, Any], ...]
    template: str
    context: Callable[[Any, Any], dict]
    order: int = 100


@dataclass(frozen=True)
class DemoStep:
    """A part of the demo city; `seed()` is idempotent and returns report lines for `manage.py seed_demo`."""

    name: str
    seed: Callable[[], list[str]]
    order: int = 100


@dataclass(frozen=True)
class AdminSnippets:
    """Snippet view sets for the admin menu group "Verzeichnisdaten", in `order`."""

    viewsets: tuple[type, ...]
    order: int = 100


@dataclass(frozen=True)
class FooterLink:
    """One link in the footer: `text` is a lazy German label; `lang` marks a label in a language of its own."""

    url: str
    text: Any
    lang: str = ""


@dataclass(frozen=True)
class FooterLinks:
    """Links an app adds to the footer's navigation: `links(request)` returns FooterLinks for the current language,
    none where the app's page does not exist (yet)."""

    links: Callable[[Any], list[FooterLink]]
    order: int = 100


@dataclass(frozen=True)
class FrontPagePanel:
    """A live panel the Redaktion can place on the home page (this week's events, free Kita places, …).

    `label` (lazy German) names it in the page editor's choice; `context(request, home)` returns what `template`
    needs, read below `home` (the home page in the reader's language) with a fixed number of queries; None leaves
    the panel out (its section does not exist in this portal), an empty list inside says so to the reader."""

    key: str
    label: Any
    template: str
    context: Callable[[Any, Any], dict]
    order: int = 100
    personal: bool = False  # what it shows depends on the member reading (members-only forums): kept per member


@dataclass(frozen=True)
class ReviewItem:
    """One thing waiting for a decision, told the same way by every app: `url` opens its decision screen."""

    kind: str  # the key of the ReviewSource it comes from
    kind_label: Any
    title: str
    author: str  # display name; "" when the account is gone
    created_at: Any  # datetime
    url: str
    note: str = ""


@dataclass(frozen=True)
class ReviewSource:
    """An app's part of the review inbox (/admin/pruefen/): `allowed(user)` says whether the user decides this kind at
    all, `items(user)` returns the ReviewItems waiting for them, `count(user)` their number (one query)."""

    key: str
    label: Any
    allowed: Callable[[Any], bool]
    items: Callable[[Any], list[ReviewItem]]
    count: Callable[[Any], int]
    order: int = 100


@dataclass(frozen=True)
class Bookmarkable:
    """A page type parents can keep on their Merkliste (/de/merkliste/). `model` ("app_label.ModelName") is the
    specific page class, `kind` a stable key, `label` the lazy German heading of its group; `calendar_events(pages,
    base_url)` returns icalendar Events for the member's private feed (None: this kind has no dates)."""

    model: str
    kind: str
    label: Any
    calendar_events: Callable[[list[Any], str], list[Any]] | None = None
    order: int = 100


role_grants: Registry[RoleGrants] = Registry("role grants")
# Called after every role sync with no arguments: permissions kept outside Django's (machina's, workflows).
roles_synced: Registry[Callable[[], None]] = Registry("after role sync")
personal_data: Registry[PersonalData] = Registry("personal data")
profile_sections: Registry[ProfileSection] = Registry("profile sections")
district_sections: Registry[DistrictSection] = Registry("district sections")
demo_steps: Registry[DemoStep] = Registry("demo city")
directory_snippets: Registry[AdminSnippets] = Registry("directory snippets")
footer_links: Registry[FooterLinks] = Registry("footer links")
front_page_panels: Registry[FrontPagePanel] = Registry("front page panels")
review_sources: Registry[ReviewSource] = Registry("review inbox")
bookmarkable: Registry[Bookmarkable] = Registry("bookmarkable pages")
# Models ("app_label.ModelName", or a whole "app_label") that no public page shows: their writes leave the guests'
# page cache alone (core/page_cache.py). Everything else written empties it; leaving a model out costs hits, never
# shows a stale page.
page_cache_ignored: Registry[str] = Registry("not on public pages")


@dataclass(frozen=True)
class CalendarTarget:
    """A page type that dates from an imported calendar feed (home/calendar_feeds) can go to.

    `model` ("app_label.ModelName") is the page a feed names as its target; `owned(user)` returns the ids of such
    pages the user looks after (a provider's offers, a team's contact points); `apply(page=, date=, previous=,
    page_id=, user=)` writes a core.ical.FeedDate (previous: the values taken over before, None for a new date;
    date.cancelled for a removed one; page_id: the page an earlier date of the same UID went to) into a draft
    revision and returns the page whose revision now waits for review: never published.
    It raises django.core.exceptions.ValidationError with a German message when the date does not fit."""

    key: str
    label: Any
    model: str
    owned: Callable[[Any], Any]
    apply: Callable[..., Any]
    order: int = 100


calendar_targets: Registry[CalendarTarget] = Registry("calendar feed targets")
