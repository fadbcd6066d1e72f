"""Test data per app. Names are loaded from their app's module on first use (PEP 562), so that a test run
without a feature app (tests/portal/test_app_removal.py) can still import the factories it needs."""

from importlib import import_module

_MODULES = {
    "accounts": [
        "PASSWORD",
        "TOTP_SECRET",
        "ParentFactory",
        "UserFactory",
        "browser_log_in",
        "enrol_second_factor",
        "totp_code",
        "unused_recovery_code",
    ],
    "pages": ["ContentPageFactory"],
    "home": ["district", "district_index"],
    "directory": ["ProviderFactory"],
    "offers": ["day", "make_offer", "offer_index"],
    "kita": ["kita_index", "make_daycare"],
    "contact_points": ["contact_point_index", "make_contact_point", "make_event", "make_shift"],
    "changing_places": ["changing_place_index", "make_changing_place"],
    "accessibility": ["easy_guide", "statement_page"],
    "wiki": ["make_article", "wiki_category", "wiki_index"],
    "forum": [
        "establish",
        "forum_url",
        "make_forum",
        "make_reply",
        "make_topic",
        "reply_url",
        "topic_create_url",
        "topic_url",
    ],
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
