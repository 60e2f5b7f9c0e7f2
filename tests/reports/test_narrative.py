"""The narrative sections drafted from the records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.appeals.conftest import lodge  # noqa: F401  (a fixture)
from xxgk.applications.models import Application, ApplicationEvent
from xxgk.reports.compute import report_compute
from xxgk.reports.narrative import OTHER_PROMPT, PROBLEMS_PROMPT

pytestmark = pytest.mark.django_db


def test_the_sections_state_the_years_facts(tree, people, register, lodge) -> None:  # noqa: F811
    first = register(date(2025, 3, 3))
    Application.objects.filter(pk=first.pk).update(
        status="replied", outcome="granted", closed_on=date(2025, 3, 20)
    )
    register(date(2025, 12, 29))
    ApplicationEvent.objects.create(
        application=first,
        kind="fee_paid",
        on=date(2025, 3, 18),
        amount=Decimal("100.00"),
        recorded_by=people.officer,
    )
    lodge(date(2025, 6, 1))
    sections = report_compute(agency=tree.bureau, year=2025).sections
    assert set(sections) == {
        "overview",
        "proactive",
        "applications",
        "appeals",
        "problems",
        "other",
    }
    assert "收到政府信息公开申请2件，办结1件" in sections["overview"]
    assert "本年度未收到网站咨询和建议" in sections["overview"]
    assert "新收政府信息公开申请2件（自然人2件，法人或其他组织0件）" in sections["applications"]
    assert "其中予以公开1件" in sections["applications"]
    assert "结转下年度继续办理1件" in sections["applications"]
    assert "被申请行政复议1件、被提起行政诉讼0件，尚未审结1件" in sections["appeals"]
    assert "收取信息处理费1件，共100元" in sections["other"]
    assert sections["problems"] == PROBLEMS_PROMPT
    assert sections["other"].endswith(OTHER_PROMPT)


def test_a_quiet_year(tree) -> None:
    sections = report_compute(agency=tree.bureau, year=2024).sections
    assert "未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况" in sections["appeals"]
    assert sections["other"].startswith("本年度未收取信息处理费。")
    assert "主动公开政府信息0条。" in sections["proactive"]
