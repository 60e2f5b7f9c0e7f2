"""The editions of the national report format, one module each.

Every module in this package that does not start with ``_`` defines ``EDITION``; a new edition is
one new module and nothing else changes.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from xxgk.report.edition import Edition


class UnknownEdition(LookupError):
    """No edition has that key."""


@cache
def all_editions() -> dict[str, Edition]:
    """Every edition by key, oldest first."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        edition = importlib.import_module(f"{__name__}.{info.name}").EDITION
        found[edition.key] = edition
    return dict(sorted(found.items(), key=lambda kv: kv[1].first_year))


def get(key: str) -> Edition:
    """The edition with this key (``"2019"``, ``"2021"``)."""
    try:
        return all_editions()[str(key)]
    except KeyError:
        known = "、".join(all_editions())
        raise UnknownEdition(f"没有 {key} 版报告格式（已知：{known}）") from None


def for_year(year: int) -> Edition:
    """The edition in force for a report year: the newest one that began on or before it."""
    fitting = [e for e in all_editions().values() if e.first_year <= year]
    return fitting[-1] if fitting else next(iter(all_editions().values()))
