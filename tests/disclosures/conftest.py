"""Fixtures of the register's tests: `draft` and `published` go through the services."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def draft(people: Any, tree: Any, today: Any) -> Any:
    """Draft a record of the bureau (an 其他 record unless told) as its officer."""
    from xxgk.disclosures.services import DisclosureData, disclosure_create

    if today.value is None:
        today.set(date(2025, 11, 3))

    def _draft(
        made_on: date = date(2025, 10, 9),
        *,
        agency: Any = None,
        user: Any = None,
        kind: str = "other",
        **fields: Any,
    ) -> Any:
        data = {"title": "2025年度国有建设用地供应计划", "summary": "供应总量和布局。", **fields}
        return disclosure_create(
            user=user or people.officer,
            agency=agency or tree.bureau,
            data=DisclosureData(made_on=made_on, kind=kind, **data),
        ).disclosure

    return _draft


@pytest.fixture
def publish(people: Any) -> Any:
    """Take a draft through 保密审查 (the head approves) to publication."""
    from xxgk.disclosures.services import disclosure_publish, disclosure_review, disclosure_submit

    def _publish(d: Any, on: date | None = None, *, head: Any = None, officer: Any = None) -> Any:
        on = on or d.made_on
        disclosure_submit(user=officer or people.officer, disclosure=d)
        disclosure_review(user=head or people.head, disclosure=d, on=on, opinion="approved")
        return disclosure_publish(user=officer or people.officer, disclosure=d, published_on=on)

    return _publish
