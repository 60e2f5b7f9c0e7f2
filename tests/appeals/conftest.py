"""Fixtures of the appeals tests: `lodge` registers a case through the service."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest


@pytest.fixture
def lodge(people: Any, tree: Any) -> Any:
    """Register an appeal of the bureau (a review unless told), as its officer."""
    from xxgk.appeals.services import AppealData, appeal_register

    numbers = itertools.count(1)

    def _lodge(
        copy_received_on: date,
        *,
        kind: str = "review",
        agency: Any = None,
        user: Any = None,
        **fields: Any,
    ) -> Any:
        n = next(numbers)
        data = {
            "body": "甲市人民政府" if kind == "review" else "甲市乙区人民法院",
            "case_number": f"甲政复〔2025〕{n}号" if kind == "review" else f"（2025）行初{n}号",
            "applicant_name": "张三",
            **fields,
        }
        return appeal_register(
            user=user or people.officer,
            agency=agency or tree.bureau,
            data=AppealData(kind=kind, copy_received_on=copy_received_on, **data),
        )

    return _lodge
