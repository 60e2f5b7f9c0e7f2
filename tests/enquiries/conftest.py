"""Fixtures of the enquiries' tests: submitting one through the service, as the portal does."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from xxgk.enquiries.services import EnquiryData, Receipt, enquiry_submit


@pytest.fixture
def submit(tree: Any, today: Any) -> Any:
    """Submit an enquiry to the bureau on `on` (which becomes "today")."""

    def _submit(on: date, *, agency: Any = None, **fields: Any) -> Receipt:
        today.set(on)
        data = {
            "kind": "question",
            "name": "刘洋",
            "contact": "13905990001",
            "subject": "不动产登记资料查询需要带什么材料",
            "text": "请问查询本人名下房屋的登记资料需要哪些材料？",
            "consent": True,
            **fields,
        }
        return enquiry_submit(agency=agency or tree.bureau, data=EnquiryData(**data))

    return _submit
