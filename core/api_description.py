"""The OpenAPI 3.1 description of /api/v1/, served at /api/v1/openapi.json and checked against the responses in CI.

core/openapi.json holds what every endpoint shares (info, paging, filter errors); each app with API endpoints keeps
the description of its own paths in an `openapi.json` (or several `openapi*.json`) beside its api.py. Only installed apps are described, as only
their URLs exist (site/portal/urls.py). A new app's endpoints need a new fragment, nothing here; its components may
use the shared ones by "#/components/…".
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from django.apps import apps
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

BASE = Path(__file__).with_name("openapi.json")
FRAGMENTS = "openapi*.json"  # an app may split its description (home/offers: its own API and the HSDS API)


@functools.cache
def api_description() -> dict:
    """The whole document: the shared base with every installed app's paths and components merged in."""
    document = json.loads(BASE.read_text(encoding="utf-8"))
    for config in apps.get_app_configs():
        if config.name == "core":
            continue
        for fragment_path in sorted(Path(config.path).glob(FRAGMENTS)):
            fragment = json.loads(fragment_path.read_text(encoding="utf-8"))
            _merge(document["paths"], fragment.get("paths", {}), source=fragment_path)
            for section, entries in fragment.get("components", {}).items():
                _merge(document["components"].setdefault(section, {}), entries, source=fragment_path)
    return document


def _merge(target: dict, entries: dict, *, source: Path) -> None:
    # Two apps describing the same path or component would silently overwrite each other.
    clash = target.keys() & entries.keys()
    if clash:
        raise ValueError(f"{source} describes again: {', '.join(sorted(clash))}")
    target.update(entries)


@require_GET
def openapi_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse(api_description(), json_dumps_params={"ensure_ascii": False})
