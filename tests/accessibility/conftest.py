import pytest


@pytest.fixture(autouse=True)
def _footer_cache():
    """The footer's links are cached across requests; a rolled-back test must not leave its pages in there."""
    from home.accessibility.selectors import footer_cache_clear

    footer_cache_clear()
    yield
    footer_cache_clear()
