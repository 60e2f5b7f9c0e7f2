from __future__ import annotations

from typing import Any

import pytest

from tests.portal.factories import Portal, build


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    """The portal caches by generation; a test's database is new, so its cache is too."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def portal(tree: Any, people: Any) -> Portal:
    return build(agency=tree.bureau, user=people.officer)
