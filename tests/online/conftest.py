from __future__ import annotations

from typing import Any

import pytest

from xxgk.online.services import SubmissionData, submission_create

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def data(**changes: Any) -> SubmissionData:
    values: dict[str, Any] = {
        "applicant_kind": "natural_person",
        "applicant_name": "王五",
        "id_document": "resident_id",
        "id_number": "11010519491231002X",
        "phone": "13800138000",
        "email": "wangwu@example.cn",
        "request_text": "2025年度甲市自然资源局国有建设用地供应计划",
        "way": "email",
        **changes,
    }
    return SubmissionData(**values)


@pytest.fixture
def submit(tree: Any, media: Any) -> Any:
    """Submit an application to the bureau as the public does (through the service)."""
    counter = {"n": 0}

    def _submit(files: tuple[Any, ...] = (), **changes: Any) -> Any:
        counter["n"] += 1
        return submission_create(
            agency=tree.bureau,
            data=data(**changes),
            idempotency_key=f"test-{counter['n']}",
            files=files,
        )

    return _submit
