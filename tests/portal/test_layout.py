"""The dependency contract: core ← accounts ← … ← feature apps, feature apps never import each other, site/portal/
only wires, and nothing but the tests imports from tests/.

Every import of every module is read with `ast` (also those inside functions, and relative ones); a module belongs
to the app in settings.PORTAL_APPS with the longest matching module prefix (`portal` is the project package in
site/portal/). Models and migrations follow the same direction: a foreign key or a migration dependency is an
import by another name, and either would stop an app from being left out."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import pkgutil
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "portal"  # site/portal/: settings, URLs, WSGI; it wires the apps and may import any of them
# The lower layers, from the bottom; every other app in PORTAL_APPS is a feature app, all in one layer on top.
LOWER_LAYERS = [
    "core",
    "community.accounts",
    "community.notifications",
    "search",
    "home.translations",
    "home",
    "home.directory",
]
# Where the portal's packages live (the project package sits in site/).
PACKAGE_DIRS = {"core": ROOT, "community": ROOT, "home": ROOT, "search": ROOT, PROJECT: ROOT / "site"}
# Developer tools outside the deployed code that read test data on purpose (the benchmark runs the relevance
# table's queries); they are never imported by the portal.
MAY_IMPORT_TESTS = {"bench/search_bench.py"}
HOME_MODELS = {"HomePage", "ContentPage", "PortalSettings", "District", "DistrictIndexPage", "LocalInstitution"}


def feature_apps() -> list[str]:
    return [app for app in settings.PORTAL_APPS if app not in LOWER_LAYERS]


def layer_of(app: str) -> int:
    return LOWER_LAYERS.index(app) if app in LOWER_LAYERS else len(LOWER_LAYERS)


def app_of(module: str) -> str | None:
    """The app (or `portal`) whose module prefix is the longest one `module` starts with."""
    best = None
    for app in [*settings.PORTAL_APPS, PROJECT]:
        if (module == app or module.startswith(app + ".")) and (best is None or len(app) > len(best)):
            best = app
    return best


def module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, absolute module) for every import in the file, at any depth; `from a import b` yields `a.b`, so that
    importing a submodule by name counts as importing it."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module
            found += [(node.lineno, source if alias.name == "*" else f"{source}.{alias.name}") for alias in node.names]
    return found


def portal_modules() -> list[tuple[Path, str]]:
    modules = []
    for package, base in PACKAGE_DIRS.items():
        for path in sorted((base / package).rglob("*.py")):
            modules.append((path, module_name(path, base)))
    return modules


def python_files_outside_tests() -> list[Path]:
    files = []
    for directory, subdirs, names in os.walk(ROOT):
        here = Path(directory)
        subdirs[:] = sorted(
            d
            for d in subdirs
            if not d.startswith(".")
            and d not in {"__pycache__", "node_modules", "media", "static", "var"}
            and not (here == ROOT and d == "tests")
        )
        files += [here / name for name in sorted(names) if name.endswith(".py")]
    return files


def migrations_of(app: str) -> list[tuple[str, object]]:
    """(name, Migration) of the app's own migrations, read without Django's loader: a third-party migration
    (wagtail_localize's) queries the database when imported."""
    if importlib.util.find_spec(f"{app}.migrations") is None:
        return []
    package = importlib.import_module(f"{app}.migrations")
    return [
        (info.name, importlib.import_module(f"{package.__name__}.{info.name}").Migration)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda info: info.name)
        if not info.ispkg and not info.name.startswith("_")
    ]


def other_app_package(model, config) -> Path | None:
    """The package of another app (a folder with its own apps.py below the app's folder) that defines `model`. Such
    a model was imported although its app is not installed, and Django filed it under the enclosing app."""
    folder = Path(sys.modules[model.__module__].__file__).resolve().parent
    top = Path(config.path).resolve()
    while folder != top and top in folder.parents:
        if (folder / "apps.py").exists():
            return folder
        folder = folder.parent
    return None


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def violation(source: str, target: str) -> str | None:
    """Why `source` (an app) may not import from `target` (an app or `portal`), or None when it may."""
    features = feature_apps()
    if source == PROJECT or target == source:
        return None
    if target == PROJECT:
        return "only site/portal/ wires; no app imports the project package"
    if source in features and target in features:
        return "feature apps never import each other"
    if layer_of(target) > layer_of(source):
        return "a lower layer never imports a higher one"
    return None


