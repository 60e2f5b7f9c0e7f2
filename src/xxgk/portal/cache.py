"""The portal's cache (Django's cache framework: local memory, or Redis when REDIS_URL is set).

Cached things are keyed by a *generation*: `changed()` moves it on, so that everything cached
before is never read again (and expires on its own). The register's services call it, through
`xxgk.portal.services.portal_refresh`, whenever a record is published, changed or withdrawn; a
guide or 制度 published here calls it too. Every web process sees the same generation when the
cache is shared (Redis); with the local-memory default each process keeps its own, and `TIMEOUT`
bounds how stale another process can be.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

from django.core.cache import cache

T = TypeVar("T")
TIMEOUT = 300  # seconds
_GENERATION = "portal:generation"


def generation() -> int:
    value = cache.get(_GENERATION)
    if value is None:
        cache.add(_GENERATION, 1, timeout=None)
        value = cache.get(_GENERATION, 1)
    return int(value)


def changed() -> None:
    """Forget everything the portal has cached."""
    try:
        cache.incr(_GENERATION)
    except ValueError:  # not set yet (or evicted): a fresh start is as good
        cache.add(_GENERATION, 2, timeout=None)


def cached(key: str, build: Callable[[], T], timeout: int = TIMEOUT) -> T:
    """`build()`, kept under `key` in the current generation."""
    return cast(T, cache.get_or_set(f"portal:{generation()}:{key}", build, timeout))