def test_lower_layers_are_the_first_portal_apps_in_order():
    assert settings.PORTAL_APPS[: len(LOWER_LAYERS)] == LOWER_LAYERS
    assert feature_apps(), "no feature apps in PORTAL_APPS"
    assert [app for app in settings.INSTALLED_APPS if app in settings.PORTAL_APPS] == settings.PORTAL_APPS


def test_imports_go_one_direction_only():
    problems = []
    for path, module in portal_modules():
        source = app_of(module)
        lines = imports(path, module)
        if source is None:
            # A namespace parent such as community/__init__.py belongs to no app and must stay empty of imports.
            problems += [f"{rel(path)}:{line} (no app) -> {target}" for line, target in lines if app_of(target)]
            continue
        for line, target in lines:
            target_app = app_of(target)
            reason = target_app and violation(source, target_app)
            if reason:
                problems.append(f"{rel(path)}:{line} {source} -> {target}  ({reason})")
    for path in python_files_outside_tests():
        if rel(path) in MAY_IMPORT_TESTS:
            continue
        module = module_name(path, ROOT / "site" if rel(path).startswith("site/") else ROOT)
        for line, target in imports(path, module):
            if target == "tests" or target.startswith("tests."):
                problems.append(
                    f"{rel(path)}:{line} {app_of(module) or '(outside the apps)'} -> {target}  (only tests import tests)"
                )
    assert not problems, "Imports against the dependency direction:\n" + "\n".join(problems)


def test_the_scan_sees_every_portal_app():
    """Guards the test itself: every app has modules where the scan looks, and the scan finds the apps' imports."""
    seen = {app_of(module) for _path, module in portal_modules()}
    assert set(settings.PORTAL_APPS) | {PROJECT} <= seen
    core_imports = [
        target
        for path, module in portal_modules()
        if app_of(module) == "community.accounts"
        for _line, target in imports(path, module)
    ]
    assert any(target.startswith("core.") for target in core_imports)


def test_models_and_migrations_point_down_as_well():
    """A foreign key or a migration dependency binds an app as firmly as an import."""
    names = {config.label: config.name for config in apps.get_app_configs()}
    problems = []
    for model in apps.get_models(include_auto_created=True):
        source = model._meta.app_config.name
        if source not in settings.PORTAL_APPS:
            continue
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or field.related_model is None:
                continue
            target = field.related_model._meta.app_config.name
            reason = target in settings.PORTAL_APPS and violation(source, target)
            if reason:
                problems.append(
                    f"{model._meta.label}.{field.name} {source} -> {field.related_model._meta.label}  ({reason})"
                )
    for source in settings.PORTAL_APPS:
        for name, migration in migrations_of(source):
            for dependency_label, dependency in migration.dependencies:
                target = names.get(dependency_label)
                reason = target in settings.PORTAL_APPS and violation(source, target)
                if reason:
                    problems.append(
                        f"{source}.migrations.{name} {source} -> {dependency_label}.{dependency}  ({reason})"
                    )
    assert not problems, "Model links or migration dependencies against the dependency direction:\n" + "\n".join(
        problems
    )


def test_every_app_has_its_own_config_label_and_migrations():
    configs = {config.name: config for config in apps.get_app_configs()}
    problems = []
    for app in settings.PORTAL_APPS:
        config = configs.get(app)
        if config is None:
            problems.append(f"{app}: not installed")
            continue
        if type(config).__module__ != f"{app}.apps":
            problems.append(f"{app}: its AppConfig comes from {type(config).__module__}, not {app}.apps")
        if getattr(settings, "MIGRATION_MODULES", {}).get(config.label) not in (None, f"{app}.migrations"):
            problems.append(f"{app}: MIGRATION_MODULES moves its migrations")
        if (
            importlib.util.find_spec(f"{app}.migrations") is None
            or not (Path(config.path) / "migrations" / "__init__.py").exists()
        ):
            problems.append(f"{app}: no migrations package of its own")
        for model in config.get_models(include_auto_created=True):
            if app_of(model.__module__) != app or other_app_package(model, config):
                problems.append(f"{app}: model {model.__name__} is defined in {model.__module__}")
    labels = [configs[app].label for app in settings.PORTAL_APPS if app in configs]
    assert len(labels) == len(set(labels)), f"labels shared between portal apps: {labels}"
    for app in settings.PORTAL_APPS:
        if app in configs and list(configs[app].get_models()) and not migrations_of(app):
            problems.append(f"{app}: has models but no migrations")
    assert not problems, "\n".join(problems)


def test_home_keeps_only_the_site_and_district_models():
    assert {model.__name__ for model in apps.get_app_config("home").get_models()} == HOME_MODELS
